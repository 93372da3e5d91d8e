package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * API Gateway v1's update model: {@code patchOperations} of {@code add|replace|remove} on slash paths such as
 * {@code /name} or {@code /variables/color}. Values arrive as strings; booleans and numbers are restored for the
 * fields that hold them.
 */
final class PatchOperations {
    private static final Set<String> BOOLEANS = Set.of("apiKeyRequired", "enabled", "disableExecuteApiEndpoint",
            "tracingEnabled", "cacheClusterEnabled");
    private static final Set<String> NUMBERS = Set.of("timeoutInMillis", "minimumCompressionSize",
            "authorizerResultTtlInSeconds");

    private PatchOperations() {
    }

    static void apply(ObjectNode target, ObjectNode body, Set<String> readOnly) {
        for (JsonNode operation : body.path("patchOperations")) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            String[] parts = path.substring(path.startsWith("/") ? 1 : 0).split("/", 2);
            String field = unescape(parts[0]);
            if (field.isEmpty() || readOnly.contains(field)) {
                throw ApiGatewayError.badRequest("Invalid patch path " + path);
            }
            switch (op) {
                case "add", "replace" -> set(target, field, parts.length > 1 ? unescape(parts[1]) : null,
                        operation.get("value"));
                case "remove" -> remove(target, field, parts.length > 1 ? unescape(parts[1]) : null);
                default -> throw ApiGatewayError.badRequest("Invalid patch operation specified. Must be one of: "
                        + "[add, remove, move, test, replace, copy]");
            }
        }
    }

    private static void set(ObjectNode target, String field, String key, JsonNode value) {
        String text = value == null || value.isNull() ? null : value.asText();
        if (key != null) {
            ApiGatewayState.child(target, field).put(key, text);
        } else if (BOOLEANS.contains(field)) {
            target.put(field, Boolean.parseBoolean(text));
        } else if (NUMBERS.contains(field)) {
            target.put(field, Long.parseLong(text));
        } else {
            target.put(field, text);
        }
    }

    private static void remove(ObjectNode target, String field, String key) {
        if (key != null && target.get(field) instanceof ObjectNode map) {
            map.remove(key);
        } else {
            target.remove(field);
        }
    }

    /** JSON-pointer escapes: {@code ~1} is a slash, {@code ~0} a tilde. */
    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
