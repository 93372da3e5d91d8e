package dev.dynagate.shell;

import dev.dynagate.config.JsonFile;
import java.io.IOException;
import java.nio.file.Path;

/** Loads and saves {@link ShellSettings}; blocking, called on the background executor. */
public class SettingsStore {
    private final JsonFile<ShellSettings> file;

    public SettingsStore(Path configFolder) {
        this.file = new JsonFile<>(location(configFolder), ShellSettings.class, ShellSettings::defaults);
    }

    public static Path location(Path configFolder) {
        return configFolder.resolve("settings.json");
    }

    public JsonFile.Loaded<ShellSettings> load() {
        return file.load();
    }

    public void save(ShellSettings settings) throws IOException {
        file.save(settings);
    }
}
