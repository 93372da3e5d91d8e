package dev.dynagate.sandbox.demo.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items as the experiments API shows them: plain JSON, numbers kept exact (a 38-digit number stays 38 digits),
 * binary as base64, sets as arrays.
 */
final class ItemJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ItemJson() {
    }

    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> node.set(e.getKey(), toJson(e.getValue())));
        return node;
    }

    static JsonNode toJson(AttributeValue value) {
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> NODES.numberNode(new BigDecimal(value.n()));
            case B -> NODES.textNode(Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
            case SS -> array(value.ss().stream().map(NODES::textNode).toList());
            case NS -> array(value.ns().stream().map(n -> (JsonNode) NODES.numberNode(new BigDecimal(n))).toList());
            case BS -> array(value.bs().stream()
                    .map(b -> (JsonNode) NODES.textNode(Base64.getEncoder().encodeToString(b.asByteArray()))).toList());
            case L -> array(value.l().stream().map(ItemJson::toJson).toList());
            case M -> toJson(value.m());
            default -> NODES.nullNode();
        };
    }

    private static ArrayNode array(List<? extends JsonNode> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Plain JSON to attribute values: strings, numbers, booleans, null, lists and maps. */
    static Map<String, AttributeValue> fromJson(JsonNode object) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> item.put(e.getKey(), fromJson1(e.getValue())));
        return item;
    }

    private static AttributeValue fromJson1(JsonNode node) {
        if (node.isTextual()) {
            return AttributeValue.fromS(node.asText());
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(node.decimalValue().toPlainString());
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.asBoolean());
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(n -> list.add(fromJson1(n)));
            return AttributeValue.fromL(list);
        }
        if (node.isObject()) {
            return AttributeValue.fromM(fromJson(node));
        }
        return AttributeValue.fromNul(true);
    }

    static SdkBytes bytes(byte[] value) {
        return SdkBytes.fromByteArray(value);
    }
}
