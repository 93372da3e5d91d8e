package dev.dynagate.requests.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One history entry as one line of JSON, written field by field so the shared model needs no annotations. */
final class HistoryCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HistoryCodec() {
    }

    static String write(HistoryEntry entry) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", entry.id());
        root.put("at", entry.at().toString());
        root.set("request", request(entry.request()));
        root.put("sentUrl", entry.sentUrl());
        root.put("status", entry.status());
        root.put("elapsedMillis", entry.elapsedMillis());
        root.put("size", entry.size());
        root.set("responseHeaders", pairs(entry.responseHeaders()));
        root.put("responseBody", entry.responseBody());
        root.put("bodyCut", entry.bodyCut());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HistoryEntry read(String line) throws JsonProcessingException {
        JsonNode root = MAPPER.readTree(line);
        return new HistoryEntry(root.path("id").asText(), Instant.parse(root.path("at").asText()),
                request(root.path("request")), text(root, "sentUrl"), root.path("status").asInt(),
                root.path("elapsedMillis").asLong(), root.path("size").asLong(), pairs(root.path("responseHeaders")),
                text(root, "responseBody"), root.path("bodyCut").asBoolean());
    }

    private static ObjectNode request(RequestSpec spec) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", spec.name());
        node.put("method", spec.method());
        node.put("url", spec.url());
        node.set("headers", pairs(spec.headers()));
        ObjectNode body = node.putObject("body");
        body.put("mode", spec.body().mode().name());
        body.put("text", spec.body().text());
        body.set("fields", pairs(spec.body().fields()));
        body.put("file", spec.body().file());
        node.set("auth", auth(spec.auth()));
        return node;
    }

    private static RequestSpec request(JsonNode node) {
        JsonNode body = node.path("body");
        Body decoded = new Body(Body.Mode.valueOf(body.path("mode").asText("NONE")), text(body, "text"),
                pairs(body.path("fields")), text(body, "file"));
        return new RequestSpec(text(node, "name"), text(node, "method"), text(node, "url"), pairs(node.path("headers")),
                decoded, auth(node.path("auth")), List.of(), List.of(), null);
    }

    private static ObjectNode auth(Auth auth) {
        ObjectNode node = MAPPER.createObjectNode();
        if (auth instanceof Auth.ApiKey key) {
            node.put("type", "apikey").put("name", key.name()).put("value", key.value())
                    .put("placement", key.placement().name());
        } else if (auth instanceof Auth.Bearer bearer) {
            node.put("type", "bearer").put("token", bearer.token());
        } else if (auth instanceof Auth.Basic basic) {
            node.put("type", "basic").put("username", basic.username()).put("password", basic.password());
        } else if (auth instanceof Auth.SigV4 sigV4) {
            node.put("type", "sigv4").put("service", sigV4.service()).put("region", sigV4.region())
                    .put("profile", sigV4.profile());
        } else if (auth instanceof Auth.Inherit) {
            node.put("type", "inherit");
        } else {
            node.put("type", "none");
        }
        return node;
    }

    private static Auth auth(JsonNode node) {
        return switch (node.path("type").asText("none")) {
            case "apikey" -> new Auth.ApiKey(text(node, "name"), text(node, "value"),
                    Auth.ApiKey.Placement.valueOf(node.path("placement").asText("HEADER")));
            case "bearer" -> new Auth.Bearer(text(node, "token"));
            case "basic" -> new Auth.Basic(text(node, "username"), text(node, "password"));
            case "sigv4" -> new Auth.SigV4(text(node, "service"), text(node, "region"), text(node, "profile"));
            case "inherit" -> Auth.INHERIT;
            default -> Auth.NONE;
        };
    }

    private static ArrayNode pairs(List<KeyValue> pairs) {
        ArrayNode array = MAPPER.createArrayNode();
        pairs.forEach(p -> array.addObject().put("key", p.key()).put("value", p.value()).put("enabled", p.enabled()));
        return array;
    }

    private static List<KeyValue> pairs(JsonNode array) {
        List<KeyValue> pairs = new ArrayList<>();
        array.forEach(p -> pairs.add(new KeyValue(text(p, "key"), text(p, "value"), p.path("enabled").asBoolean(true))));
        return pairs;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
