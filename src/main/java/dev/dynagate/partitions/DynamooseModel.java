package dev.dynagate.partitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a Dynamoose model (JavaScript) for an inferred schema: hash and range keys, global indexes, required for
 * attributes every item has, nested schemas for maps, lists and sets, and several types where the data drifts.
 */
public final class DynamooseModel {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private DynamooseModel() {
    }

    public static String generate(TableLayout layout, SchemaNode root, long items) {
        KeySchema keys = layout.table();
        String schema = identifier(keys.table()) + "Schema";
        StringBuilder out = new StringBuilder();
        out.append("const dynamoose = require(\"dynamoose\");\n\n");
        out.append("// Inferred from ").append(Figures.count(items)).append(" items of ").append(keys.table())
                .append("; attributes seen in every item are required.\n");
        out.append("const ").append(schema).append(" = new dynamoose.Schema({\n");
        List<String> lines = new ArrayList<>();
        for (SchemaNode node : root.members().values()) {
            lines.add("  " + key(node.name()) + ": " + attribute(node, layout, items, "  "));
        }
        out.append(String.join(",\n", lines)).append("\n}, {\n  \"saveUnknown\": false\n});\n\n");
        out.append("module.exports = dynamoose.model(\"").append(keys.table()).append("\", ").append(schema)
                .append(", {\"create\": false, \"waitForActive\": false});\n");
        return out.toString();
    }

    private static String attribute(SchemaNode node, TableLayout layout, long items, String indent) {
        List<String> settings = new ArrayList<>();
        settings.add("\"type\": " + type(node, indent));
        KeySchema keys = layout.table();
        boolean topLevel = !node.path().contains(".") && !node.path().contains("[");
        if (topLevel && node.name().equals(keys.partitionKey())) {
            settings.add("\"hashKey\": true");
        } else if (topLevel && node.name().equals(keys.sortKey())) {
            settings.add("\"rangeKey\": true");
        } else if (topLevel && node.presentItems() == items) {
            settings.add("\"required\": true");
        }
        if (topLevel) {
            for (KeySchema index : layout.globalIndexes()) {
                if (node.name().equals(index.partitionKey())) {
                    settings.add("\"index\": {\"name\": \"" + index.index() + "\", \"type\": \"global\""
                            + (index.hasSortKey() ? ", \"rangeKey\": \"" + index.sortKey() + "\"" : "") + "}");
                }
            }
        }
        String comment = node.drifts() ? " /* drift: " + AttributeProfile.of(node, 0, items).typesText() + " */" : "";
        return "{" + String.join(", ", settings) + "}" + comment;
    }

    private static String type(SchemaNode node, String indent) {
        List<String> types = new ArrayList<>();
        for (String t : node.types().keySet()) {
            types.add(single(t, node, indent));
        }
        return types.size() == 1 ? types.get(0) : "[" + String.join(", ", types) + "]";
    }

    private static String single(String type, SchemaNode node, String indent) {
        return switch (type) {
            case "S" -> "String";
            case "N" -> "Number";
            case "B" -> "Buffer";
            case "BOOL" -> "Boolean";
            case "NULL" -> "dynamoose.type.NULL";
            case "SS" -> "{\"type\": Set, \"schema\": [String]}";
            case "NS" -> "{\"type\": Set, \"schema\": [Number]}";
            case "BS" -> "{\"type\": Set, \"schema\": [Buffer]}";
            case "L" -> node.element() == null ? "Array"
                    : "{\"type\": Array, \"schema\": [" + type(node.element(), indent) + "]}";
            case "M" -> map(node, indent);
            default -> "dynamoose.type.ANY";
        };
    }

    private static String map(SchemaNode node, String indent) {
        if (node.members().isEmpty()) {
            return "Object";
        }
        String inner = indent + "  ";
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, SchemaNode> e : node.members().entrySet()) {
            members.add(inner + "  " + key(e.getKey()) + ": " + type(e.getValue(), inner + "  "));
        }
        return "{\"type\": Object, \"schema\": {\n" + String.join(",\n", members) + "\n" + inner + "}}";
    }

    private static String key(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String identifier(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9_$]", "");
        return IDENTIFIER.matcher(clean).matches() ? clean : "Table" + clean;
    }
}
