package dev.dynagate.requests.model;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A response as received: status, headers in order (names as sent, values may repeat), body bytes (possibly cut
 * at a size limit, with the full size known), and timing.
 */
public record ResponseRecord(int status, List<KeyValue> headers, byte[] body, long fullSize, boolean truncated,
                             Instant startedAt, Duration elapsed) {

    /** The first value of a header, names compared case-insensitively, or null. */
    public String header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.key().toLowerCase(Locale.ROOT).equals(wanted))
                .map(KeyValue::value).findFirst().orElse(null);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
