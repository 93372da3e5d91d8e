package dev.dynagate.sandbox.dynamodb.storage;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The write-ahead log could not be written or forced (a full disk, a folder made read-only): from then on every
 * write is refused, since what it changed could not be kept, while reads go on.
 */
public final class LogFailure extends UncheckedIOException {
    LogFailure(IOException cause) {
        super("write-ahead log failed: " + cause.getMessage(), cause);
    }

    /** What the operating system said, as a person reads it ("No space left on device"). */
    public String reason() {
        String message = getCause().getMessage();
        return message == null || message.isBlank() ? getCause().getClass().getSimpleName() : message;
    }
}
