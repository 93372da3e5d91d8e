package dev.dynagate.sandbox.triggers;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynagate.files.FileReplace;
import dev.dynagate.sandbox.DamagedFile;
import dev.dynagate.sandbox.lambda.LambdaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Event source mappings on disk, one JSON file each, so they survive a sandbox restart. */
final class MappingStore {
    private final Path folder;
    private final Consumer<String> log;

    MappingStore(Path folder, Consumer<String> log) {
        this.folder = folder.resolve("event-source-mappings");
        this.log = log;
    }

    List<EventSourceMapping> loadAll() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<EventSourceMapping> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    all.add(LambdaJson.MAPPER.readValue(file.toFile(), EventSourceMapping.class));
                } catch (IOException | RuntimeException unreadable) {
                    log.accept(DamagedFile.setAside(file, "Lambda event source mapping", unreadable));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event source mappings from " + folder, e);
        }
        return all;
    }

    void save(EventSourceMapping mapping) {
        try {
            Files.createDirectories(folder);
            FileReplace.write(folder.resolve(mapping.uuid() + ".json"), out -> LambdaJson.MAPPER
                    .writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, mapping));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save event source mapping " + mapping.uuid(), e);
        }
    }

    void delete(String uuid) {
        try {
            Files.deleteIfExists(folder.resolve(uuid + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete event source mapping " + uuid, e);
        }
    }
}
