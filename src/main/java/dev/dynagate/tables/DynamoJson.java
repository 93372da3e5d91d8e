package dev.dynagate.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Items as DynamoDB JSON ({"id": {"S": "x"}}), the wire format: every type explicit, numbers as strings. */
public final class DynamoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private DynamoJson() {
    }

    public static String write(Map<String, Attr> item) {
        try {
            return ItemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toNode(item));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact single-line form, for the request preview and CLI commands. */
    public static String writeCompact(Map<String, Attr> item) {
        try {
            return ItemJson.MAPPER.writeValueAsString(toNode(item));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toNode(Map<String, Attr> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, toNode(value)));
        return node;
    }

    public static ObjectNode toNode(Attr value) {
        ObjectNode node = NODES.objectNode();
        if (value instanceof Attr.S s) {
            node.put("S", s.value());
        } else if (value instanceof Attr.N n) {
            node.put("N", n.value());
        } else if (value instanceof Attr.B b) {
            node.put("B", b.base64());
        } else if (value instanceof Attr.Bool b) {
            node.put("BOOL", b.value());
        } else if (value instanceof Attr.Null) {
            node.put("NULL", true);
        } else if (value instanceof Attr.SS ss) {
            strings(node.putArray("SS"), ss.values());
        } else if (value instanceof Attr.NS ns) {
            strings(node.putArray("NS"), ns.values());
        } else if (value instanceof Attr.BS bs) {
            strings(node.putArray("BS"), bs.values().stream().map(Attr.B::base64).toList());
        } else if (value instanceof Attr.L l) {
            ArrayNode array = node.putArray("L");
            l.values().forEach(v -> array.add(toNode(v)));
        } else if (value instanceof Attr.M m) {
            node.set("M", toNode(m.values()));
        }
        return node;
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }

    /** Parses DynamoDB JSON text; every problem names the attribute and, where it can, the line and column. */
    public static Map<String, Attr> parse(String text) {
        JsonNode root = ItemJson.read(text);
        Map<String, Attr> item = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            try {
                item.put(field.getKey(), fromNode(field.getValue(), field.getKey()));
            } catch (IllegalArgumentException e) {
                if (e instanceof JsonProblem) {
                    throw e;
                }
                int[] at = ItemJson.locate(text, field.getKey());
                throw new JsonProblem(e.getMessage(), at[0], at[1]);
            }
        }
        return item;
    }

    static Attr fromNode(JsonNode node, String path) {
        if (!node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException(path + ": a DynamoDB JSON value is an object with exactly one type, "
                    + "like {\"S\": \"text\"} or {\"N\": \"42\"}.");
        }
        Map.Entry<String, JsonNode> typed = node.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> new Attr.S(text(v, path, "S"));
            case "N" -> number(v, path);
            case "B" -> binary(text(v, path, "B"), path);
            case "BOOL" -> {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException(path + ": BOOL takes true or false.");
                }
                yield new Attr.Bool(v.booleanValue());
            }
            case "NULL" -> new Attr.Null();
            case "SS" -> new Attr.SS(set(v, path, "SS"));
            case "NS" -> {
                Set<String> members = new LinkedHashSet<>();
                array(v, path, "NS").forEach(m -> members.add(number(m, path).value()));
                yield new Attr.NS(members);
            }
            case "BS" -> {
                Set<Attr.B> members = new LinkedHashSet<>();
                set(v, path, "BS").forEach(m -> members.add(binary(m, path)));
                yield new Attr.BS(members);
            }
            case "L" -> {
                List<Attr> members = new ArrayList<>();
                List<JsonNode> nodes = array(v, path, "L");
                for (int i = 0; i < nodes.size(); i++) {
                    members.add(fromNode(nodes.get(i), path + "[" + i + "]"));
                }
                yield new Attr.L(members);
            }
            case "M" -> {
                if (!v.isObject()) {
                    throw new IllegalArgumentException(path + ": M takes an object.");
                }
                Map<String, Attr> members = new LinkedHashMap<>();
                v.fields().forEachRemaining(e -> members.put(e.getKey(), fromNode(e.getValue(), path + "." + e.getKey())));
                yield new Attr.M(members);
            }
            default -> throw new IllegalArgumentException(path + ": unknown type \"" + typed.getKey()
                    + "\" (expected S, N, B, BOOL, NULL, SS, NS, BS, L or M).");
        };
    }

    private static String text(JsonNode v, String path, String type) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException(path + ": " + type + " takes a string.");
        }
        return v.textValue();
    }

    private static Attr.N number(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException(path + ": a number is written as a string in DynamoDB JSON, like {\"N\": \"42\"}.");
        }
        try {
            return new Attr.N(v.textValue());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": \"" + v.textValue() + "\" is not a number.");
        }
    }

    private static Attr.B binary(String base64, String path) {
        try {
            return Attr.B.base64(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": binary values are base64; \"" + base64 + "\" is not.");
        }
    }

    private static List<JsonNode> array(JsonNode v, String path, String type) {
        if (!v.isArray()) {
            throw new IllegalArgumentException(path + ": " + type + " takes an array.");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static Set<String> set(JsonNode v, String path, String type) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode member : array(v, path, type)) {
            if (!out.add(text(member, path, type))) {
                throw new IllegalArgumentException(path + ": " + type + " holds \"" + member.textValue() + "\" twice; a set cannot.");
            }
        }
        return out;
    }
}
