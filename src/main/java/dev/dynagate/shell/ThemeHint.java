package dev.dynagate.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The theme the last run chose, read from settings.json without the JSON library so the first frame is drawn in
 * the right colours before the settings are loaded properly. Anything unreadable means the default; the loaded
 * settings correct a wrong guess a moment later.
 */
public final class ThemeHint {
    private static final Pattern DARK = Pattern.compile("\"theme\"\\s*:\\s*\"DARK\"");
    private static final long MAX_BYTES = 64 * 1024;

    private ThemeHint() {
    }

    public static Theme read(Path settingsFile) {
        try {
            if (!Files.isRegularFile(settingsFile) || Files.size(settingsFile) > MAX_BYTES) {
                return Theme.LIGHT;
            }
            return DARK.matcher(Files.readString(settingsFile)).find() ? Theme.DARK : Theme.LIGHT;
        } catch (IOException | RuntimeException e) {
            return Theme.LIGHT;
        }
    }
}
