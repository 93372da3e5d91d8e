package dev.dynagate.sandbox.apigateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request arriving at an invoke URL, once the API and stage are known.
 *
 * @param path        the path inside the API, still percent-encoded ("/items/a%20b")
 * @param stagePath   the path as the client addressed it below the API, with the stage segment when there was one
 * @param headers     header names as received (case-insensitive lookups through {@link #header})
 */
record InboundRequest(String apiId, String stage, String method, String path, String stagePath, String rawQuery,
                      Map<String, List<String>> headers, byte[] body, String sourceIp, String requestId,
                      Instant time) {

    String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** Query parameters in order, decoded, with repeats kept. */
    Map<String, List<String>> query() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
