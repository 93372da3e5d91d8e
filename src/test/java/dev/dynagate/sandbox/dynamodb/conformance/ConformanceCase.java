package dev.dynagate.sandbox.dynamodb.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * One request of a case file: the operation and JSON body, or a raw body and header overrides for wire-level cases.
 *
 * @param id      unique within its file; {@code file/id} names it in the differences list
 * @param method  HTTP method, POST unless the case says otherwise
 * @param op      the operation for the X-Amz-Target header, or null when the headers set the target themselves
 */
record ConformanceCase(String file, String id, String method, String op, JsonNode json, String raw,
                       JsonNode headerOverrides) {

    static ConformanceCase from(String file, JsonNode node) {
        return new ConformanceCase(file, node.path("id").asText(), node.path("method").asText("POST"),
                node.hasNonNull("op") ? node.get("op").asText() : null, node.get("body"),
                node.hasNonNull("raw") ? node.get("raw").asText() : null, node.get("headers"));
    }

    String name() {
        return file + "/" + id;
    }

    String tableName() {
        return json != null && json.hasNonNull("TableName") ? json.get("TableName").asText() : null;
    }

    Map<String, String> headers() {
        Map<String, String> headers = DynamoDbWire.standardHeaders(op == null ? "" : op);
        if (op == null) {
            headers.remove("X-Amz-Target");
        }
        if (headerOverrides != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = headerOverrides.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                headers.remove(field.getKey());
                headers.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
            }
        }
        return headers;
    }

    byte[] body() {
        if (raw != null) {
            return raw.getBytes(StandardCharsets.UTF_8);
        }
        return json == null ? new byte[0] : json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
