package dev.dynagate.requests.collections;

import java.nio.file.Path;

/** A collection or environment file that cannot be read, with where the problem is (line 0 when unknown). */
public class CollectionFormatException extends RuntimeException {
    private final Path file;
    private final int line;

    public CollectionFormatException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
