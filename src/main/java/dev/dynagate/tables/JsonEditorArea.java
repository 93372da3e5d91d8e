package dev.dynagate.tables;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** A JSON code editor: line numbers, syntax colours (DynamoDB type keys stand out), the error line marked. */
final class JsonEditorArea extends CodeArea {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "|(?<NUMBER>-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|(?<LITERAL>\\btrue\\b|\\bfalse\\b|\\bnull\\b)");
    private static final Set<String> TYPE_KEYS = Set.of("\"S\"", "\"N\"", "\"B\"", "\"BOOL\"", "\"NULL\"", "\"SS\"",
            "\"NS\"", "\"BS\"", "\"L\"", "\"M\"");
    private int errorLine = -1;
    private boolean syncing;

    JsonEditorArea() {
        getStyleClass().add("json-editor");
        setParagraphGraphicFactory(LineNumberFactory.get(this));
        setWrapText(false);
        textProperty().addListener((obs, old, text) -> setStyleSpans(0, highlight(text)));
    }

    /** Keeps the editor and a presenter's text in step, without echoing a change back to where it came from. */
    void bindText(StringProperty text) {
        replaceText(text.get() == null ? "" : text.get());
        text.addListener((obs, old, value) -> {
            if (!syncing && !getText().equals(value)) {
                syncing = true;
                replaceText(value == null ? "" : value);
                syncing = false;
            }
        });
        textProperty().addListener((obs, old, value) -> {
            if (!syncing) {
                syncing = true;
                text.set(value);
                syncing = false;
            }
        });
    }

    /** Marks the line (1-based) of a parse problem; 0 or less clears the mark. */
    void markError(int line) {
        if (errorLine >= 0 && errorLine < getParagraphs().size()) {
            setParagraphStyle(errorLine, Collections.emptyList());
        }
        errorLine = line - 1;
        if (errorLine >= 0 && errorLine < getParagraphs().size()) {
            setParagraphStyle(errorLine, List.of("error-line"));
        }
    }

    static StyleSpans<Collection<String>> highlight(String text) {
        Matcher matcher = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (matcher.find()) {
            String style = matcher.group("KEY") != null
                    ? (TYPE_KEYS.contains(matcher.group("KEY")) ? "json-type" : "json-key")
                    : matcher.group("STRING") != null ? "json-string"
                    : matcher.group("NUMBER") != null ? "json-number" : "json-literal";
            spans.add(Collections.emptyList(), matcher.start() - last);
            spans.add(List.of(style), matcher.end() - matcher.start());
            last = matcher.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
