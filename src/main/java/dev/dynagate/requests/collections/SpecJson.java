package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request model as it is written in our collection files. Keys are written in one fixed order and empty parts
 * are left out, so a file changes only where the request changed. Multi-line bodies are stored as an array of
 * lines, which keeps git diffs line by line.
 */
final class SpecJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SpecJson() {
    }

    static ObjectNode request(RequestSpec spec, int seq) {
        ObjectNode node = NODES.objectNode();
        node.put("name", spec.name());
        node.put("seq", seq);
        node.put("method", spec.method());
        node.put("url", spec.url());
        putList(node, "headers", keyValues(spec.headers()));
        if (!(spec.auth() instanceof Auth.Inherit)) {
            node.set("auth", auth(spec.auth()));
        }
        if (spec.body().mode() != Body.Mode.NONE) {
            node.set("body", body(spec.body()));
        }
        ArrayNode assertions = NODES.arrayNode();
        spec.assertions().forEach(a -> assertions.add(assertion(a)));
        putList(node, "assertions", assertions);
        ArrayNode captures = NODES.arrayNode();
        spec.captures().forEach(c -> captures.add(capture(c)));
        putList(node, "captures", captures);
        putText(node, "description", spec.description());
        return node;
    }

    static RequestSpec readRequest(JsonNode node) {
        return new RequestSpec(text(node, "name"), text(node, "method") == null ? "GET" : text(node, "method"),
                text(node, "url") == null ? "" : text(node, "url"), readKeyValues(node.get("headers")),
                readBody(node.get("body")), node.has("auth") ? readAuth(node.get("auth")) : Auth.INHERIT,
                readAssertions(node.get("assertions")), readCaptures(node.get("captures")), readText(node, "description"));
    }

    static ArrayNode keyValues(List<KeyValue> values) {
        ArrayNode array = NODES.arrayNode();
        for (KeyValue kv : values) {
            ObjectNode item = array.addObject();
            item.put("key", kv.key());
            item.put("value", kv.value());
            if (!kv.enabled()) {
                item.put("enabled", false);
            }
        }
        return array;
    }

    static List<KeyValue> readKeyValues(JsonNode array) {
        List<KeyValue> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                out.add(new KeyValue(text(item, "key"), text(item, "value") == null ? "" : text(item, "value"),
                        !item.has("enabled") || item.get("enabled").asBoolean(true)));
            }
        }
        return out;
    }

    static ObjectNode auth(Auth auth) {
        ObjectNode node = NODES.objectNode();
        if (auth instanceof Auth.None) {
            node.put("type", "none");
        } else if (auth instanceof Auth.Inherit) {
            node.put("type", "inherit");
        } else if (auth instanceof Auth.ApiKey key) {
            node.put("type", "apikey");
            node.put("name", key.name());
            node.put("value", key.value());
            node.put("in", key.placement() == Auth.ApiKey.Placement.QUERY ? "query" : "header");
        } else if (auth instanceof Auth.Bearer bearer) {
            node.put("type", "bearer");
            node.put("token", bearer.token());
        } else if (auth instanceof Auth.Basic basic) {
            node.put("type", "basic");
            node.put("username", basic.username());
            node.put("password", basic.password());
        } else if (auth instanceof Auth.SigV4 sig) {
            node.put("type", "sigv4");
            putText(node, "service", sig.service());
            putText(node, "region", sig.region());
            putText(node, "profile", sig.profile());
        }
        return node;
    }

    static Auth readAuth(JsonNode node) {
        if (node == null || node.isNull()) {
            return Auth.INHERIT;
        }
        String type = text(node, "type") == null ? "inherit" : text(node, "type").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "none" -> Auth.NONE;
            case "inherit" -> Auth.INHERIT;
            case "apikey" -> new Auth.ApiKey(text(node, "name"), text(node, "value"),
                    "query".equalsIgnoreCase(text(node, "in")) ? Auth.ApiKey.Placement.QUERY : Auth.ApiKey.Placement.HEADER);
            case "bearer" -> new Auth.Bearer(text(node, "token"));
            case "basic" -> new Auth.Basic(text(node, "username"), text(node, "password"));
            case "sigv4" -> new Auth.SigV4(text(node, "service"), text(node, "region"), text(node, "profile"));
            default -> throw new IllegalArgumentException("unknown auth type \"" + type + "\"");
        };
    }

    static ObjectNode body(Body body) {
        ObjectNode node = NODES.objectNode();
        node.put("mode", switch (body.mode()) {
            case NONE -> "none";
            case JSON -> "json";
            case TEXT -> "text";
            case XML -> "xml";
            case FORM_URLENCODED -> "formUrlEncoded";
            case MULTIPART_FORM -> "multipartForm";
            case FILE -> "file";
        });
        if (body.text() != null) {
            putText(node, "text", body.text());
        }
        putList(node, "fields", keyValues(body.fields()));
        putText(node, "file", body.file());
        return node;
    }

    static Body readBody(JsonNode node) {
        if (node == null || node.isNull()) {
            return Body.NONE;
        }
        String mode = text(node, "mode") == null ? "none" : text(node, "mode");
        Body.Mode parsed = switch (mode) {
            case "none" -> Body.Mode.NONE;
            case "json" -> Body.Mode.JSON;
            case "text" -> Body.Mode.TEXT;
            case "xml" -> Body.Mode.XML;
            case "formUrlEncoded" -> Body.Mode.FORM_URLENCODED;
            case "multipartForm" -> Body.Mode.MULTIPART_FORM;
            case "file" -> Body.Mode.FILE;
            default -> throw new IllegalArgumentException("unknown body mode \"" + mode + "\"");
        };
        return new Body(parsed, readText(node, "text"), readKeyValues(node.get("fields")), text(node, "file"));
    }

    static ObjectNode assertion(Assertion a) {
        ObjectNode node = NODES.objectNode();
        node.put("check", camel(a.target().name()));
        putText(node, "path", a.path());
        node.put("op", camel(a.operator().name()));
        putText(node, "expected", a.expected());
        if (!a.enabled()) {
            node.put("enabled", false);
        }
        return node;
    }

    static List<Assertion> readAssertions(JsonNode array) {
        List<Assertion> out = new ArrayList<>();
        if (array != null) {
            for (JsonNode node : array) {
                out.add(new Assertion(Assertion.Target.valueOf(constant(text(node, "check"), "check")),
                        text(node, "path"), Assertion.Operator.valueOf(constant(text(node, "op"), "op")),
                        text(node, "expected"), !node.has("enabled") || node.get("enabled").asBoolean(true)));
            }
        }
        return out;
    }

    static ObjectNode capture(Capture c) {
        ObjectNode node = NODES.objectNode();
        node.put("variable", c.variable());
        node.put("from", camel(c.source().name()));
        node.put("path", c.path());
        return node;
    }

    static List<Capture> readCaptures(JsonNode array) {
        List<Capture> out = new ArrayList<>();
        if (array != null) {
            for (JsonNode node : array) {
                out.add(new Capture(text(node, "variable"), Capture.Source.valueOf(constant(text(node, "from"), "from")),
                        text(node, "path")));
            }
        }
        return out;
    }

    /** {@code JSON_PATH} → {@code jsonPath}. */
    static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code jsonPath} → {@code JSON_PATH}. */
    static String constant(String camel, String field) {
        if (camel == null) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A text written either as one string or as an array of lines. */
    static String readText(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.isArray()) {
            List<String> lines = new ArrayList<>();
            value.forEach(line -> lines.add(line.asText()));
            return String.join("\n", lines);
        }
        return value == null || value.isNull() ? null : value.asText();
    }

    static void putText(ObjectNode node, String field, String text) {
        if (text == null) {
            return;
        }
        if (text.indexOf('\n') < 0) {
            node.put(field, text);
        } else {
            ArrayNode lines = node.putArray(field);
            for (String line : text.split("\n", -1)) {
                lines.add(line);
            }
        }
    }

    static void putList(ObjectNode node, String field, ArrayNode array) {
        if (!array.isEmpty()) {
            node.set(field, array);
        }
    }
}
