package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import java.io.IOException;
import java.util.UUID;

/** JSON helpers shared by the API Gateway control planes and data plane. */
final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode body(SandboxRequest request) {
        if (request.body().length == 0) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(request.body());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // reported below
        }
        throw ApiGatewayError.badRequest("Could not parse request body into json: the body is not a JSON object");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A control-plane answer with the request id header every API Gateway response carries. */
    /** A field's text, or {@code fallback} when it is absent or null. */
    static String text(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }

    /** Copies a field that is present and not null. */
    static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }

    static SandboxResponse respond(int status, JsonNode body) {
        SandboxResponse response = body == null
                ? new SandboxResponse(status, new java.util.LinkedHashMap<>(), new byte[0])
                : SandboxResponse.json(status, body.toString());
        return response.with("x-amzn-RequestId", UUID.randomUUID().toString());
    }
}
