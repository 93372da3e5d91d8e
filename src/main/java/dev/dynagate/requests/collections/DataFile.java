package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Data rows for a run, one iteration per row: a CSV file (first line the variable names; quoted fields with
 * {@code ""} escapes and line breaks) or a JSON array of objects (non-string values are taken as JSON text).
 */
public final class DataFile {
    private DataFile() {
    }

    public static List<Map<String, String>> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CollectionFormatException(file, 0, "cannot be read (" + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || text.stripLeading().startsWith("[") ? json(file, text) : csv(file, text);
    }

    static List<Map<String, String>> json(Path file, String text) {
        JsonNode root = JsonFiles.parse(file, text);
        if (!root.isArray()) {
            throw new CollectionFormatException(file, 1, "a data file must hold a JSON array of objects");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode item : root) {
            if (!item.isObject()) {
                throw new CollectionFormatException(file, 0, "item " + (rows.size() + 1) + " is not an object");
            }
            Map<String, String> row = new LinkedHashMap<>();
            item.fields().forEachRemaining(e -> row.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, String>> csv(Path file, String text) {
        List<List<String>> records = new CsvReader(file, text).records();
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> names = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() == 1 && values.get(0).isEmpty()) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i).strip(), i < values.size() ? values.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180 records; a quote left open is reported with the line it was opened on. */
    private static final class CsvReader {
        private final Path file;
        private final String text;
        private int pos;
        private int line = 1;

        CsvReader(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        List<List<String>> records() {
            List<List<String>> out = new ArrayList<>();
            while (pos < text.length()) {
                out.add(record());
            }
            return out;
        }

        private List<String> record() {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"' && field.isEmpty()) {
                    quoted(field);
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    line++;
                    break;
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }

        private void quoted(StringBuilder field) {
            int opened = line;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        return;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            }
            throw new CollectionFormatException(file, opened, "a quoted value is never closed");
        }
    }
}
