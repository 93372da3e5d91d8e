package dev.dynagate.requests;

import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.ResponseRecord;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How a response's numbers read in the panel. */
public final class ResponseFormat {
    /** The AWS correlation headers people paste into support tickets and log searches. */
    public static final Set<String> REQUEST_ID_HEADERS = Set.of("x-amzn-requestid", "apigw-requestid",
            "x-amzn-trace-id", "x-amz-apigw-id", "x-amz-request-id");
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"), Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private ResponseFormat() {
    }

    public static String status(int status) {
        String reason = REASONS.get(status);
        return reason == null ? String.valueOf(status) : status + " " + reason;
    }

    public static String time(Duration elapsed) {
        long millis = elapsed.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** The size, and when the body was cut, how much of it is kept. */
    public static String sizeLine(ResponseRecord response) {
        return response.truncated() ? size(response.fullSize()) + " (kept the first " + size(response.body().length)
                + ")" : size(response.fullSize());
    }

    public static List<KeyValue> requestIds(ResponseRecord response) {
        return response.headers().stream()
                .filter(h -> REQUEST_ID_HEADERS.contains(h.key().toLowerCase(Locale.ROOT))).toList();
    }

    /** success, redirect, client-error or server-error: the status badge's style. */
    public static String statusClass(int status) {
        return status >= 500 ? "server-error" : status >= 400 ? "client-error" : status >= 300 ? "redirect" : "success";
    }
}
