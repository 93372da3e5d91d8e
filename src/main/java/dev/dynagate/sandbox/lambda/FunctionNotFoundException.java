package dev.dynagate.sandbox.lambda;

/** No function of that name is registered. */
public final class FunctionNotFoundException extends RuntimeException {
    public FunctionNotFoundException(String name) {
        super("Function not found: " + FunctionDefinition.arn(name));
    }
}
