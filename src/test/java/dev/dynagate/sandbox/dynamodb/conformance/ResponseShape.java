package dev.dynagate.sandbox.dynamodb.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
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
    /**
     * Table-description fields where dynalite is known to differ from DynamoDB itself, compared by neither side:
     * DynamoDB sends DeletionProtectionEnabled and, for on-demand tables, LastUpdateToPayPerRequestDateTime, which
     * dynalite leaves out.
     */
    private static final Set<String> FIELDS_DYNALITE_GETS_WRONG = Set.of("DeletionProtectionEnabled",
            "LastUpdateToPayPerRequestDateTime");
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

    /** BatchGetItem answers each table's items in no documented order: compare them as sorted lists. */
    private static JsonNode unordered(JsonNode responsesByTable) {
        ObjectNode sorted = JsonNodeFactory.instance.objectNode();
        responsesByTable.fields().forEachRemaining(table -> {
            List<JsonNode> items = new ArrayList<>();
            table.getValue().forEach(items::add);
            items.sort(Comparator.comparing(JsonNode::toString));
            sorted.set(table.getKey(), JsonNodeFactory.instance.arrayNode().addAll(items));
        });
        return sorted;
    }

    static JsonNode mask(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (FIELDS_DYNALITE_GETS_WRONG.contains(field.getKey())) {
                    continue;
                }
                JsonNode value = VOLATILE_FIELDS.contains(field.getKey())
                        ? TextNode.valueOf("<masked>") : mask(field.getValue());
                copy.set(field.getKey(), field.getKey().equals("Responses") && value.isObject() ? unordered(value) : value);
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(mask(element)));
            return copy;
        }
        if (node.isNumber()) {
            // 1 and 1.0 are the same JSON number to every SDK (DynamoDB itself writes capacity units as 1.0)
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isTextual() && node.asText().startsWith("arn:")) {
            return TextNode.valueOf(ARN.matcher(node.asText()).replaceAll("arn:aws:dynamodb:<region>:<account>:"));
        }
        return node;
    }
}
