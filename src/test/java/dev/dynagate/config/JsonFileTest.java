package dev.dynagate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileTest {
    public static final class Settings {
        public String theme = "light";
        public int width = 800;
    }

    @TempDir
    Path dir;

    private JsonFile<Settings> file() {
        return new JsonFile<>(dir.resolve("config").resolve("settings.json"), Settings.class, Settings::new);
    }

    @Test
    void whatIsSavedIsLoadedAndNothingElseIsLeftInTheFolder() throws IOException {
        Settings settings = new Settings();
        settings.theme = "dark";
        settings.width = 1280;

        file().save(settings);
        JsonFile.Loaded<Settings> loaded = file().load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.value().theme).isEqualTo("dark");
        assertThat(loaded.value().width).isEqualTo(1280);
        try (Stream<Path> files = Files.list(dir.resolve("config"))) {
            assertThat(files).containsExactly(dir.resolve("config").resolve("settings.json"));
        }
    }

    @Test
    void anUnreadableFileGivesTheDefaultsSaysSoAndIsKeptBeside() throws IOException {
        Path path = dir.resolve("config").resolve("settings.json");
        Files.createDirectories(path.getParent());
        Files.writeString(path, "{\"theme\": \"dark\", \"width\": ");

        JsonFile.Loaded<Settings> loaded = file().load();

        assertThat(loaded.value().theme).isEqualTo("light");
        assertThat(loaded.problems()).singleElement().asString()
                .contains("could not be read").contains("using defaults").contains("settings.json.corrupt");
        assertThat(path.resolveSibling("settings.json.corrupt")).hasContent("{\"theme\": \"dark\", \"width\": ");
    }

    @Test
    void aMissingFileGivesTheDefaultsWithoutAProblem() {
        JsonFile.Loaded<Settings> loaded = file().load();

        assertThat(loaded.value().width).isEqualTo(800);
        assertThat(loaded.problems()).isEmpty();
    }
}
