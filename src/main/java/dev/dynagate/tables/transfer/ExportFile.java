package dev.dynagate.tables.transfer;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An export's output file, which appears only once complete: written as {@code FILE.partial} beside it, renamed over
 * {@code FILE} at the end, and removed when the export fails or is cancelled. A half-written file never carries the
 * name the user chose. A name ending in {@code .gz} is written gzip-compressed.
 */
public final class ExportFile {
    /** Writes the export into the writer it is given; the writer is closed by {@link #write}. */
    @FunctionalInterface
    public interface Body<T> {
        T writeTo(Writer out) throws IOException, InterruptedException;
    }

    private ExportFile() {
    }

    public static Path partialFor(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    public static <T> T write(Path file, Body<T> body) throws IOException, InterruptedException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = partialFor(target);
        boolean complete = false;
        try {
            T result;
            try (Writer out = ItemFiles.writer(partial, target)) {
                result = body.writeTo(out);
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            complete = true;
            return result;
        } finally {
            if (!complete) {
                Files.deleteIfExists(partial);
            }
        }
    }
}
