package dev.dynagate.sandbox.lambda;

import java.nio.charset.StandardCharsets;

/**
 * What an invocation returns to its caller: the payload (the handler's result or Lambda's error document) and, for
 * failures, the function error kind Lambda reports in {@code X-Amz-Function-Error}.
 */
public record InvocationResult(Invocation invocation, byte[] payload, String functionError) {

    public boolean failed() {
        return functionError != null;
    }

    public boolean timedOut() {
        return invocation.outcome() == Invocation.Outcome.TIMEOUT;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
