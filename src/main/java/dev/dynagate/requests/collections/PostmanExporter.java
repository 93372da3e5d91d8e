package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Writes a collection as Postman Collection v2.1. Assertions and captures become test scripts Postman and newman
 * run (see {@link PostmanScripts}); folder headers, which Postman lacks, are copied onto each request beneath.
 * Environments export to Postman environment files, secret values left empty.
 */
public final class PostmanExporter {
    static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PostmanExporter() {
    }

    public static void write(Collection collection, Path file) {
        JsonFiles.write(file, toJson(collection));
    }

    public static ObjectNode toJson(Collection collection) {
        ObjectNode root = NODES.objectNode();
        ObjectNode info = root.putObject("info");
        info.put("_postman_id", collection.id() == null ? UUID.randomUUID().toString() : collection.id());
        info.put("name", collection.name());
        if (collection.description() != null) {
            info.put("description", collection.description());
        }
        info.put("schema", SCHEMA);
        root.set("item", items(collection.items(), collection.headers()));
        if (!(collection.auth() instanceof Auth.Inherit)) {
            root.set("auth", auth(collection.auth()));
        }
        root.set("variable", variables(collection.variables()));
        return root;
    }

    public static ObjectNode environment(Environment environment) {
        ObjectNode root = NODES.objectNode();
        root.put("name", environment.name());
        ArrayNode values = root.putArray("values");
        for (KeyValue kv : environment.variables()) {
            ObjectNode value = values.addObject();
            value.put("key", kv.key());
            boolean secret = environment.isSecret(kv.key());
            value.put("value", secret ? "" : kv.value());
            value.put("type", secret ? "secret" : "default");
            value.put("enabled", kv.enabled());
        }
        root.put("_postman_variable_scope", "environment");
        return root;
    }

    private static ArrayNode items(List<CollectionItem> items, List<KeyValue> inheritedHeaders) {
        ArrayNode out = NODES.arrayNode();
        for (CollectionItem item : items) {
            if (item instanceof Folder folder) {
                ObjectNode node = out.addObject();
                node.put("name", folder.name());
                if (folder.description() != null) {
                    node.put("description", folder.description());
                }
                node.set("item", items(folder.items(), RunPlan.merge(inheritedHeaders, folder.headers())));
                if (!(folder.auth() instanceof Auth.Inherit)) {
                    node.set("auth", auth(folder.auth()));
                }
                if (!folder.variables().isEmpty()) {
                    node.set("variable", variables(folder.variables()));
                }
            } else if (item instanceof SavedRequest saved) {
                out.add(request(saved.spec(), inheritedHeaders));
            }
        }
        return out;
    }

    private static ObjectNode request(RequestSpec spec, List<KeyValue> inheritedHeaders) {
        ObjectNode item = NODES.objectNode();
        item.put("name", spec.name());
        List<String> tests = PostmanScripts.write(spec.assertions(), spec.captures());
        if (!tests.isEmpty()) {
            ObjectNode event = item.putArray("event").addObject();
            event.put("listen", "test");
            ObjectNode script = event.putObject("script");
            script.put("type", "text/javascript");
            ArrayNode exec = script.putArray("exec");
            tests.forEach(exec::add);
        }
        ObjectNode request = item.putObject("request");
        request.put("method", spec.method());
        ArrayNode headers = request.putArray("header");
        for (KeyValue header : RunPlan.merge(inheritedHeaders, spec.headers())) {
            ObjectNode h = headers.addObject();
            h.put("key", header.key());
            h.put("value", header.value());
            if (!header.enabled()) {
                h.put("disabled", true);
            }
        }
        if (spec.body().mode() != Body.Mode.NONE) {
            request.set("body", body(spec.body()));
        }
        request.put("url", spec.url());
        if (!(spec.auth() instanceof Auth.Inherit)) {
            request.set("auth", auth(spec.auth()));
        }
        if (spec.description() != null) {
            request.put("description", spec.description());
        }
        return item;
    }

    private static ObjectNode body(Body body) {
        ObjectNode node = NODES.objectNode();
        switch (body.mode()) {
            case JSON, TEXT, XML -> {
                node.put("mode", "raw");
                node.put("raw", body.text() == null ? "" : body.text());
                String language = switch (body.mode()) {
                    case JSON -> "json";
                    case XML -> "xml";
                    default -> "text";
                };
                node.putObject("options").putObject("raw").put("language", language);
            }
            case FORM_URLENCODED, MULTIPART_FORM -> {
                String mode = body.mode() == Body.Mode.FORM_URLENCODED ? "urlencoded" : "formdata";
                node.put("mode", mode);
                ArrayNode fields = node.putArray(mode);
                for (KeyValue field : body.fields()) {
                    ObjectNode f = fields.addObject();
                    f.put("key", field.key());
                    f.put("value", field.value());
                    if (mode.equals("formdata")) {
                        f.put("type", "text");
                    }
                    if (!field.enabled()) {
                        f.put("disabled", true);
                    }
                }
            }
            case FILE -> {
                node.put("mode", "file");
                node.putObject("file").put("src", body.file());
            }
            case NONE -> {
            }
        }
        return node;
    }

    static ObjectNode auth(Auth auth) {
        ObjectNode node = NODES.objectNode();
        if (auth instanceof Auth.None) {
            node.put("type", "noauth");
        } else if (auth instanceof Auth.ApiKey key) {
            node.put("type", "apikey");
            ArrayNode values = node.putArray("apikey");
            pair(values, "key", key.name());
            pair(values, "value", key.value());
            pair(values, "in", key.placement() == Auth.ApiKey.Placement.QUERY ? "query" : "header");
        } else if (auth instanceof Auth.Bearer bearer) {
            node.put("type", "bearer");
            pair(node.putArray("bearer"), "token", bearer.token());
        } else if (auth instanceof Auth.Basic basic) {
            node.put("type", "basic");
            ArrayNode values = node.putArray("basic");
            pair(values, "username", basic.username());
            pair(values, "password", basic.password());
        } else if (auth instanceof Auth.SigV4 sig) {
            // Postman signs with keys it holds; we never write keys, so they are left as variables to fill in
            node.put("type", "awsv4");
            ArrayNode values = node.putArray("awsv4");
            pair(values, "accessKey", "{{AWS_ACCESS_KEY_ID}}");
            pair(values, "secretKey", "{{AWS_SECRET_ACCESS_KEY}}");
            pair(values, "sessionToken", "{{AWS_SESSION_TOKEN}}");
            pair(values, "service", sig.service() == null ? "execute-api" : sig.service());
            if (sig.region() != null) {
                pair(values, "region", sig.region());
            }
        }
        return node;
    }

    private static void pair(ArrayNode array, String key, String value) {
        ObjectNode pair = array.addObject();
        pair.put("key", key);
        pair.put("value", value == null ? "" : value);
        pair.put("type", "string");
    }

    private static ArrayNode variables(List<KeyValue> variables) {
        ArrayNode out = NODES.arrayNode();
        for (KeyValue kv : variables) {
            ObjectNode v = out.addObject();
            v.put("key", kv.key());
            v.put("value", kv.value());
            if (!kv.enabled()) {
                v.put("disabled", true);
            }
        }
        return out;
    }
}
