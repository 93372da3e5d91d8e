package dev.dynagate.sandbox.demo.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The experiments backend shared by both API styles: one function per route, or one proxy function routing
 * internally. Experiments are {@code META#experiment} items; samples are {@code SAMPLE#…} items of the same
 * partition.
 */
final class ExperimentsApi {
    static final String META = "META#experiment";
    private static final int DEFAULT_PAGE = 50;

    private final ExperimentsTable table;

    ExperimentsApi(ExperimentsTable table) {
        this.table = table;
    }

    ApiResult listExperiments() {
        ArrayNode experiments = ItemJson.MAPPER.createArrayNode();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = table.client.scan(b -> b.tableName(table.name)
                    .filterExpression("sampleId = :meta")
                    .expressionAttributeValues(Map.of(":meta", AttributeValue.fromS(META)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> experiments.add(ItemJson.toJson(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        ObjectNode body = ItemJson.MAPPER.createObjectNode();
        body.set("experiments", experiments);
        body.put("count", experiments.size());
        return ApiResult.ok(body);
    }

    ApiResult getExperiment(String experimentId) {
        GetItemResponse found = table.client.getItem(b -> b.tableName(table.name)
                .key(ExperimentsTable.key(experimentId, META)));
        return found.hasItem() && !found.item().isEmpty() ? ApiResult.ok(ItemJson.toJson(found.item()))
                : ApiResult.error(404, "Experiment " + experimentId + " not found");
    }

    ApiResult listSamples(String experimentId, Map<String, String> query) {
        if (getExperiment(experimentId).status() == 404) {
            return ApiResult.error(404, "Experiment " + experimentId + " not found");
        }
        int limit = parseLimit(query == null ? null : query.get("limit"));
        Map<String, AttributeValue> start = query == null ? null : decodeToken(query.get("next"));
        QueryResponse page = table.client.query(b -> b.tableName(table.name)
                .keyConditionExpression("experimentId = :id AND begins_with(sampleId, :prefix)")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(experimentId),
                        ":prefix", AttributeValue.fromS("SAMPLE#")))
                .limit(limit)
                .exclusiveStartKey(start));
        ObjectNode body = ItemJson.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(item -> items.add(ItemJson.toJson(item)));
        body.put("count", items.size());
        if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
            body.put("next", encodeToken(page.lastEvaluatedKey()));
        }
        return ApiResult.ok(body);
    }

    ApiResult createSample(String experimentId, String requestBody) {
        if (getExperiment(experimentId).status() == 404) {
            return ApiResult.error(404, "Experiment " + experimentId + " not found");
        }
        JsonNode json;
        try {
            json = requestBody == null || requestBody.isBlank() ? null : ItemJson.MAPPER.readTree(requestBody);
        } catch (IOException e) {
            return ApiResult.error(400, "The body must be a JSON object");
        }
        if (json == null || !json.isObject()) {
            return ApiResult.error(400, "The body must be a JSON object");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(ItemJson.fromJson(json));
        String sampleId = json.hasNonNull("sampleId") ? json.get("sampleId").asText()
                : "SAMPLE#" + UUID.randomUUID().toString().substring(0, 8);
        if (!sampleId.startsWith("SAMPLE#")) {
            return ApiResult.error(400, "sampleId must start with SAMPLE#");
        }
        item.put("experimentId", AttributeValue.fromS(experimentId));
        item.put("sampleId", AttributeValue.fromS(sampleId));
        try {
            table.client.putItem(b -> b.tableName(table.name).item(item)
                    .conditionExpression("attribute_not_exists(sampleId)"));
        } catch (ConditionalCheckFailedException e) {
            return ApiResult.error(409, "Sample " + sampleId + " already exists");
        }
        return new ApiResult(201, ItemJson.toJson(item));
    }

    ApiResult getSample(String experimentId, String sampleId) {
        GetItemResponse found = table.client.getItem(b -> b.tableName(table.name)
                .key(ExperimentsTable.key(experimentId, sampleId)));
        return found.hasItem() && !found.item().isEmpty() ? ApiResult.ok(ItemJson.toJson(found.item()))
                : ApiResult.error(404, "Sample " + sampleId + " of experiment " + experimentId + " not found");
    }

    ApiResult deleteSample(String experimentId, String sampleId) {
        if (!sampleId.startsWith("SAMPLE#")) {
            return ApiResult.error(400, "Only samples can be deleted");
        }
        DeleteItemResponse deleted = table.client.deleteItem(b -> b.tableName(table.name)
                .key(ExperimentsTable.key(experimentId, sampleId)).returnValues(ReturnValue.ALL_OLD));
        return deleted.hasAttributes() && !deleted.attributes().isEmpty() ? new ApiResult(204, null)
                : ApiResult.error(404, "Sample " + sampleId + " of experiment " + experimentId + " not found");
    }

    private static int parseLimit(String value) {
        try {
            return value == null ? DEFAULT_PAGE : Math.max(1, Math.min(1000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return DEFAULT_PAGE;
        }
    }

    /** The paging token handed to clients: the last evaluated key as URL-safe base64 JSON. */
    private static String encodeToken(Map<String, AttributeValue> key) {
        Map<String, String> plain = new HashMap<>();
        key.forEach((k, v) -> plain.put(k, v.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ItemJson.MAPPER.writeValueAsBytes(plain));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, AttributeValue> decodeToken(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            JsonNode plain = ItemJson.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(token),
                    StandardCharsets.UTF_8));
            Map<String, AttributeValue> key = new HashMap<>();
            plain.fields().forEachRemaining(e -> key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText())));
            return key;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
