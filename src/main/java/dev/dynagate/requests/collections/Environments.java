package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.requests.model.KeyValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The environments of one collection, in {@code environments/<name>.json}. Secret variables are written there by
 * name only; their values go to the {@link SecretStore}.
 */
public final class Environments {
    private final Path root;
    private final String collectionId;
    private final SecretStore secrets;

    public Environments(Collection collection, SecretStore secrets) {
        this(collection.root(), collection.id(), secrets);
    }

    public Environments(Path root, String collectionId, SecretStore secrets) {
        this.root = root;
        // a hand-written collection.json may lack an id: its folder then keys its secrets
        this.collectionId = collectionId != null || root == null ? collectionId
                : "folder-" + Integer.toHexString(root.toAbsolutePath().normalize().toString().hashCode());
        this.secrets = secrets;
    }

    private Path dir() {
        return root.resolve(FileNames.ENVIRONMENTS);
    }

    /** Every environment, sorted by name, with secret values filled in from the secret store. */
    public List<Environment> list() {
        if (root == null || !Files.isDirectory(dir())) {
            return List.of();
        }
        List<Environment> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Environment::name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    public Optional<Environment> find(String name) {
        return list().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }

    private Environment read(Path file) {
        JsonNode node = JsonFiles.read(file);
        String name = SpecJson.text(node, "name");
        if (name == null) {
            String fileName = file.getFileName().toString();
            name = fileName.substring(0, fileName.length() - ".json".length());
        }
        Map<String, String> secretValues = secrets.load(collectionId, name);
        List<KeyValue> variables = new ArrayList<>();
        Set<String> secretNames = new LinkedHashSet<>();
        for (JsonNode item : node.path("variables")) {
            String key = SpecJson.text(item, "key");
            boolean enabled = item.path("enabled").asBoolean(true);
            if (item.path("secret").asBoolean(false)) {
                secretNames.add(key);
                variables.add(new KeyValue(key, secretValues.getOrDefault(key, ""), enabled));
            } else {
                String value = SpecJson.text(item, "value");
                variables.add(new KeyValue(key, value == null ? "" : value, enabled));
            }
        }
        return new Environment(name, node.path("production").asBoolean(false), variables, secretNames);
    }

    /** Writes the environment file (secret values left out) and the secret values to the secret store. */
    public void save(Environment environment) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", environment.name());
        if (environment.production()) {
            node.put("production", true);
        }
        ArrayNode variables = node.putArray("variables");
        Map<String, String> secretValues = new LinkedHashMap<>();
        for (KeyValue kv : environment.variables()) {
            ObjectNode item = variables.addObject();
            item.put("key", kv.key());
            if (environment.isSecret(kv.key())) {
                item.put("secret", true);
                secretValues.put(kv.key(), kv.value());
            } else {
                item.put("value", kv.value());
            }
            if (!kv.enabled()) {
                item.put("enabled", false);
            }
        }
        JsonFiles.write(dir().resolve(FileNames.slug(environment.name()) + ".json"), node);
        secrets.save(collectionId, environment.name(), secretValues);
    }
}
