package dev.dynagate.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The pieces of Lambda's REST-JSON protocol its APIs share: reading a request and answering in Lambda's form. */
public final class LambdaRest {
    private LambdaRest() {
    }

    /** The request's JSON body; an empty body is an empty object. */
    public static JsonNode body(SandboxRequest request) throws IOException {
        return request.body().length == 0 ? LambdaJson.MAPPER.createObjectNode()
                : LambdaJson.MAPPER.readTree(request.body());
    }

    /** A member that must be there and not blank, refused in Lambda's validation words otherwise. */
    public static String required(JsonNode body, String field) {
        String value = body.hasNonNull(field) ? body.get(field).asText() : null;
        if (value == null || value.isBlank()) {
            throw new LambdaApiError(400, "InvalidParameterValueException",
                    "1 validation error detected: Value null at '" + Character.toLowerCase(field.charAt(0))
                            + field.substring(1) + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** The query string's parameters, decoded. */
    public static Map<String, String> query(SandboxRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        if (request.rawQuery() != null) {
            for (String pair : request.rawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    public static SandboxResponse json(int status, JsonNode node) {
        return SandboxResponse.json(status, node.toString()).with("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    public static LambdaApiError unknownOperation(SandboxRequest request) {
        return new LambdaApiError(404, "UnknownOperationException",
                "The sandbox does not implement " + request.method() + " " + request.path());
    }
}
