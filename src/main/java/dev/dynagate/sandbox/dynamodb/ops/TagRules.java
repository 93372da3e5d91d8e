package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What DynamoDB accepts as tags, in the words its tagging operations use (they differ from the generic checks). */
final class TagRules {
    static final int MAX_TAGS = 50;
    private static final int MAX_KEY = 128;
    private static final int MAX_VALUE = 256;
    private static final int MAX_SET_BYTES = 10_240;
    private static final String TOO_MANY = "Number of Tags exceed the current limit for the provided ResourceArn";

    private TagRules() {
    }

    /** The tags of TagResource or CreateTable, in request order; {@code required}: an empty list is refused. */
    static Map<String, String> tags(List<JsonNode> given, boolean required) {
        Map<String, String> out = new LinkedHashMap<>();
        if (given == null) {
            return out;
        }
        if (given.isEmpty() && required) {
            throw DynamoDbError.validation("Atleast one Tag needs to be provided as Input.");
        }
        for (JsonNode node : given) {
            String key = text(node.get("Key"));
            String value = text(node.get("Value"));
            if (key == null || !allowed(key, 1, MAX_KEY)) {
                throw invalidKey(key);
            }
            checkNotReserved(key);
            if (value == null || !allowed(value, 0, MAX_VALUE)) {
                throw DynamoDbError.validation("The Tag Value provided is invalid, Value: " + value);
            }
            if (out.put(key, value) != null) {
                throw DynamoDbError.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
            }
        }
        return out;
    }

    /** The keys of UntagResource. */
    static List<String> keys(List<JsonNode> given) {
        if (given.isEmpty()) {
            throw DynamoDbError.validation("Atleast one Tag Key needs to be provided as Input.");
        }
        if (given.size() > MAX_TAGS) {
            throw DynamoDbError.validation(TOO_MANY);
        }
        return given.stream().map(node -> {
            String key = text(node);
            if (key == null || !allowed(key, 1, MAX_KEY)) {
                throw invalidKey(key);
            }
            checkNotReserved(key);
            return key;
        }).toList();
    }

    /** The limits on a table's whole tag set, checked once new tags are merged with the ones it has. */
    static void checkSet(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw DynamoDbError.validation(TOO_MANY);
        }
        int bytes = 0;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            bytes += tag.getKey().getBytes(StandardCharsets.UTF_8).length
                    + tag.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_SET_BYTES) {
            throw DynamoDbError.validation("Tag set size " + bytes + " bytes is above max size limit of "
                    + MAX_SET_BYTES + " bytes");
        }
    }

    /** Keys starting with {@code aws:}, in any case, are AWS's own. */
    private static void checkNotReserved(String key) {
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw DynamoDbError.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
        }
    }

    private static DynamoDbError invalidKey(String key) {
        return DynamoDbError.validation("The Tag Key provided is invalid, Key: " + key);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Request.notA("String", node);
        }
        return node.textValue();
    }

    /** Letters, digits and spaces of any script, and {@code _ . : / = + - @}: AWS's tag alphabet. */
    private static boolean allowed(String text, int min, int max) {
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            return false;
        }
        return text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || Character.isSpaceChar(c)
                || "_.:/=+-@".indexOf(c) >= 0);
    }
}
