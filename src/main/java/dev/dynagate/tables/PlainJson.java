package dev.dynagate.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Items as plain JSON ({"id": "x", "count": 42}). Plain JSON cannot say "string set" or "binary", so reading
 * it back takes the item as loaded as a guide: where a value still fits its loaded type, it keeps that type (a
 * number stays N with its exact digits, a string array where an SS was stays SS, base64 where a B was stays B);
 * where it does not, the change of type is reported so the user sees it before saving.
 */
public final class PlainJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private PlainJson() {
    }

    /** A value whose DynamoDB type differs from the loaded one. */
    public record TypeChange(String path, String from, String to) {
        @Override
        public String toString() {
            return path + ": " + from + " → " + to;
        }
    }

    public record Parsed(Map<String, Attr> item, List<TypeChange> typeChanges) {
    }

    public static String write(Map<String, Attr> item) {
        try {
            return ItemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toNode(item));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact single-line form: one line of a JSON Lines export. */
    public static String writeCompact(Map<String, Attr> item) {
        return compact(toNode(item));
    }

    /** One value alone, compact: a CSV cell holding a list, map or set. */
    public static String writeValue(Attr value) {
        return compact(toNode(value));
    }

    private static String compact(JsonNode node) {
        try {
            return ItemJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode toNode(Map<String, Attr> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, toNode(value)));
        return node;
    }

    static JsonNode toNode(Attr value) {
        if (value instanceof Attr.S s) {
            return NODES.textNode(s.value());
        } else if (value instanceof Attr.N n) {
            return NODES.numberNode(n.decimal());
        } else if (value instanceof Attr.B b) {
            return NODES.textNode(b.base64());
        } else if (value instanceof Attr.Bool b) {
            return NODES.booleanNode(b.value());
        } else if (value instanceof Attr.Null) {
            return NODES.nullNode();
        } else if (value instanceof Attr.SS ss) {
            ArrayNode array = NODES.arrayNode();
            ss.values().forEach(array::add);
            return array;
        } else if (value instanceof Attr.NS ns) {
            ArrayNode array = NODES.arrayNode();
            ns.values().forEach(v -> array.add(new BigDecimal(v)));
            return array;
        } else if (value instanceof Attr.BS bs) {
            ArrayNode array = NODES.arrayNode();
            bs.values().forEach(v -> array.add(v.base64()));
            return array;
        } else if (value instanceof Attr.L l) {
            ArrayNode array = NODES.arrayNode();
            l.values().forEach(v -> array.add(toNode(v)));
            return array;
        }
        return toNode(((Attr.M) value).values());
    }

    /** Reads plain JSON, keeping the types of {@code loaded} (may be empty for a new item) where values fit. */
    public static Parsed parse(String text, Map<String, Attr> loaded) {
        JsonNode root = ItemJson.read(text);
        List<TypeChange> changes = new ArrayList<>();
        Map<String, Attr> item = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> item.put(field.getKey(),
                convert(field.getValue(), loaded.get(field.getKey()), field.getKey(), changes)));
        return new Parsed(item, List.copyOf(changes));
    }

    private static Attr convert(JsonNode node, Attr hint, String path, List<TypeChange> changes) {
        Attr value = guided(node, hint, path, changes);
        if (hint != null && !hint.type().equals(value.type())) {
            changes.add(new TypeChange(path, hint.type(), value.type()));
        }
        return value;
    }

    private static Attr guided(JsonNode node, Attr hint, String path, List<TypeChange> changes) {
        if (node.isNull()) {
            return new Attr.Null();
        }
        if (node.isBoolean()) {
            return new Attr.Bool(node.booleanValue());
        }
        if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            // an unchanged number keeps the exact text it was loaded with
            if (hint instanceof Attr.N n && n.decimal().compareTo(number) == 0) {
                return n;
            }
            return new Attr.N(node.isBigDecimal() ? number.toString() : node.numberValue().toString());
        }
        if (node.isTextual()) {
            if (hint instanceof Attr.B && isBase64(node.textValue())) {
                return Attr.B.base64(node.textValue());
            }
            return new Attr.S(node.textValue());
        }
        if (node.isArray()) {
            return array((ArrayNode) node, hint, path, changes);
        }
        Map<String, Attr> hints = hint instanceof Attr.M m ? m.values() : Map.of();
        Map<String, Attr> members = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> members.put(field.getKey(),
                convert(field.getValue(), hints.get(field.getKey()), path + "." + field.getKey(), changes)));
        return new Attr.M(members);
    }

    private static Attr array(ArrayNode node, Attr hint, String path, List<TypeChange> changes) {
        List<JsonNode> members = new ArrayList<>();
        node.forEach(members::add);
        if (!members.isEmpty()) {
            if (hint instanceof Attr.SS && members.stream().allMatch(JsonNode::isTextual) && distinct(members)) {
                Set<String> values = new LinkedHashSet<>();
                members.forEach(m -> values.add(m.textValue()));
                return new Attr.SS(values);
            }
            if (hint instanceof Attr.NS ns && members.stream().allMatch(JsonNode::isNumber)) {
                Set<String> values = new LinkedHashSet<>();
                for (JsonNode m : members) {
                    String exact = ns.values().stream()
                            .filter(v -> new BigDecimal(v).compareTo(m.decimalValue()) == 0).findFirst()
                            .orElse(m.decimalValue().toString());
                    values.add(exact);
                }
                if (values.size() == members.size()) {
                    return new Attr.NS(values);
                }
            }
            if (hint instanceof Attr.BS && members.stream().allMatch(m -> m.isTextual() && isBase64(m.textValue()))
                    && distinct(members)) {
                Set<Attr.B> values = new LinkedHashSet<>();
                members.forEach(m -> values.add(Attr.B.base64(m.textValue())));
                return new Attr.BS(values);
            }
        }
        List<Attr> hints = hint instanceof Attr.L l ? l.values() : List.of();
        List<Attr> values = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            values.add(convert(members.get(i), i < hints.size() ? hints.get(i) : null, path + "[" + i + "]", changes));
        }
        return new Attr.L(values);
    }

    private static boolean distinct(List<JsonNode> members) {
        return members.stream().map(JsonNode::textValue).distinct().count() == members.size();
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
