package dev.dynagate.sandbox.lambda;

/** A function of that name is already registered. */
public final class FunctionExistsException extends RuntimeException {
    public FunctionExistsException(String name) {
        super("Function already exist: " + name);
    }
}
