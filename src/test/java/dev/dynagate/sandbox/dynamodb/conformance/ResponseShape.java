package dev.dynagate.sandbox.dynamodb.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What two DynamoDB implementations must agree on for one request: status, media type and the body, with the parts
 * that legitimately vary between runs masked (timestamps, table ids, the region and account inside ARNs).
 */
final class ResponseShape {
    private static final Set<String> VOLATILE_FIELDS = Set.of("CreationDateTime", "LastIncreaseDateTime",
            "LastDecreaseDateTime", "LastUpdateToPayPerRequestDateTime", "TableId", "LatestStreamLabel",
            "LatestStreamArn", "InaccessibleEncryptionDateTime", "ArchivalDateTime");
    private static final Pattern ARN = Pattern.compile("arn:aws:dynamodb:[^:]*:[0-9]*:");

    private ResponseShape() {
    }

    static JsonNode of(WireResponse response) {
        ObjectNode shape = JsonNodeFactory.instance.objectNode();
        shape.put("status", response.status());
        String contentType = response.header("Content-Type");
        shape.put("contentType", contentType == null ? null : contentType.split(";")[0].trim());
        JsonNode json = response.json();
        if (json != null) {
            shape.set("body", mask(json));
        } else {
            shape.put("text", response.text());
        }
        return shape;
    }

    static JsonNode mask(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), VOLATILE_FIELDS.contains(field.getKey())
                        ? TextNode.valueOf("<masked>") : mask(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(mask(element)));
            return copy;
        }
        if (node.isTextual() && node.asText().startsWith("arn:")) {
            return TextNode.valueOf(ARN.matcher(node.asText()).replaceAll("arn:aws:dynamodb:<region>:<account>:"));
        }
        return node;
    }
}
