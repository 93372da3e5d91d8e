package dev.dynagate.sandboxpanel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.sandbox.SandboxStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aChoiceIsSavedForTheNextRunAndDefaultsToKeepingWrites() throws IOException {
        assertThat(new SandboxSettings(dir).storage()).isEqualTo(SandboxStorage.KEPT);
        new SandboxSettings(dir).storage(SandboxStorage.IN_MEMORY);
        assertThat(new SandboxSettings(dir).storage()).isEqualTo(SandboxStorage.IN_MEMORY);
        assertThat(Files.readString(dir.resolve("sandbox.json"))).contains("IN_MEMORY");
    }

    @Test
    void aChoiceThatCannotBeSavedStillHoldsForThisRun() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("config"), "a file where the folder should be");
        SandboxSettings settings = new SandboxSettings(notAFolder);
        assertThatThrownBy(() -> settings.storage(SandboxStorage.FORCED)).isInstanceOf(IOException.class);
        assertThat(settings.storage()).isEqualTo(SandboxStorage.FORCED);
    }
}
