package dev.dynagate.sandbox.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynagate.files.FileReplace;
import dev.dynagate.sandbox.DamagedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Function definitions on disk, one JSON file per function, so they survive a sandbox restart. */
final class FunctionStore {
    private final Path folder;
    private final Consumer<String> log;

    /** {@code log} hears about a definition that could not be read and was set aside. */
    FunctionStore(Path folder, Consumer<String> log) {
        this.folder = folder.resolve("functions");
        this.log = log;
    }

    List<FunctionDefinition> loadAll() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<FunctionDefinition> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    all.add(LambdaJson.MAPPER.readValue(file.toFile(), FunctionDefinition.class));
                } catch (IOException | RuntimeException unreadable) {
                    // one damaged definition must not keep the sandbox, or the other functions, from starting
                    log.accept(DamagedFile.setAside(file, "Lambda function definition", unreadable));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lambda functions from " + folder, e);
        }
        return all;
    }

    void save(FunctionDefinition function) {
        try {
            FileReplace.write(file(function.name()), out -> LambdaJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, function));
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
