package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request body with typed accessors that fail as DynamoDB does: a JSON value of the wrong type is a
 * SerializationException, a missing or out-of-range member a ValidationException naming the member.
 */
public final class Request {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode body;

    public Request(JsonNode body) {
        this.body = body;
    }

    public JsonNode body() {
        return body;
    }

    public boolean has(String field) {
        JsonNode n = body.get(field);
        return n != null && !n.isNull();
    }

    public JsonNode node(String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n;
    }

    public String string(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw notA("String", n);
        }
        return n.textValue();
    }

    public String requiredString(String field) {
        String s = string(field);
        if (s == null) {
            throw missing(field);
        }
        return s;
    }

    public Integer integer(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isNumber()) {
            throw notA("Integer", n);
        }
        // fractions are cut as the JSON reader of DynamoDB does; huge values saturate
        double value = Math.floor(n.doubleValue());
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    public Long longValue(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isNumber()) {
            throw notA("Long", n);
        }
        return n.canConvertToLong() ? n.longValue() : (long) Math.floor(n.doubleValue());
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode n = node(field);
        if (n == null) {
            return fallback;
        }
        if (n.isTextual()) {
            return dev.dynagate.sandbox.dynamodb.value.AttrValueJson.booleanWord(n.textValue());
        }
        if (!n.isBoolean()) {
            throw notA("Boolean", n);
        }
        return n.booleanValue();
    }

    public Map<String, AttrValue> item(String field) {
        JsonNode n = node(field);
        if (n != null && !n.isObject()) {
            throw notAMap(n, "com.amazonaws.dynamodb.v20120810.AttributeValue");
        }
        return n == null ? null : AttrValueJson.readItem(n);
    }

    public List<JsonNode> list(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw notAList(n);
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    /** An enum-valued member, validated against the allowed values. */
    public String choice(String field, String member, String fallback, List<String> allowed) {
        String v = string(field);
        if (v == null) {
            return fallback;
        }
        if (!allowed.contains(v)) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + v + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return v;
    }

    public Request child(String field) {
        JsonNode n = node(field);
        if (n != null && !n.isObject()) {
            throw n.isArray() ? DynamoDbError.serialization("Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + field)
                    : DynamoDbError.serialization("Unexpected field type");
        }
        return n == null ? null : new Request(n);
    }

    public static DynamoDbError missing(String field) {
        return DynamoDbError.validation("1 validation error detected: Value null at '" + member(field)
                + "' failed to satisfy constraint: Member must not be null");
    }

    /** DynamoDB names members in messages in lower camel case. */
    public static String member(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }

    /** DynamoDB's words for a JSON value of the wrong type where {@code type} (String, Integer, List…) was expected. */
    static DynamoDbError notA(String type, JsonNode n) {
        if (n.isArray()) {
            return DynamoDbError.serialization("Unrecognized collection type class java.lang." + type);
        }
        if (n.isObject()) {
            return DynamoDbError.serialization("Start of structure or map found where not expected");
        }
        if (n.isBoolean()) {
            return DynamoDbError.serialization((n.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE")
                    + " cannot be converted to " + type);
        }
        if (n.isNumber()) {
            return DynamoDbError.serialization((n.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE")
                    + " cannot be converted to " + type);
        }
        return DynamoDbError.serialization("STRING_VALUE cannot be converted to " + type);
    }

    static DynamoDbError notAList(JsonNode n) {
        return n.isObject() ? DynamoDbError.serialization("Start of structure or map found where not expected")
                : DynamoDbError.serialization("Unexpected field type");
    }

    /** A map-typed member that is not a JSON object. */
    static DynamoDbError notAMap(JsonNode n, String valueType) {
        return n.isArray() ? DynamoDbError.serialization("Unrecognized collection type java.util.Map<java.lang.String, "
                + valueType + ">") : DynamoDbError.serialization("Unexpected field type");
    }

    /** A rejected value as DynamoDB quotes it in constraint messages: lists element by element, objects as JSON. */
    static String quoted(JsonNode n) {
        if (n.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < n.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(quoted(n.get(i)));
            }
            return out.append(']').toString();
        }
        return n.isTextual() ? n.textValue() : n.toString();
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses JSON text the engine wrote itself (a remembered transaction's request or answer). */
    static JsonNode parseJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
