package dev.dynagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    @Test
    void linuxFollowsXdg() {
        AppDirs dirs = AppDirs.detect("Linux", Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/a", null);

        assertThat(dirs.config()).isEqualTo(Path.of("/x/cfg/dynagate"));
        assertThat(dirs.data()).isEqualTo(Path.of("/home/a/.local/share/dynagate"));
        assertThat(dirs.sandboxData()).isEqualTo(Path.of("/home/a/.local/share/dynagate/sandbox"));
    }

    @Test
    void macUsesApplicationSupport() {
        AppDirs dirs = AppDirs.detect("Mac OS X", Map.of(), "/Users/a", null);

        assertThat(dirs.config()).isEqualTo(Path.of("/Users/a/Library/Application Support/Dynagate"));
    }

    @Test
    void windowsUsesRoamingForConfigAndLocalForData() {
        AppDirs dirs = AppDirs.detect("Windows 11", Map.of("APPDATA", "C:/Users/a/AppData/Roaming",
                "LOCALAPPDATA", "C:/Users/a/AppData/Local"), "C:/Users/a", null);

        assertThat(dirs.config()).isEqualTo(Path.of("C:/Users/a/AppData/Roaming/Dynagate"));
        assertThat(dirs.data()).isEqualTo(Path.of("C:/Users/a/AppData/Local/Dynagate"));
    }

    @Test
    void overrideKeepsEverythingInOneFolder() {
        AppDirs dirs = AppDirs.detect("Linux", Map.of(), "/home/a", "/tmp/portable");

        assertThat(dirs.config()).isEqualTo(Path.of("/tmp/portable/config"));
        assertThat(dirs.data()).isEqualTo(Path.of("/tmp/portable/data"));
    }
}
