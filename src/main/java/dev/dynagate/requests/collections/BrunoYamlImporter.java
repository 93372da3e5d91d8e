package dev.dynagate.requests.collections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads Bruno's YAML layout (OpenCollection): {@code opencollection.yml}, {@code folder.yml} per folder, one
 * {@code .yml} per request with {@code info}, {@code http} and {@code runtime}, and {@code environments/*.yml}.
 * Both spellings seen in the wild are accepted: params as one list with a {@code type} or split into query and
 * path; auth fields directly under {@code auth} or under a key named after the type.
 */
public final class BrunoYamlImporter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Path root;
    private final BrunoTree tree;
    private final List<String> notes = new ArrayList<>();

    private BrunoYamlImporter(Path root) {
        this.root = root;
        tree = new BrunoTree(root, Set.of("environments"), file -> (file.endsWith(".yml")
                || file.endsWith(".yaml")) && !file.startsWith("folder.") && !file.startsWith("opencollection."));
    }

    public static boolean isOpenCollection(Path dir) {
        return Files.isRegularFile(dir.resolve("opencollection.yml")) || Files.isRegularFile(dir.resolve("opencollection.yaml"));
    }

    public static OpenedCollection read(Path root) {
        return new BrunoYamlImporter(root).collection();
    }

    private OpenedCollection collection() {
        Path file = Files.isRegularFile(root.resolve("opencollection.yml")) ? root.resolve("opencollection.yml")
                : root.resolve("opencollection.yaml");
        JsonNode node = yaml(file);
        String name = first(SpecJson.text(node.path("info"), "name"), SpecJson.text(node, "name"), root.getFileName().toString());
        JsonNode defaults = node.has("request") ? node.get("request") : node;
        runtime(defaults.path("runtime"), name, new ArrayList<>(), new ArrayList<>());
        scripts(defaults.path("scripts"), name);
        Auth auth = auth(defaults.get("auth"), name);
        Collection collection = new Collection(null, name, null, auth instanceof Auth.Inherit ? Auth.NONE : auth,
                variables(defaults.get("variables")), keyValues(defaults.get("headers")), docs(node),
                items(root, ""));
        return new OpenedCollection(collection, environments(), notes);
    }

    private List<CollectionItem> items(Path dir, String parent) {
        return tree.items(dir, parent, this::folder, this::request);
    }

    private Folder folder(Path dir, String parent) {
        Path file = dir.resolve("folder.yml");
        JsonNode node = Files.isRegularFile(file) ? yaml(file) : YAML.createObjectNode();
        JsonNode info = node.has("info") ? node.get("info") : node.path("meta");
        String name = first(SpecJson.text(info, "name"), dir.getFileName().toString());
        String path = parent.isEmpty() ? name : parent + " / " + name;
        JsonNode settings = node.has("request") ? node.get("request") : node.has("http") ? node.get("http") : node;
        scripts(settings.path("scripts"), path);
        runtime(node.path("runtime"), path, new ArrayList<>(), new ArrayList<>());
        return new Folder(name, info.path("seq").asInt(Integer.MAX_VALUE), null, auth(settings.get("auth"), path),
                variables(settings.has("variables") ? settings.get("variables") : node.path("runtime").get("variables")),
                keyValues(settings.get("headers")), docs(node), items(dir, path));
    }

    private SavedRequest request(Path file, String parent) {
        JsonNode node = yaml(file);
        JsonNode info = node.has("info") ? node.get("info") : node.path("meta");
        String fileName = file.getFileName().toString();
        String name = first(SpecJson.text(info, "name"), fileName.substring(0, fileName.lastIndexOf('.')));
        String path = parent.isEmpty() ? name : parent + " / " + name;
        JsonNode http = node.path("http");
        String url = pathParams(http.path("url").asText(""), http.get("params"), path);
        List<Assertion> assertions = new ArrayList<>();
        List<Capture> captures = new ArrayList<>();
        runtime(node.path("runtime"), path, assertions, captures);
        RequestSpec spec = new RequestSpec(name, http.path("method").asText("GET").toUpperCase(Locale.ROOT), url,
                keyValues(http.get("headers")), body(http.get("body"), path),
                http.has("auth") ? auth(http.get("auth"), path) : Auth.INHERIT, assertions, captures, docs(node));
        return new SavedRequest(spec, info.path("seq").asInt(Integer.MAX_VALUE), null);
    }

    private void runtime(JsonNode runtime, String path, List<Assertion> assertions, List<Capture> captures) {
        for (JsonNode assertion : runtime.path("assertions")) {
            String expression = SpecJson.text(assertion, "expression");
            String operator = SpecJson.text(assertion, "operator");
            String value = SpecJson.text(assertion, "value");
            String check = value == null ? operator : operator + " " + value;
            boolean enabled = !assertion.path("disabled").asBoolean(false) && assertion.path("enabled").asBoolean(true);
            BrunoAssertions.assertion(expression == null ? "" : expression, check, enabled).ifPresentOrElse(assertions::add,
                    () -> notes.add("assertion \"" + expression + ": " + check + "\" of \"" + path + "\" has no equivalent; skipped"));
        }
        for (JsonNode action : runtime.path("actions")) {
            // post-response "set variable" actions carry a selector expression and a variable name
            String variable = first(SpecJson.text(action.path("variable"), "name"), SpecJson.text(action, "variable"));
            String expression = first(SpecJson.text(action.path("selector"), "expression"), SpecJson.text(action, "expression"));
            if (variable != null && expression != null) {
                BrunoAssertions.capture(variable, expression).ifPresentOrElse(captures::add,
                        () -> notes.add("post-response variable " + variable + " of \"" + path + "\" has no equivalent; skipped"));
            }
        }
        scripts(runtime.path("scripts"), path);
    }

    private Body body(JsonNode body, String path) {
        if (body == null || body.isNull()) {
            return Body.NONE;
        }
        String type = body.path("type").asText("none");
        JsonNode data = body.get("data");
        return switch (type) {
            case "json" -> Body.json(data == null ? "" : data.isTextual() ? data.asText() : data.toPrettyString());
            case "text" -> Body.text(data == null ? "" : data.asText());
            case "xml" -> new Body(Body.Mode.XML, data == null ? "" : data.asText(), List.of(), null);
            case "form-urlencoded", "formUrlEncoded" -> Body.form(keyValues(data));
            case "multipart-form", "multipartForm" -> new Body(Body.Mode.MULTIPART_FORM, null, keyValues(data), null);
            case "none" -> Body.NONE;
            default -> {
                notes.add("body type " + type + " of \"" + path + "\" is not supported; sent without a body");
                yield Body.NONE;
            }
        };
    }

    private Auth auth(JsonNode auth, String where) {
        if (auth == null || auth.isNull() || auth.isTextual() && auth.asText().equals("inherit")) {
            return Auth.INHERIT;
        }
        String type = auth.path("type").asText("inherit");
        JsonNode fields = auth.has(type) && auth.get(type).isObject() ? auth.get(type) : auth;
        return switch (type) {
            case "inherit" -> Auth.INHERIT;
            case "none" -> Auth.NONE;
            case "bearer" -> new Auth.Bearer(fields.path("token").asText(""));
            case "basic" -> new Auth.Basic(fields.path("username").asText(""), fields.path("password").asText(""));
            case "apikey" -> new Auth.ApiKey(fields.path("key").asText(""), fields.path("value").asText(""),
                    fields.path("placement").asText("header").startsWith("query") ? Auth.ApiKey.Placement.QUERY
                            : Auth.ApiKey.Placement.HEADER);
            case "awsv4" -> {
                if (!fields.path("accessKeyId").asText("").isBlank() || !fields.path("secretAccessKey").asText("").isBlank()) {
                    notes.add("AWS keys in the awsv4 auth of \"" + where + "\" are not imported: requests are signed "
                            + "with the AWS profile or connection's credentials");
                }
                yield new Auth.SigV4(blankToNull(fields.path("service").asText("")), blankToNull(fields.path("region").asText("")),
                        blankToNull(fields.path("profileName").asText("")));
            }
            default -> {
                notes.add("auth type " + type + " of \"" + where + "\" is not supported; sent without auth");
                yield Auth.NONE;
            }
        };
    }

    private String pathParams(String url, JsonNode params, String where) {
        List<JsonNode> path = new ArrayList<>();
        if (params != null && params.isArray()) {
            params.forEach(p -> {
                if ("path".equals(p.path("type").asText())) {
                    path.add(p);
                }
            });
        } else if (params != null) {
            params.path("path").forEach(path::add);
        }
        String out = url;
        for (JsonNode param : path) {
            String name = param.path("name").asText();
            String value = param.path("value").asText("");
            if (value.isEmpty()) {
                notes.add("path parameter :" + name + " of \"" + where + "\" has no value");
            } else if (!param.path("disabled").asBoolean(false)) {
                out = out.replaceAll("/:" + java.util.regex.Pattern.quote(name) + "(?=[/?#]|$)",
                        java.util.regex.Matcher.quoteReplacement("/" + value));
            }
        }
        return out;
    }

    private List<Environment> environments() {
        Path dir = root.resolve("environments");
        List<Environment> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode node = yaml(file);
                String fileName = file.getFileName().toString();
                String name = first(SpecJson.text(node, "name"), fileName.substring(0, fileName.lastIndexOf('.')));
                List<KeyValue> variables = new ArrayList<>();
                Set<String> secrets = new LinkedHashSet<>();
                for (JsonNode variable : node.path("variables")) {
                    String key = SpecJson.text(variable, "name");
                    boolean secret = variable.path("secret").asBoolean(false);
                    if (secret) {
                        secrets.add(key);
                    }
                    variables.add(new KeyValue(key, secret ? "" : variable.path("value").asText(""),
                            !variable.path("disabled").asBoolean(false) && variable.path("enabled").asBoolean(true)));
                }
                out.add(new Environment(name, false, variables, secrets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void scripts(JsonNode scripts, String where) {
        if (scripts == null || scripts.isMissingNode()) {
            return;
        }
        if (scripts.isArray()) {
            for (JsonNode script : scripts) {
                String code = first(SpecJson.text(script, "code"), SpecJson.text(script, "script"), "");
                if (!code.isBlank()) {
                    notes.add(first(SpecJson.text(script, "type"), "script") + " script of \"" + where + "\" not run ("
                            + code.lines().count() + " line" + (code.lines().count() == 1 ? "" : "s") + ")");
                }
            }
        } else {
            scripts.fields().forEachRemaining(e -> {
                String code = e.getValue().asText("");
                if (!code.isBlank()) {
                    notes.add(e.getKey() + " script of \"" + where + "\" not run (" + code.lines().count() + " line"
                            + (code.lines().count() == 1 ? "" : "s") + ")");
                }
            });
        }
    }

    private static String docs(JsonNode node) {
        JsonNode docs = node.get("docs");
        if (docs == null || docs.isNull()) {
            return null;
        }
        return docs.isTextual() ? docs.asText() : docs.path("content").asText(null);
    }

    private static List<KeyValue> keyValues(JsonNode array) {
        List<KeyValue> out = new ArrayList<>();
        if (array != null) {
            for (JsonNode item : array) {
                out.add(new KeyValue(item.path("name").asText(), item.path("value").asText(""),
                        !item.path("disabled").asBoolean(false) && item.path("enabled").asBoolean(true)));
            }
        }
        return out;
    }

    private static List<KeyValue> variables(JsonNode array) {
        return keyValues(array);
    }

    private static JsonNode yaml(Path file) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            return node == null || node.isMissingNode() ? YAML.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CollectionFormatException(file, line, e.getOriginalMessage());
        } catch (IOException e) {
            throw new CollectionFormatException(file, 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
