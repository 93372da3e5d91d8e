package dev.dynagate.partitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a Java {@code @DynamoDbBean} class for the SDK's Enhanced Client from an inferred schema: key and index
 * annotations, nested beans for maps, and for drifting attributes the type that reads every variant (a String
 * reads numbers too), with the drift said in a comment.
 */
public final class EnhancedClientBean {
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield");

    private EnhancedClientBean() {
    }

    public static String generate(TableLayout layout, SchemaNode root, long items) {
        String className = typeName(layout.table().table());
        StringBuilder out = new StringBuilder();
        out.append("import java.math.BigDecimal;\nimport java.util.List;\nimport java.util.Map;\nimport java.util.Set;\n");
        out.append("import software.amazon.awssdk.core.SdkBytes;\n");
        out.append("import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;\n\n");
        out.append("/** Inferred from ").append(Figures.count(items)).append(" items of ")
                .append(layout.table().table()).append(". */\n");
        Map<String, SchemaNode> nested = new LinkedHashMap<>();
        bean(out, className, root, layout, items, "", nested, true);
        return out.toString();
    }

    private static void bean(StringBuilder out, String className, SchemaNode node, TableLayout layout, long items,
                             String indent, Map<String, SchemaNode> unused, boolean top) {
        out.append(indent).append("@DynamoDbBean\n").append(indent).append("public ").append(top ? "" : "static ")
                .append("class ").append(className).append(" {\n");
        List<String[]> fields = new ArrayList<>();
        Map<String, SchemaNode> beans = new LinkedHashMap<>();
        for (SchemaNode member : node.members().values()) {
            String field = fieldName(member.name());
            String type = javaType(member, beans);
            fields.add(new String[] {field, type, member.name()});
            if (member.drifts()) {
                out.append(indent).append("    // drift: ").append(AttributeProfile.of(member, 0, items).typesText())
                        .append(" — read as ").append(type).append('\n');
            }
            out.append(indent).append("    private ").append(type).append(' ').append(field).append(";\n");
        }
        for (String[] f : fields) {
            out.append('\n');
            if (top) {
                annotations(out, indent + "    ", f[2], layout);
            }
            if (!f[0].equals(f[2])) {
                out.append(indent).append("    @DynamoDbAttribute(\"").append(f[2].replace("\"", "\\\"")).append("\")\n");
            }
            String property = Character.toUpperCase(f[0].charAt(0)) + f[0].substring(1);
            out.append(indent).append("    public ").append(f[1]).append(" get").append(property).append("() { return ")
                    .append(f[0]).append("; }\n");
            out.append(indent).append("    public void set").append(property).append('(').append(f[1]).append(' ')
                    .append(f[0]).append(") { this.").append(f[0]).append(" = ").append(f[0]).append("; }\n");
        }
        for (Map.Entry<String, SchemaNode> b : beans.entrySet()) {
            out.append('\n');
            bean(out, b.getKey(), b.getValue(), layout, items, indent + "    ", unused, false);
        }
        out.append(indent).append("}\n");
    }

    private static void annotations(StringBuilder out, String indent, String name, TableLayout layout) {
        KeySchema keys = layout.table();
        if (name.equals(keys.partitionKey())) {
            out.append(indent).append("@DynamoDbPartitionKey\n");
        }
        if (name.equals(keys.sortKey())) {
            out.append(indent).append("@DynamoDbSortKey\n");
        }
        List<String> hashOf = new ArrayList<>();
        List<String> rangeOf = new ArrayList<>();
        for (KeySchema index : layout.globalIndexes()) {
            if (name.equals(index.partitionKey())) {
                hashOf.add('"' + index.index() + '"');
            }
            if (name.equals(index.sortKey())) {
                rangeOf.add('"' + index.index() + '"');
            }
        }
        if (!hashOf.isEmpty()) {
            out.append(indent).append("@DynamoDbSecondaryPartitionKey(indexNames = ").append(names(hashOf)).append(")\n");
        }
        if (!rangeOf.isEmpty()) {
            out.append(indent).append("@DynamoDbSecondarySortKey(indexNames = ").append(names(rangeOf)).append(")\n");
        }
    }

    private static String names(List<String> names) {
        return names.size() == 1 ? names.get(0) : "{" + String.join(", ", names) + "}";
    }

    private static String javaType(SchemaNode node, Map<String, SchemaNode> beans) {
        if (node.drifts()) {
            boolean scalarOnly = node.types().keySet().stream().allMatch(t -> Set.of("S", "N", "BOOL", "NULL").contains(t));
            return scalarOnly ? "String" : "Object /* no single Java type reads every variant */";
        }
        return switch (node.mainType()) {
            case "S" -> "String";
            case "N" -> number(node);
            case "B" -> "SdkBytes";
            case "BOOL" -> "Boolean";
            case "SS" -> "Set<String>";
            case "NS" -> "Set<" + number(node) + ">";
            case "BS" -> "Set<SdkBytes>";
            case "L" -> "List<" + (node.element() == null ? "String" : javaType(node.element(), beans)) + ">";
            case "M" -> {
                if (node.members().isEmpty()) {
                    yield "Map<String, String>";
                }
                String type = typeName(node.name().equals("[]") ? "Element" : node.name());
                beans.put(type, node);
                yield type;
            }
            default -> "String";
        };
    }

    private static String number(SchemaNode node) {
        if (node.numbersFitLong()) {
            return "Long";
        }
        return node.beyondDouble() > 0 ? "BigDecimal" : "Double";
    }

    private static String fieldName(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '_') {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = out.length() > 0;
            }
        }
        String field = out.length() == 0 ? "attribute" : out.toString();
        if (Character.isDigit(field.charAt(0))) {
            field = "a" + field;
        }
        field = Character.toLowerCase(field.charAt(0)) + field.substring(1);
        return JAVA_KEYWORDS.contains(field) ? field + "Value" : field;
    }

    private static String typeName(String name) {
        String field = fieldName(name);
        return field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
    }
}
