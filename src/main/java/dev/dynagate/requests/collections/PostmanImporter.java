package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Postman Collection v2.0 and v2.1 files: folders, variables at every level, auth with inheritance (absent
 * means inherit, {@code noauth} means none), every body mode. Scripts are never run: the checks our exporter writes
 * (and the common one-liners) become assertions and captures; every other script is listed in the notes.
 */
public final class PostmanImporter {
    private final List<String> notes = new ArrayList<>();

    private PostmanImporter() {
    }

    public static boolean looksLikePostman(JsonNode root) {
        return root.has("info") && root.has("item")
                || root.path("info").path("schema").asText("").contains("schema.getpostman.com");
    }

    public static OpenedCollection read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!looksLikePostman(root)) {
            throw new CollectionFormatException(file, 1, "is not a Postman collection (no \"info\" and \"item\")");
        }
        return new PostmanImporter().collection(root);
    }

    private OpenedCollection collection(JsonNode root) {
        JsonNode info = root.path("info");
        String schema = info.path("schema").asText("");
        if (!schema.isEmpty() && !schema.contains("v2.0") && !schema.contains("v2.1")) {
            notes.add("schema " + schema + " is not v2.0 or v2.1; read as v2.1");
        }
        String name = SpecJson.text(info, "name") == null ? "Postman collection" : SpecJson.text(info, "name");
        scripts(root.path("event"), name);
        Auth auth = root.has("auth") ? auth(root.get("auth"), name) : Auth.NONE;
        Collection collection = new Collection(SpecJson.text(info, "_postman_id"), name, null,
                auth instanceof Auth.Inherit ? Auth.NONE : auth, variables(root.path("variable")), List.of(),
                description(info.get("description")), items(root.path("item"), ""));
        return new OpenedCollection(collection, List.of(), notes);
    }

    private List<CollectionItem> items(JsonNode array, String parent) {
        List<CollectionItem> out = new ArrayList<>();
        int seq = 1;
        for (JsonNode item : array) {
            String name = SpecJson.text(item, "name") == null ? "Untitled" : SpecJson.text(item, "name");
            String path = parent.isEmpty() ? name : parent + " / " + name;
            if (item.has("item")) {
                scripts(item.path("event"), path);
                out.add(new Folder(name, seq++, null, item.has("auth") ? auth(item.get("auth"), path) : Auth.INHERIT,
                        variables(item.path("variable")), List.of(), description(item.get("description")),
                        items(item.get("item"), path)));
            } else if (item.has("request")) {
                out.add(new SavedRequest(request(item, name, path), seq++, null));
            }
        }
        return out;
    }

    private RequestSpec request(JsonNode item, String name, String path) {
        JsonNode request = item.get("request");
        if (request.isTextual()) {
            return new RequestSpec(name, "GET", request.asText(), List.of(), Body.NONE, Auth.INHERIT, List.of(), List.of(), null);
        }
        String method = request.path("method").asText("GET").toUpperCase(Locale.ROOT);
        List<KeyValue> headers = new ArrayList<>();
        for (JsonNode header : request.path("header")) {
            headers.add(new KeyValue(header.path("key").asText(), header.path("value").asText(""),
                    !header.path("disabled").asBoolean(false)));
        }
        Auth auth = request.has("auth") && !request.get("auth").isNull() ? auth(request.get("auth"), path) : Auth.INHERIT;
        List<Assertion> assertions = new ArrayList<>();
        List<Capture> captures = new ArrayList<>();
        for (JsonNode event : item.path("event")) {
            List<String> lines = lines(event.path("script").path("exec"));
            if (lines.stream().allMatch(String::isBlank)) {
                continue;
            }
            String listen = event.path("listen").asText();
            List<String> left = listen.equals("test") ? PostmanScripts.recognise(lines, assertions, captures) : lines;
            if (!left.isEmpty()) {
                notes.add((listen.equals("test") ? "test" : "pre-request") + " script of \"" + path + "\" not run ("
                        + left.size() + " line" + (left.size() == 1 ? "" : "s") + ")");
            }
        }
        return new RequestSpec(name, method, url(request.get("url"), path), headers, body(request.get("body"), path),
                auth, assertions, captures, description(request.get("description")));
    }

    private String url(JsonNode url, String path) {
        if (url == null || url.isNull()) {
            return "";
        }
        if (url.isTextual()) {
            return url.asText();
        }
        String raw = url.has("raw") ? url.get("raw").asText() : assemble(url);
        for (JsonNode variable : url.path("variable")) {
            String key = variable.path("key").asText();
            String value = variable.path("value").asText("");
            if (!key.isEmpty() && !value.isEmpty()) {
                raw = raw.replaceAll("/:" + java.util.regex.Pattern.quote(key) + "(?=[/?#]|$)",
                        java.util.regex.Matcher.quoteReplacement("/" + value));
            } else if (!key.isEmpty()) {
                notes.add("path variable :" + key + " of \"" + path + "\" has no value");
            }
        }
        return raw;
    }

    private static String assemble(JsonNode url) {
        StringBuilder out = new StringBuilder();
        if (url.has("protocol")) {
            out.append(url.get("protocol").asText()).append("://");
        }
        out.append(joined(url.get("host"), "."));
        if (url.has("port")) {
            out.append(':').append(url.get("port").asText());
        }
        String path = joined(url.get("path"), "/");
        if (!path.isEmpty()) {
            out.append('/').append(path);
        }
        List<String> query = new ArrayList<>();
        for (JsonNode q : url.path("query")) {
            if (!q.path("disabled").asBoolean(false)) {
                query.add(q.path("key").asText() + (q.path("value").isNull() ? "" : "=" + q.path("value").asText("")));
            }
        }
        if (!query.isEmpty()) {
            out.append('?').append(String.join("&", query));
        }
        return out.toString();
    }

    private static String joined(JsonNode parts, String separator) {
        if (parts == null || parts.isNull()) {
            return "";
        }
        if (parts.isTextual()) {
            return parts.asText();
        }
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.add(p.isObject() ? p.path("value").asText() : p.asText()));
        return String.join(separator, out);
    }

    private Body body(JsonNode body, String path) {
        if (body == null || body.isNull() || body.path("disabled").asBoolean(false)) {
            return Body.NONE;
        }
        String mode = body.path("mode").asText("");
        return switch (mode) {
            case "raw" -> {
                String text = body.path("raw").asText("");
                String language = body.path("options").path("raw").path("language").asText("text");
                yield new Body(switch (language) {
                    case "json" -> Body.Mode.JSON;
                    case "xml" -> Body.Mode.XML;
                    default -> Body.Mode.TEXT;
                }, text, List.of(), null);
            }
            case "urlencoded" -> new Body(Body.Mode.FORM_URLENCODED, null, fields(body.path("urlencoded"), path), null);
            case "formdata" -> new Body(Body.Mode.MULTIPART_FORM, null, fields(body.path("formdata"), path), null);
            case "file" -> new Body(Body.Mode.FILE, null, List.of(), body.path("file").path("src").asText(null));
            case "graphql" -> {
                notes.add("GraphQL body of \"" + path + "\" imported as a JSON body");
                String query = body.path("graphql").path("query").asText("");
                String variables = body.path("graphql").path("variables").asText("");
                var node = JsonFiles.MAPPER.createObjectNode().put("query", query);
                if (!variables.isBlank()) {
                    try {
                        node.set("variables", JsonFiles.MAPPER.readTree(variables));
                    } catch (java.io.IOException e) {
                        node.put("variables", variables);
                    }
                }
                yield Body.json(node.toPrettyString());
            }
            default -> Body.NONE;
        };
    }

    private List<KeyValue> fields(JsonNode array, String path) {
        List<KeyValue> out = new ArrayList<>();
        for (JsonNode field : array) {
            if ("file".equals(field.path("type").asText())) {
                notes.add("form field " + field.path("key").asText() + " of \"" + path + "\" is a file; its path is kept as the value");
                out.add(new KeyValue(field.path("key").asText(), field.path("src").asText(""), !field.path("disabled").asBoolean(false)));
            } else {
                out.add(new KeyValue(field.path("key").asText(), field.path("value").asText(""), !field.path("disabled").asBoolean(false)));
            }
        }
        return out;
    }

    private Auth auth(JsonNode auth, String where) {
        if (auth == null || auth.isNull()) {
            return Auth.INHERIT;
        }
        String type = auth.path("type").asText("");
        Map<String, String> values = authValues(auth.get(type));
        return switch (type) {
            case "noauth" -> Auth.NONE;
            case "inherit" -> Auth.INHERIT;
            case "apikey" -> new Auth.ApiKey(values.getOrDefault("key", "x-api-key"), values.getOrDefault("value", ""),
                    "query".equals(values.get("in")) ? Auth.ApiKey.Placement.QUERY : Auth.ApiKey.Placement.HEADER);
            case "bearer" -> new Auth.Bearer(values.getOrDefault("token", ""));
            case "basic" -> new Auth.Basic(values.getOrDefault("username", ""), values.getOrDefault("password", ""));
            case "awsv4" -> {
                if (!values.getOrDefault("accessKey", "").isBlank() || !values.getOrDefault("secretKey", "").isBlank()) {
                    notes.add("AWS keys in the awsv4 auth of \"" + where + "\" are not imported: requests are signed "
                            + "with the AWS profile or connection's credentials");
                }
                yield new Auth.SigV4(blankToNull(values.get("service")), blankToNull(values.get("region")), null);
            }
            default -> {
                notes.add("auth type " + type + " of \"" + where + "\" is not supported; sent without auth");
                yield Auth.NONE;
            }
        };
    }

    /** v2.1 writes auth parameters as [{key, value}], v2.0 as an object. */
    private static Map<String, String> authValues(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(kv -> out.put(kv.path("key").asText(), kv.path("value").isValueNode() ? kv.path("value").asText() : kv.path("value").toString()));
        } else {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static List<KeyValue> variables(JsonNode array) {
        List<KeyValue> out = new ArrayList<>();
        for (JsonNode variable : array) {
            String key = variable.has("key") ? variable.get("key").asText() : variable.path("id").asText(null);
            if (key == null) {
                continue;
            }
            JsonNode value = variable.get("value");
            out.add(new KeyValue(key, value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString(),
                    !variable.path("disabled").asBoolean(false)));
        }
        return out;
    }

    private void scripts(JsonNode events, String where) {
        for (JsonNode event : events) {
            List<String> lines = lines(event.path("script").path("exec"));
            if (!lines.stream().allMatch(String::isBlank)) {
                notes.add(event.path("listen").asText("script") + " script of \"" + where + "\" not run ("
                        + lines.size() + " line" + (lines.size() == 1 ? "" : "s") + ")");
            }
        }
    }

    private static List<String> lines(JsonNode exec) {
        List<String> out = new ArrayList<>();
        if (exec.isTextual()) {
            out.addAll(List.of(exec.asText().split("\n")));
        } else {
            exec.forEach(line -> out.add(line.asText()));
        }
        return out;
    }

    private static String description(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.path("content").asText(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
