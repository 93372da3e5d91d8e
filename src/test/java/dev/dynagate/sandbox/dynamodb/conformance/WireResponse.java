package dev.dynagate.sandbox.dynamodb.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/** One raw HTTP answer, with the helpers the conformance tests need to judge it. */
record WireResponse(int status, Map<String, List<String>> headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or null when it is not a JSON document. */
    JsonNode json() {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The short error code ({@code ValidationException}) of an error body, or null. */
    String errorCode() {
        JsonNode json = json();
        if (json == null || !json.hasNonNull("__type")) {
            return null;
        }
        String type = json.get("__type").asText();
        return type.substring(type.indexOf('#') + 1);
    }

    String message() {
        JsonNode json = json();
        if (json == null) {
            return null;
        }
        JsonNode message = json.has("message") ? json.get("message") : json.get("Message");
        return message == null ? null : message.asText();
    }

    /** True when the x-amz-crc32 header is the CRC32 of the body bytes, as the Java SDK checks. */
    boolean crcMatches() {
        String value = header("x-amz-crc32");
        if (value == null) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue()).equals(value.trim());
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}
