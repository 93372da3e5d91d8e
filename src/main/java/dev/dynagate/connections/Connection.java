package dev.dynagate.connections;

import java.net.URI;

/**
 * Where Dynagate sends its calls: the built-in sandbox, an AWS profile (or the keys in the process's environment), or
 * a custom endpoint (LocalStack, a local DynamoDB emulator…). Holds no secrets: credentials come from the AWS
 * credential chain, the environment, the sandbox's fixed local keys, or an access key id whose secret lives only in
 * memory for this run.
 *
 * @param profile     the AWS profile for PROFILE connections (none: the environment's keys), and optionally for
 *                    ENDPOINT ones
 * @param accessKeyId for ENDPOINT connections with keys: the key id (the secret is never stored)
 */
public record Connection(String id, String name, Kind kind, String profile, String region, URI endpoint,
                         String accessKeyId, EnvironmentColour colour, boolean readOnly) {

    public enum Kind { SANDBOX, PROFILE, ENDPOINT }

    public static final String SANDBOX_ID = "sandbox";
    public static final String ENVIRONMENT_KEYS_ID = "environment-keys";

    public static Connection sandbox() {
        return new Connection(SANDBOX_ID, "Sandbox", Kind.SANDBOX, null, "us-east-1", null, null,
                EnvironmentColour.GREEN, false);
    }

    public static Connection profile(String profile, String region) {
        return new Connection("profile:" + profile, profile, Kind.PROFILE, profile, region, null, null,
                EnvironmentColour.GREY, false);
    }

    /** AWS itself, signed with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN. */
    public static Connection environmentKeys(String region) {
        return new Connection(ENVIRONMENT_KEYS_ID, "Environment keys", Kind.PROFILE, null, region, null, null,
                EnvironmentColour.GREY, false);
    }

    public boolean usesEnvironmentKeys() {
        return kind == Kind.PROFILE && (profile == null || profile.isBlank());
    }

    public static Connection endpoint(String name, URI endpoint, String region) {
        return new Connection("endpoint:" + name, name, Kind.ENDPOINT, null, region, endpoint, null,
                EnvironmentColour.BLUE, false);
    }

    public Connection withRegion(String value) {
        return new Connection(id, name, kind, profile, value, endpoint, accessKeyId, colour, readOnly);
    }

    public Connection withEndpoint(URI value) {
        return new Connection(id, name, kind, profile, region, value, accessKeyId, colour, readOnly);
    }

    public Connection withColour(EnvironmentColour value) {
        return new Connection(id, name, kind, profile, region, endpoint, accessKeyId, value, readOnly);
    }

    public Connection withReadOnly(boolean value) {
        return new Connection(id, name, kind, profile, region, endpoint, accessKeyId, colour, value);
    }

    public Connection withProfile(String value) {
        return new Connection(id, name, kind, value, region, endpoint, accessKeyId, colour, readOnly);
    }

    public Connection withAccessKeyId(String value) {
        return new Connection(id, name, kind, profile, region, endpoint, value, colour, readOnly);
    }

    /** What the connection bar shows after the name: region and, where there is one, the endpoint. */
    public String detail() {
        return switch (kind) {
            case SANDBOX -> "built-in local cloud" + (endpoint == null ? "" : " · " + endpoint);
            case PROFILE -> (usesEnvironmentKeys() ? "AWS_ACCESS_KEY_ID · " : "AWS profile · ")
                    + (region == null ? "no region" : region);
            case ENDPOINT -> endpoint + " · " + (region == null ? "us-east-1" : region);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
