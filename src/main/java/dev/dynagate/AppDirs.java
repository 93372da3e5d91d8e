package dev.dynagate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The platform's conventional folders for Dynagate's configuration and data. The system property
 * {@code dynagate.home} puts both under one folder (tests, portable installs).
 */
public record AppDirs(Path config, Path data) {

    public static AppDirs detect() {
        return detect(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"),
                System.getProperty("dynagate.home"));
    }

    static AppDirs detect(String osName, Map<String, String> env, String userHome, String override) {
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return new AppDirs(home.resolve("config"), home.resolve("data"));
        }
        Path home = Path.of(userHome);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirs(roaming.resolve("Dynagate"), local.resolve("Dynagate"));
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Dynagate");
            return new AppDirs(support, support);
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        return new AppDirs(config.resolve("dynagate"), data.resolve("dynagate"));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    /** Where the built-in sandbox keeps its tables, functions and APIs by default. */
    public Path sandboxData() {
        return data.resolve("sandbox");
    }
}
