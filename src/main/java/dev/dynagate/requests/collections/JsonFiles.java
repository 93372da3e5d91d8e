package dev.dynagate.requests.collections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.dynagate.files.FileReplace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the JSON files of collections: two-space indent, {@code \n} line ends on every platform and a
 * final newline, so the same content always gives the same bytes. Read errors name the file and the line.
 */
public final class JsonFiles {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentArraysWith(indenter);
        printer.indentObjectsWith(indenter);
        WRITER = MAPPER.writer(printer);
    }

    private JsonFiles() {
    }

    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CollectionFormatException(file, 0, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    public static JsonNode parse(Path file, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new CollectionFormatException(file, 0, "is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CollectionFormatException(file, line, e.getOriginalMessage());
        }
    }

    public static String format(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the file whole, so neither a crash nor a power loss leaves half a file behind. */
    public static void write(Path file, JsonNode node) {
        try {
            FileReplace.writeString(file, format(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
