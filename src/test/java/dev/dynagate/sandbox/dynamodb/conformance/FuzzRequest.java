package dev.dynagate.sandbox.dynamodb.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request for the fuzz test.
 *
 * @param kind       which generator made it (reported on failure, and decides what counts as a good answer)
 * @param mayBeValid true when the generator cannot promise the request is invalid (a mutation can still be valid)
 */
record FuzzRequest(String kind, Map<String, String> headers, byte[] body, boolean mayBeValid) {

    String preview() {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return kind + " " + headers.get("X-Amz-Target") + " " + text.replace('\n', ' ')
                + (body.length > 300 ? "... (" + body.length + " bytes)" : "");
    }
}
