package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.requests.model.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Environment files given on their own: a Postman environment export ({@code values[]}, secret type kept as secret)
 * or one of ours (secret values then come from nowhere: they stay empty).
 */
public final class EnvironmentFiles {
    private EnvironmentFiles() {
    }

    public static Environment read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (root.has("values")) {
            return postman(root, file);
        }
        List<KeyValue> variables = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (JsonNode item : root.path("variables")) {
            String key = SpecJson.text(item, "key");
            if (item.path("secret").asBoolean(false)) {
                secrets.add(key);
            }
            String value = SpecJson.text(item, "value");
            variables.add(new KeyValue(key, value == null ? "" : value, item.path("enabled").asBoolean(true)));
        }
        return new Environment(nameOf(root, file), root.path("production").asBoolean(false), variables, secrets);
    }

    static Environment postman(JsonNode root, Path file) {
        List<KeyValue> variables = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (JsonNode item : root.path("values")) {
            String key = SpecJson.text(item, "key");
            if (key == null) {
                continue;
            }
            String value = SpecJson.text(item, "value");
            variables.add(new KeyValue(key, value == null ? "" : value, item.path("enabled").asBoolean(true)));
            if ("secret".equals(SpecJson.text(item, "type"))) {
                secrets.add(key);
            }
        }
        return new Environment(nameOf(root, file), false, variables, secrets);
    }

    private static String nameOf(JsonNode root, Path file) {
        String name = SpecJson.text(root, "name");
        if (name != null) {
            return name;
        }
        String fileName = file.getFileName().toString();
        int dot = fileName.indexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
