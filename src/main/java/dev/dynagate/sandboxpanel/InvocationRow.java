package dev.dynagate.sandboxpanel;

import java.time.Instant;

/** One Lambda invocation in the panel's list, with its whole log (START … END, REPORT). */
public record InvocationRow(String requestId, String function, Instant started, double durationMillis,
                            Double initDurationMillis, String outcome, String log) {

    public boolean coldStart() {
        return initDurationMillis != null;
    }
}
