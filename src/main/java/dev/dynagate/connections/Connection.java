package dev.dynagate.connections;

import java.net.URI;

/**
 * Where Dynagate sends its calls: the built-in sandbox, an AWS profile, or a custom endpoint (LocalStack, a local
 * DynamoDB emulator…). Holds no secrets: credentials come from the AWS credential chain, the sandbox's fixed local
 * keys, or an access key id whose secret lives only in memory for this run.
 *
 * @param profile     the AWS profile for PROFILE connections, and optionally for ENDPOINT ones
 * @param accessKeyId for ENDPOINT connections with keys: the key id (the secret is never stored)
 */
public record Connection(String id, String name, Kind kind, String profile, String region, URI endpoint,
                         String accessKeyId, EnvironmentColour colour, boolean readOnly) {

    public enum Kind { SANDBOX, PROFILE, ENDPOINT }

    public static final String SANDBOX_ID = "sandbox";

    public static Connection sandbox() {
        return new Connection(SANDBOX_ID, "Sandbox", Kind.SANDBOX, null, "us-east-1", null, null,
                EnvironmentColour.GREEN, false);
    }

    public static Connection profile(String profile, String region) {
        return new Connection("profile:" + profile, profile, Kind.PROFILE, profile, region, null, null,
                EnvironmentColour.GREY, false);
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
            case PROFILE -> "AWS profile · " + (region == null ? "no region" : region);
            case ENDPOINT -> endpoint + " · " + (region == null ? "us-east-1" : region);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
