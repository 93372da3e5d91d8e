package dev.dynagate.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the sandbox services see it. Header names are case-insensitive (the map is read-only and
 * iterates in case-insensitive name order); {@code path} is the raw (still percent-encoded) path and
 * {@code rawQuery} the raw query string or null.
 */
public record SandboxRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                             byte[] body, String remoteAddress) {

    public SandboxRequest {
        if (!(headers instanceof HeaderMap)) {
            headers = HeaderMap.of(headers);
        }
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return ((HeaderMap) headers).first(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
