package dev.dynagate.requests.collections;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run a plan. With data rows, iteration {@code i} uses row {@code i} (the last row again when there are
 * more iterations than rows); {@code iterations} 0 means one per row, or one without data.
 */
public record RunOptions(Environment environment, int iterations, List<Map<String, String>> data, Duration delay,
                         boolean bail, Duration timeout) {

    public RunOptions {
        data = data == null ? List.of() : List.copyOf(data);
        delay = delay == null ? Duration.ZERO : delay;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    public static RunOptions defaults() {
        return new RunOptions(null, 0, List.of(), Duration.ZERO, false, Duration.ofSeconds(30));
    }

    public int effectiveIterations() {
        return iterations > 0 ? iterations : Math.max(1, data.size());
    }

    public Map<String, String> row(int iteration) {
        return data.isEmpty() ? Map.of() : data.get(Math.min(iteration - 1, data.size() - 1));
    }

    public RunOptions withEnvironment(Environment value) {
        return new RunOptions(value, iterations, data, delay, bail, timeout);
    }
}
