package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.requests.model.ResponseRecord;
import java.io.IOException;

/** A response body parsed as JSON at most once, however many assertions and captures look at it. */
public final class ResponseJson {
    private final ResponseRecord response;
    private JsonNode parsed;
    private String problem;

    public ResponseJson(ResponseRecord response) {
        this.response = response;
    }

    /** The body as JSON, or null with {@link #problem()} saying why. */
    public JsonNode body() {
        if (parsed == null && problem == null) {
            try {
                JsonNode node = JsonFiles.MAPPER.readTree(response.body());
                if (node == null || node.isMissingNode()) {
                    problem = "an empty body";
                } else {
                    parsed = node;
                }
            } catch (IOException e) {
                problem = "the body is not JSON";
            }
        }
        return parsed;
    }

    public String problem() {
        body();
        return problem;
    }
}
