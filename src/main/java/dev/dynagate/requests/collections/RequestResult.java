package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.ResponseRecord;
import java.time.Duration;
import java.util.List;

/**
 * One request of one iteration, as run: the request as sent (variables resolved), the response or why there was
 * none, and every assertion and capture checked on it.
 *
 * @param error    why the request got no response or was not sent (null when it got one)
 * @param skipped  true when it was deliberately not sent (a production request the user did not confirm)
 */
public record RequestResult(int iteration, String path, String name, String method, String url,
                            ResponseRecord response, String error, boolean skipped, List<CheckResult> checks,
                            Duration elapsed) {

    public RequestResult {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return error == null && checks.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** Every failure worded for people, naming this request. */
    public List<String> failureMessages() {
        if (error != null) {
            return List.of("\"" + name + "\" › " + error);
        }
        return failedChecks().stream().map(c -> c.message(name)).toList();
    }
}
