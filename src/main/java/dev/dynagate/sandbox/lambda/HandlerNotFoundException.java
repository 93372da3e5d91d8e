package dev.dynagate.sandbox.lambda;

/** The handler named by a function cannot be loaded (missing class, method or constructor). */
public final class HandlerNotFoundException extends RuntimeException {
    public HandlerNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
