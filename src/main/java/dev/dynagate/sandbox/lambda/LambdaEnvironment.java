package dev.dynagate.sandbox.lambda;

import java.util.Map;

/**
 * The environment variables of the function invocation running on the current thread.
 *
 * <p>Functions run inside the sandbox's JVM, whose {@code System.getenv()} cannot be changed per function. The
 * runtime therefore publishes each invocation's variables (the function's own plus the ones Lambda sets, such as
 * {@code AWS_REGION}, {@code AWS_LAMBDA_FUNCTION_NAME} and {@code AWS_ENDPOINT_URL_DYNAMODB} pointing at the
 * sandbox) here. Handlers that should run unchanged on AWS read variables through {@link #getenv(String)}, which
 * falls back to the real process environment outside the sandbox. Handlers loaded from their own jar can reach this
 * class too: it is one of the few the function class loader shares.
 */
public final class LambdaEnvironment {
    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

    private LambdaEnvironment() {
    }

    /** The variable of the running invocation, else of the process, else null. */
    public static String getenv(String name) {
        Map<String, String> variables = CURRENT.get();
        if (variables != null && variables.containsKey(name)) {
            return variables.get(name);
        }
        return System.getenv(name);
    }

    /** All variables of the running invocation (empty outside one). */
    public static Map<String, String> current() {
        Map<String, String> variables = CURRENT.get();
        return variables == null ? Map.of() : variables;
    }

    static void set(Map<String, String> variables) {
        CURRENT.set(Map.copyOf(variables));
    }

    static void clear() {
        CURRENT.remove();
    }
}
