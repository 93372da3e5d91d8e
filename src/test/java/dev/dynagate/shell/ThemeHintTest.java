package dev.dynagate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeHintTest {
    @TempDir
    Path config;

    @Test
    void readsTheThemeTheSettingsStoreWrote() throws Exception {
        SettingsStore store = new SettingsStore(config);
        ShellSettings dark = ShellSettings.defaults();
        dark.theme = Theme.DARK;
        store.save(dark);
        assertThat(ThemeHint.read(SettingsStore.location(config))).isEqualTo(Theme.DARK);

        store.save(ShellSettings.defaults());
        assertThat(ThemeHint.read(SettingsStore.location(config))).isEqualTo(Theme.LIGHT);
    }

    @Test
    void anythingUnreadableMeansTheDefault() throws Exception {
        assertThat(ThemeHint.read(config.resolve("absent.json"))).isEqualTo(Theme.LIGHT);
        Files.writeString(config.resolve("broken.json"), "{\"theme\": ");
        assertThat(ThemeHint.read(config.resolve("broken.json"))).isEqualTo(Theme.LIGHT);
        assertThat(ThemeHint.read(config)).isEqualTo(Theme.LIGHT);
    }
}
