package dev.dynagate.sandbox.demo.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** What an experiments operation answers: an HTTP status and a JSON body (null for none). */
record ApiResult(int status, JsonNode body) {

    static ApiResult ok(JsonNode body) {
        return new ApiResult(200, body);
    }

    static ApiResult error(int status, String message) {
        return new ApiResult(status, ItemJson.MAPPER.createObjectNode().put("message", message));
    }

    String bodyText() {
        try {
            return body == null ? "" : ItemJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
