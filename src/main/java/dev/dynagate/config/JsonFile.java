package dev.dynagate.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dynagate.files.FileReplace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;

/**
 * One of Dynagate's own JSON files (settings, connections). Reading never fails: a missing file gives the
 * defaults, an empty or corrupt one gives the defaults plus a message saying what was ignored (the corrupt file is
 * kept beside as {@code .corrupt} so nothing is lost). Writing replaces the file atomically.
 */
public final class JsonFile<T> {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;
    private final Class<T> type;
    private final Supplier<T> defaults;

    public JsonFile(Path path, Class<T> type, Supplier<T> defaults) {
        this.path = path;
        this.type = type;
        this.defaults = defaults;
    }

    public record Loaded<T>(T value, List<String> problems) {
    }

    public Path path() {
        return path;
    }

    public Loaded<T> load() {
        if (!Files.exists(path)) {
            return new Loaded<>(defaults.get(), List.of());
        }
        try {
            String text = Files.readString(path);
            if (text.isBlank()) {
                return new Loaded<>(defaults.get(), List.of(path + " was empty; using defaults"));
            }
            T value = MAPPER.readValue(text, type);
            return new Loaded<>(value == null ? defaults.get() : value, List.of());
        } catch (IOException | RuntimeException e) {
            String kept = keepCorrupt();
            return new Loaded<>(defaults.get(), List.of(path + " could not be read (" + firstLine(e)
                    + "); using defaults" + kept));
        }
    }

    public void save(T value) throws IOException {
        FileReplace.writeString(path, MAPPER.writeValueAsString(value));
    }

    private String keepCorrupt() {
        Path copy = path.resolveSibling(path.getFileName() + ".corrupt");
        try {
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
            return " (the old file is kept as " + copy.getFileName() + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
