package dev.dynagate.sandbox.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Function definitions on disk, one JSON file per function, so they survive a sandbox restart. */
final class FunctionStore {
    private final Path folder;

    FunctionStore(Path folder) {
        this.folder = folder.resolve("functions");
    }

    List<FunctionDefinition> loadAll() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<FunctionDefinition> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(LambdaJson.MAPPER.readValue(file.toFile(), FunctionDefinition.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lambda functions from " + folder, e);
        }
        return all;
    }

    void save(FunctionDefinition function) {
        try {
            Files.createDirectories(folder);
            Path temp = folder.resolve(function.name() + ".json.tmp");
            LambdaJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), function);
            Files.move(temp, file(function.name()), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save Lambda function " + function.name(), e);
        }
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete Lambda function " + name, e);
        }
    }

    private Path file(String name) {
        return folder.resolve(name + ".json");
    }
}
