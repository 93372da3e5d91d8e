package dev.dynagate.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What the sandbox does with a data file it cannot read: keeps it, under a name beside it that no start reads
 * ({@code NAME.damaged-TIME}), and says so, instead of refusing to start or dropping it without a word.
 */
public final class DamagedFile {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DamagedFile() {
    }

    /** A free name beside {@code file} for its damaged copy. */
    public static Path besideFor(Path file) {
        String stamp = STAMP.format(LocalDateTime.now());
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
        }
        return aside;
    }

    /**
     * Moves an unreadable {@code file} aside so the sandbox starts without it, and answers the line that tells the
     * user: {@code what} names the contents ("API Gateway definitions"), {@code reason} why it could not be read.
     */
    public static String setAside(Path file, String what, Exception reason) {
        String why = reason.getMessage() == null ? reason.getClass().getSimpleName()
                : reason.getMessage().lines().findFirst().orElse("");
        Path aside = besideFor(file);
        try {
            Files.move(file, aside);
            return "The " + what + " in " + file + " could not be read (" + why + "): the sandbox started without "
                    + "them, and the file is kept as " + aside.getFileName() + " to repair and put back";
        } catch (IOException e) {
            return "The " + what + " in " + file + " could not be read (" + why + ") nor moved aside ("
                    + e.getMessage() + "): the sandbox started without them";
        }
    }
}
