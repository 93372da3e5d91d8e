package dev.dynagate.tables;

/** A conditional write found the item changed (or present, or gone) since it was loaded. */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
