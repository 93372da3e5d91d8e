package dev.dynagate.sandbox.lambda;

import java.time.Instant;

/**
 * One finished invocation as the sandbox panel shows it.
 *
 * @param initDurationMillis the cold start's init time, or null on a warm start
 * @param log                the invocation's log: START, the handler's output, END and REPORT lines
 */
public record Invocation(String requestId, String functionName, Instant started, double durationMillis,
                         Double initDurationMillis, Outcome outcome, String log) {

    public enum Outcome { SUCCESS, ERROR, TIMEOUT }

    public boolean coldStart() {
        return initDurationMillis != null;
    }
}
