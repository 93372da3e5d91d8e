package dev.dynagate.cli;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsErrorMessages;
import dev.dynagate.connections.AwsProfile;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where a table command's DynamoDB calls go: an AWS profile and region, or another endpoint. */
final class DynamoDbConnectionOptions {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "AWS profile (default: the keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY when set, "
                    + "else AWS_PROFILE or 'default'; with --endpoint-url: local keys).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, or us-east-1).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Another DynamoDB endpoint: the sandbox (java -jar dynagate.jar sandbox), a local emulator.")
    URI endpoint;

    private Map<String, String> environment = System.getenv();
    private Path home = Path.of(System.getProperty("user.home"));

    /** For tests: another environment and home folder than the process's. */
    void environment(Map<String, String> variables, Path homeFolder) {
        environment = variables;
        home = homeFolder;
    }

    /** Options for a second connection (a copy's target), read from the same environment and home folder. */
    DynamoDbConnectionOptions other(String otherProfile, String otherRegion, URI otherEndpoint) {
        DynamoDbConnectionOptions other = new DynamoDbConnectionOptions();
        other.profile = otherProfile;
        other.region = otherRegion;
        other.endpoint = otherEndpoint;
        other.environment = environment;
        other.home = home;
        return other;
    }

    /** As the AWS CLI: --profile, else the environment's keys, else AWS_PROFILE (or 'default'). */
    Connection connection() {
        if (profile == null && endpoint == null) {
            AwsProfiles.Discovery found = profiles();
            if (found.environmentKeys() != null) {
                return Connection.environmentKeys(region != null ? region : found.regionWithoutProfile());
            }
        }
        String chosenProfile = profile != null ? profile
                : firstNonBlank(environment.get("AWS_PROFILE"), environment.get("AWS_DEFAULT_PROFILE"), "default");
        String chosenRegion = firstNonBlank(region, environment.get("AWS_REGION"),
                environment.get("AWS_DEFAULT_REGION"));
        if (chosenRegion == null && (endpoint == null || profile != null)) {
            AwsProfile found = profiles().profile(chosenProfile);
            chosenRegion = found == null ? null : found.region();
        }
        if (endpoint != null) {
            Connection custom = Connection.endpoint("--endpoint-url", endpoint, chosenRegion);
            return profile == null ? custom : custom.withProfile(profile);
        }
        return Connection.profile(chosenProfile, chosenRegion);
    }

    /** SDK clients for the connection; the sandbox is reached through --endpoint-url, never started here. */
    AwsClientFactory clients(String command) {
        return new AwsClientFactory(this::profiles, () -> {
            throw new IllegalStateException("the " + command + " command does not start the sandbox: pass "
                    + "--endpoint-url");
        }, new SessionSecrets());
    }

    /** A refused command line: what is wrong, then the command's usage line; the exit status for it. */
    static int usage(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(message);
        err.println(spec.commandLine().getHelp().fullSynopsis().strip());
        err.flush();
        return 2;
    }

    /** Where the calls go, for progress lines: the endpoint, or the profile, with the region. */
    static String describe(Connection connection) {
        String region = connection.region() == null ? "us-east-1" : connection.region();
        if (connection.kind() == Connection.Kind.ENDPOINT) {
            return connection.endpoint() + " (" + region + ")";
        }
        return (connection.usesEnvironmentKeys() ? "the environment's keys" : "profile " + connection.profile())
                + " in " + region;
    }

    /** One line for a failure: a file's error with its path, an AWS error with what to do. */
    static String describeFailure(Exception e, Connection connection) {
        if (e instanceof IOException io) {
            return io.getClass().getSimpleName() + (io.getMessage() == null ? "" : " " + io.getMessage());
        }
        return AwsErrorMessages.forCommandLine(e, connection);
    }

    private AwsProfiles.Discovery profiles() {
        return AwsProfiles.discover(environment, home);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
