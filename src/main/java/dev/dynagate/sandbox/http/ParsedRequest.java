package dev.dynagate.sandbox.http;

import java.util.List;
import java.util.Map;

/** A complete request off the wire, with what the connection needs to know to answer it. */
record ParsedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                     boolean keepAlive, boolean http10) {

    SandboxRequest toSandboxRequest(String remoteAddress) {
        return new SandboxRequest(method, path, rawQuery, headers, body, remoteAddress);
    }

    boolean isHead() {
        return "HEAD".equals(method);
    }
}
