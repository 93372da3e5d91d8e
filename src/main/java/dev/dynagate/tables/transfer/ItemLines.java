package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.DynamoJson;
import dev.dynagate.tables.PlainJson;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one item per line, as the export writes them: DynamoDB JSON (bare, or wrapped in {@code {"Item": ...}} as
 * DynamoDB's own export writes it) or plain JSON, whose values are typed from JSON (numbers N with every digit,
 * strings S, arrays L, objects M: plain JSON has no sets or binary).
 */
public final class ItemLines {
    private static final Pattern WRAPPED = Pattern.compile("^\\s*\\{\\s*\"Item\"\\s*:\\s*(\\{.*})\\s*}\\s*$",
            Pattern.DOTALL);

    private ItemLines() {
    }

    /** The item on one line; IllegalArgumentException says what is wrong with it. */
    public static Map<String, Attr> parse(String line, ExportFormat format) {
        return switch (format) {
            case DDB_JSON -> DynamoJson.parse(unwrapped(line));
            case JSONL -> PlainJson.parse(line, Map.of()).item();
            case CSV -> throw new IllegalArgumentException("CSV cannot be imported: it does not say which type a "
                    + "value has. Export as ddb-json to move items without losing a type.");
        };
    }

    /** The format of a file, from its first item line: DynamoDB JSON when every value reads as one, else plain. */
    public static ExportFormat detect(String firstLine) {
        if (WRAPPED.matcher(firstLine).matches()) {
            return ExportFormat.DDB_JSON;
        }
        try {
            DynamoJson.parse(firstLine);
            return ExportFormat.DDB_JSON;
        } catch (IllegalArgumentException notTyped) {
            return ExportFormat.JSONL;
        }
    }

    private static String unwrapped(String line) {
        Matcher wrapped = WRAPPED.matcher(line);
        return wrapped.matches() ? wrapped.group(1) : line;
    }
}
