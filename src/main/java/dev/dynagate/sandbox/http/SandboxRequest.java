package dev.dynagate.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as the sandbox services see it. Header names are case-insensitive; {@code path} is the raw
 * (still percent-encoded) path and {@code rawQuery} the raw query string or null.
 */
public record SandboxRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                             byte[] body, String remoteAddress) {

    public SandboxRequest {
        if (!(headers instanceof TreeMap<?, ?> sorted && sorted.comparator() == String.CASE_INSENSITIVE_ORDER)) {
            TreeMap<String, List<String>> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            insensitive.putAll(headers);
            headers = insensitive;
        }
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
