package dev.dynagate.cli;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsErrorMessages;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Proves an installed runtime is complete: the sandbox starts and answers a DynamoDB round trip through the SDK,
 * TLS works (the crypto modules are in the runtime), and an SSO profile fails with our message rather than a
 * missing class (the SSO and STS modules are bundled). Used by CI on the packaged launcher.
 */
@Command(name = "self-test", hidden = true, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks that this installation is complete (sandbox, DynamoDB round trip, TLS, SSO modules).")
public final class SelfTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--https-url", paramLabel = "URL",
            description = "An https:// URL to complete a TLS handshake with (a local test server).")
    String httpsUrl;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "PKCS12 trust store for --https-url.")
    Path trustStore;

    @Option(names = "--trust-store-password", paramLabel = "PASSWORD", defaultValue = "changeit")
    String trustStorePassword;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        failures += check(out, "sandbox DynamoDB round trip", this::dynamoRoundTrip);
        if (httpsUrl != null) {
            failures += check(out, "TLS handshake with " + httpsUrl, () -> TlsCheck.handshake(httpsUrl, trustStore,
                    trustStorePassword));
        }
        failures += check(out, "SSO profile gives a clear message", this::ssoMessage);
        out.println(failures == 0 ? "self-test passed" : "self-test failed: " + failures + " check(s)");
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private interface Check {
        String run() throws Exception;
    }

    private static int check(PrintWriter out, String name, Check check) {
        try {
            out.println("ok   " + name + ": " + check.run());
            return 0;
        } catch (Throwable e) {
            out.println("FAIL " + name + ": " + e);
            return 1;
        } finally {
            out.flush();
        }
    }

    private String dynamoRoundTrip() throws Exception {
        Path data = Files.createTempDirectory("dynagate-selftest");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(0, data), line -> { });
             AwsClientFactory clients = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), data),
                     sandbox::endpoint, new SessionSecrets())) {
            return dev.dynagate.aws.DynamoDbRoundTrip.roundTrip(clients.dynamoDb(Connection.sandbox()));
        }
    }

    private String ssoMessage() throws Exception {
        Path home = Files.createTempDirectory("dynagate-selftest-home");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile selftest-sso]
                sso_session = selftest
                sso_account_id = 111122223333
                sso_role_name = ReadOnly
                region = us-east-1

                [sso-session selftest]
                sso_start_url = https://selftest.invalid/start
                sso_region = us-east-1
                """);
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", home.resolve(".aws/config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        Connection sso = Connection.profile("selftest-sso", "us-east-1");
        try (AwsClientFactory clients = new AwsClientFactory(() -> AwsProfiles.discover(env, home), () -> null,
                new SessionSecrets())) {
            clients.credentials(sso).resolveCredentials();
            throw new IllegalStateException("credentials resolved without an SSO login");
        } catch (RuntimeException e) {
            String message = AwsErrorMessages.describe(e, sso).text();
            if (!message.startsWith("The SSO session for profile 'selftest-sso'")) {
                throw new IllegalStateException("unexpected: " + e, e);
            }
            return message;
        }
    }
}
