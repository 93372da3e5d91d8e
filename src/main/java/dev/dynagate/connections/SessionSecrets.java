package dev.dynagate.connections;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret access keys typed for custom-endpoint connections. Held in memory for this run only and never written:
 * AWS credentials belong in the AWS credential chain, not in Dynagate's files.
 */
public final class SessionSecrets {
    private final Map<String, String> secretsByConnection = new ConcurrentHashMap<>();

    public void put(String connectionId, String secret) {
        secretsByConnection.put(connectionId, secret);
    }

    public Optional<String> get(String connectionId) {
        return Optional.ofNullable(secretsByConnection.get(connectionId));
    }
}
