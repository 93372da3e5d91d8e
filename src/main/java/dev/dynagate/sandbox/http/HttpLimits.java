package dev.dynagate.sandbox.http;

import java.time.Duration;

/** What one connection may send: the request head, the body, and how long it may stay silent between requests. */
record HttpLimits(int maxHeadBytes, int maxBodyBytes, Duration idleTimeout) {

    static final HttpLimits DEFAULT = new HttpLimits(64 * 1024, 16 * 1024 * 1024, Duration.ofSeconds(60));
}
