package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/** The run as JSON: a summary, then every request with its checks; failures carry their message. */
public final class JsonReport {
    private JsonReport() {
    }

    public static void write(RunReport report, Path file) {
        JsonFiles.write(file, toJson(report));
    }

    public static ObjectNode toJson(RunReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", report.name());
        root.put("environment", report.environment());
        root.put("startedAt", report.startedAt().toString());
        root.put("elapsedMs", report.elapsed().toMillis());
        root.put("iterations", report.iterations());
        root.put("passed", report.passed());
        root.put("stoppedEarly", report.stoppedEarly());
        ObjectNode totals = root.putObject("totals");
        totals.put("requests", report.results().size());
        totals.put("failedRequests", report.failedRequests());
        totals.put("checks", report.checks());
        totals.put("failedChecks", report.failedChecks());
        ArrayNode requests = root.putArray("requests");
        for (RequestResult result : report.results()) {
            ObjectNode item = requests.addObject();
            item.put("iteration", result.iteration());
            item.put("path", result.path());
            item.put("method", result.method());
            item.put("url", result.url());
            item.put("passed", result.passed());
            if (result.response() != null) {
                item.put("status", result.response().status());
                item.put("responseTimeMs", result.response().elapsed().toMillis());
                item.put("responseSize", result.response().fullSize());
            }
            if (result.error() != null) {
                item.put("error", result.error());
                item.put("skipped", result.skipped());
            }
            ArrayNode checks = item.putArray("checks");
            for (CheckResult check : result.checks()) {
                ObjectNode c = checks.addObject();
                c.put("check", check.description());
                c.put("passed", check.passed());
                c.put("expected", check.expected());
                c.put("actual", check.actual());
                if (!check.passed()) {
                    c.put("message", check.message(result.name()));
                }
            }
        }
        return root;
    }
}
