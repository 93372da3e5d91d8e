package dev.dynagate.tables.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.tables.Attr;
import dev.dynagate.tables.DynamoJson;
import dev.dynagate.tables.PlainJson;
import java.util.Map;
import java.util.Set;
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

    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
    private static final ObjectMapper SHAPE = new ObjectMapper();

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

    /**
     * The format of a file, from the shape of its first item line: DynamoDB JSON when it is wrapped in {@code "Item"}
     * or every value is an object naming one DynamoDB type ({"S": …}), even one with a mistake in it, so the check
     * reports that mistake rather than every line as the wrong type; plain JSON otherwise.
     */
    public static ExportFormat detect(String firstLine) {
        if (WRAPPED.matcher(firstLine).matches()) {
            return ExportFormat.DDB_JSON;
        }
        JsonNode root;
        try {
            root = SHAPE.readTree(firstLine);
        } catch (JsonProcessingException notJson) {
            return ExportFormat.JSONL;
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            return ExportFormat.JSONL;
        }
        for (JsonNode value : root) {
            if (!value.isObject() || value.size() != 1 || !TYPES.contains(value.fieldNames().next())) {
                return ExportFormat.JSONL;
            }
        }
        return ExportFormat.DDB_JSON;
    }

    private static String unwrapped(String line) {
        Matcher wrapped = WRAPPED.matcher(line);
        return wrapped.matches() ? wrapped.group(1) : line;
    }
}
