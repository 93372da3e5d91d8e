package dev.dynagate.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a small data file whole: written to a temporary file beside it, forced to disk, then renamed over it. A
 * crash or a power loss leaves the old file or the new one, never an empty or half-written one (a rename of a file
 * whose bytes are not yet on disk can survive a power loss as an empty file).
 */
public final class FileReplace {
    /** Writes the new contents; the stream is closed by the caller of {@link #write}. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(OutputStream out) throws IOException;
    }

    // two threads replacing one file would share its temporary file; a stripe per path keeps them one after the other
    private static final Object[] STRIPES = new Object[32];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    private FileReplace() {
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path file, Contents contents) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        synchronized (STRIPES[Math.floorMod(target.hashCode(), STRIPES.length)]) {
            replace(target, contents);
        }
    }

    private static void replace(Path file, Contents contents) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            contents.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
