package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.http.SandboxResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a Lambda proxy integration's result into the HTTP response API Gateway sends. */
final class ProxyResponses {

    /** The function answered something API Gateway cannot map (not JSON, no status code, a non-string body). */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message, null, false, false);
        }
    }

    private ProxyResponses() {
    }

    /**
     * Payload 2.0: an object with {@code statusCode} is a full response; any other valid JSON is a 200 with the JSON
     * as body (a JSON string's content as is).
     */
    static SandboxResponse v2(byte[] payload) throws MalformedResponse {
        JsonNode result = parse(payload);
        if (result.isObject() && result.has("statusCode")) {
            return full(result, true);
        }
        String body = result.isTextual() ? result.asText() : result.toString();
        return new SandboxResponse(200, new LinkedHashMap<>(), body.getBytes(StandardCharsets.UTF_8))
                .with("Content-Type", "application/json");
    }

    /** Payload 1.0: the result must be an object with a numeric {@code statusCode} and a string body. */
    static SandboxResponse v1(byte[] payload) throws MalformedResponse {
        JsonNode result = parse(payload);
        if (!result.isObject() || !result.path("statusCode").canConvertToInt()) {
            throw new MalformedResponse("Malformed Lambda proxy response: no statusCode");
        }
        return full(result, false);
    }

    private static SandboxResponse full(JsonNode result, boolean cookies) throws MalformedResponse {
        JsonNode status = result.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw new MalformedResponse("Malformed Lambda proxy response: invalid statusCode " + status);
        }
        JsonNode body = result.get("body");
        if (body != null && !body.isNull() && !body.isTextual() && !cookies) {
            throw new MalformedResponse("Malformed Lambda proxy response: body must be a string");
        }
        byte[] bytes = body == null || body.isNull() ? new byte[0]
                : (body.isTextual() ? body.asText() : body.toString()).getBytes(StandardCharsets.UTF_8);
        if (result.path("isBase64Encoded").asBoolean(false)) {
            try {
                bytes = Base64.getDecoder().decode(new String(bytes, StandardCharsets.UTF_8).strip());
            } catch (IllegalArgumentException e) {
                throw new MalformedResponse("Malformed Lambda proxy response: body is not base64");
            }
        }
        SandboxResponse response = new SandboxResponse(status.asInt(), new LinkedHashMap<>(), bytes);
        Map<String, Boolean> seen = new LinkedHashMap<>();
        result.path("multiValueHeaders").fields().forEachRemaining(h -> {
            seen.put(h.getKey().toLowerCase(), true);
            h.getValue().forEach(v -> response.with(h.getKey(), v.asText()));
        });
        result.path("headers").fields().forEachRemaining(h -> {
            if (!seen.containsKey(h.getKey().toLowerCase())) {
                response.with(h.getKey(), h.getValue().asText());
            }
        });
        if (cookies) {
            result.path("cookies").forEach(c -> response.with("Set-Cookie", c.asText()));
        }
        if (response.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))
                && bytes.length > 0) {
            response.with("Content-Type", "application/json");
        }
        return response;
    }

    private static JsonNode parse(byte[] payload) throws MalformedResponse {
        try {
            JsonNode node = ApiJson.MAPPER.readTree(payload);
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw new MalformedResponse("Malformed Lambda proxy response: empty");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedResponse("Malformed Lambda proxy response: not JSON");
        }
    }
}
