package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How DynamoDB's older validation layer echoes a structured member in a constraint message: as the Java objects the
 * request was read into print themselves. Maps are {@code {k=v, k2=v2}}, lists {@code [a, b]} and structures
 * {@code KeySchemaElement(attributeName=pk, keyType=HASH)}, with every field, null ones included (as recorded from
 * DynamoDB for KeySchema and BatchWriteItem's RequestItems, 2026-09).
 */
final class JavaEcho {
    private JavaEcho() {
    }

    /** A KeySchema: {@code [KeySchemaElement(attributeName=pk, keyType=HASH), …]}. */
    static String keySchema(JsonNode list) {
        return list(list, element -> "KeySchemaElement(attributeName=" + text(element.get("AttributeName"))
                + ", keyType=" + text(element.get("KeyType")) + ")");
    }

    /** BatchWriteItem's RequestItems: {@code {table=[WriteRequest(putRequest=PutRequest(item={…}), …)]}}. */
    static String writeRequests(JsonNode requestItems) {
        return map(requestItems, writes -> list(writes, JavaEcho::writeRequest));
    }

    private static String writeRequest(JsonNode request) {
        JsonNode put = request.get("PutRequest");
        JsonNode delete = request.get("DeleteRequest");
        return "WriteRequest(putRequest=" + (present(put) ? "PutRequest(item=" + item(put.get("Item")) + ")" : "null")
                + ", deleteRequest=" + (present(delete) ? "DeleteRequest(key=" + item(delete.get("Key")) + ")"
                : "null") + ")";
    }

    private static String item(JsonNode item) {
        return present(item) ? map(item, JavaEcho::value) : "null";
    }

    /** An attribute value as its one member: {@code AttributeValue(s=x)}, {@code AttributeValue(m={a=…})}. */
    private static String value(JsonNode value) {
        if (!value.isObject() || value.isEmpty()) {
            return text(value);
        }
        Map.Entry<String, JsonNode> member = value.fields().next();
        String field = Character.toLowerCase(member.getKey().charAt(0)) + member.getKey().substring(1);
        JsonNode v = member.getValue();
        String shown = switch (member.getKey()) {
            case "M" -> map(v, JavaEcho::value);
            case "L" -> list(v, JavaEcho::value);
            case "SS", "NS", "BS" -> list(v, JavaEcho::text);
            default -> text(v);
        };
        return "AttributeValue(" + field + "=" + shown + ")";
    }

    private static String map(JsonNode map, Function<JsonNode, String> values) {
        if (!map.isObject()) {
            return text(map);
        }
        List<String> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            entries.add(entry.getKey() + "=" + values.apply(entry.getValue()));
        }
        return "{" + String.join(", ", entries) + "}";
    }

    private static String list(JsonNode list, Function<JsonNode, String> elements) {
        if (!list.isArray()) {
            return text(list);
        }
        List<String> shown = new ArrayList<>();
        list.forEach(element -> shown.add(elements.apply(element)));
        return "[" + String.join(", ", shown) + "]";
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.isTextual() ? node.textValue() : node.toString();
    }
}
