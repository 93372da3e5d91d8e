package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.ResponseRecord;
import java.util.List;
import java.util.Map;

/**
 * Takes values from a response into run variables. A string is taken as its text, anything else as JSON. A capture
 * that finds nothing is a failed check, so a broken chain shows at the request that broke it.
 */
public final class Captures {
    private Captures() {
    }

    public static CheckResult apply(Capture capture, ResponseRecord response, Map<String, String> into) {
        return apply(capture, response, new ResponseJson(response), into);
    }

    public static CheckResult apply(Capture capture, ResponseRecord response, ResponseJson json, Map<String, String> into) {
        String description = "capture " + capture.variable() + " from "
                + (capture.source() == Capture.Source.HEADER ? "header " : "") + capture.path();
        String value = switch (capture.source()) {
            case HEADER -> response.header(capture.path());
            case JSON_PATH -> fromJson(capture.path(), json);
        };
        if (value == null) {
            return CheckResult.fail(description, "a value", AssertionEvaluator.MISSING);
        }
        into.put(capture.variable(), value);
        return CheckResult.pass(description, "a value", value);
    }

    private static String fromJson(String path, ResponseJson json) {
        try {
            JsonPath jsonPath = JsonPath.compile(path);
            JsonNode body = json.body();
            if (body == null) {
                return null;
            }
            List<JsonNode> nodes = jsonPath.select(body);
            if (nodes.isEmpty()) {
                return null;
            }
            JsonNode node = nodes.get(0);
            return node.isTextual() ? node.asText() : node.toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
