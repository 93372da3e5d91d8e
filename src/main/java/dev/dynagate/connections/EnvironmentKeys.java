package dev.dynagate.connections;

import java.util.Map;
import java.util.Optional;

/**
 * AWS keys handed to the process in its environment, as {@code aws-vault exec}, a CI job's role or an
 * {@code export AWS_ACCESS_KEY_ID=…} in a shell leave them. Only the key id is ever shown.
 *
 * @param sessionToken null for long-term keys
 */
public record EnvironmentKeys(String accessKeyId, String secretAccessKey, String sessionToken) {

    /** The keys when both the id and the secret are set; the session token is optional, as in the AWS CLI. */
    public static Optional<EnvironmentKeys> from(Map<String, String> env) {
        String id = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
        String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
        if (id == null || secret == null) {
            return Optional.empty();
        }
        String token = blankToNull(env.get("AWS_SESSION_TOKEN"));
        if (token == null) {
            token = blankToNull(env.get("AWS_SECURITY_TOKEN")); // the older name some tools still set
        }
        return Optional.of(new EnvironmentKeys(id, secret, token));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Never the secret or the token: this may end up in a log line. */
    @Override
    public String toString() {
        return "EnvironmentKeys[" + accessKeyId + (sessionToken == null ? "" : ", with a session token") + "]";
    }
}
