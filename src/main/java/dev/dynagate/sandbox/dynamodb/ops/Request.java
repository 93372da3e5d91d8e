package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
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
            throw notA("java.lang.String", n);
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
        if (!n.isNumber() || !n.canConvertToInt()) {
            throw notA("java.lang.Integer", n);
        }
        return n.intValue();
    }

    public Long longValue(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isNumber() || !n.canConvertToLong()) {
            throw notA("java.lang.Long", n);
        }
        return n.longValue();
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode n = node(field);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw notA("java.lang.Boolean", n);
        }
        return n.booleanValue();
    }

    public Map<String, AttrValue> item(String field) {
        JsonNode n = node(field);
        return n == null ? null : AttrValueJson.readItem(n);
    }

    public List<JsonNode> list(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw notA("java.util.List", n);
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
            throw notA("structure", n);
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

    static DynamoDbError notA(String type, JsonNode n) {
        if (n.isObject() || n.isArray()) {
            return DynamoDbError.serialization("Unexpected " + (n.isObject() ? "structure" : "list")
                    + " where " + type + " was expected");
        }
        return DynamoDbError.serialization("NUMBER_VALUE cannot be converted to " + type);
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
