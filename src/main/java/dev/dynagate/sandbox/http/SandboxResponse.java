package dev.dynagate.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One HTTP response from a sandbox service. Headers keep their order and may repeat. */
public record SandboxResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public static SandboxResponse of(int status, String contentType, String body) {
        SandboxResponse response = new SandboxResponse(status, new LinkedHashMap<>(), body.getBytes(StandardCharsets.UTF_8));
        return contentType == null ? response : response.with("Content-Type", contentType);
    }

    public static SandboxResponse json(int status, String body) {
        return of(status, "application/json", body);
    }

    /** Adds a header value (headers may repeat, as Set-Cookie does). */
    public SandboxResponse with(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value); // a repeated header is rare
        return this;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
