package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secret variable values, kept in the user's app data folder ({@code secrets/<collection id>/<environment>.json}),
 * never in the collection folder, so they stay out of git. Files are readable by the owner only where the file
 * system allows it.
 */
public final class SecretStore {
    private final Path base;

    public SecretStore(Path base) {
        this.base = base;
    }

    public static SecretStore standard() {
        return new SecretStore(AppDirs.detect().data().resolve("secrets"));
    }

    public Path base() {
        return base;
    }

    public Map<String, String> load(String collectionId, String environment) {
        Path file = file(collectionId, environment);
        Map<String, String> out = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            JsonNode node = JsonFiles.read(file);
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    /** Replaces the secrets of an environment; none left removes its file. */
    public void save(String collectionId, String environment, Map<String, String> values) {
        Path file = file(collectionId, environment);
        if (values.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        values.forEach(node::put);
        JsonFiles.write(file, node);
        ownerOnly(file);
    }

    private Path file(String collectionId, String environment) {
        String id = collectionId == null ? "unsaved" : FileNames.slug(collectionId);
        return base.resolve(id).resolve(FileNames.slug(environment) + ".json");
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows keeps app data per user already; nothing more to do there
        }
    }
}
