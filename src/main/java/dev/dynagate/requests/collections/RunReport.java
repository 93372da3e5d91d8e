package dev.dynagate.requests.collections;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The outcome of a run, for the results table, the summary line and the JUnit and JSON reports. */
public record RunReport(String name, String environment, int iterations, Instant startedAt, Duration elapsed,
                        List<RequestResult> results, boolean stoppedEarly) {

    public RunReport {
        results = List.copyOf(results);
    }

    public boolean passed() {
        return results.stream().allMatch(RequestResult::passed);
    }

    public long failedRequests() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    public long checks() {
        return results.stream().mapToLong(r -> r.checks().size()).sum();
    }

    public long failedChecks() {
        return results.stream().mapToLong(r -> r.failedChecks().size()).sum();
    }

    public String summary() {
        return results.size() + " requests, " + failedRequests() + " failed; " + checks() + " checks, "
                + failedChecks() + " failed; " + elapsed.toMillis() + " ms" + (stoppedEarly ? " (stopped early)" : "");
    }
}
