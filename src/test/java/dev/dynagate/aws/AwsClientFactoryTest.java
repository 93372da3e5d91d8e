package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class AwsClientFactoryTest {
    @TempDir
    Path home;

    private final AtomicInteger sandboxStarts = new AtomicInteger();

    private AwsClientFactory factory(SessionSecrets secrets) {
        return new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home), () -> {
            sandboxStarts.incrementAndGet();
            return URI.create("http://127.0.0.1:1");
        }, secrets);
    }

    @Test
    void buildsLazilyAndCachesPerConnection() {
        try (AwsClientFactory factory = factory(new SessionSecrets())) {
            assertThat(sandboxStarts).hasValue(0);
            DynamoDbClient first = factory.dynamoDb(Connection.sandbox());
            DynamoDbClient again = factory.dynamoDb(Connection.sandbox());

            assertThat(first).isSameAs(again);
            assertThat(sandboxStarts).hasValue(1);
            assertThat(factory.apiGateway(Connection.sandbox())).isNotNull();
            assertThat(factory.apiGatewayV2(Connection.sandbox())).isNotNull();
            assertThat(factory.lambda(Connection.sandbox())).isNotNull();
        }
    }

    @Test
    void onlyTheSandboxAndHttpEndpointsGoWithoutTls() {
        assertThat(AwsClientFactory.plainHttp(Connection.sandbox())).isTrue();
        assertThat(AwsClientFactory.plainHttp(Connection.endpoint("Stack", URI.create("http://127.0.0.1:4566"), "us-east-1")))
                .isTrue();
        assertThat(AwsClientFactory.plainHttp(Connection.endpoint("Tls", URI.create("https://ddb.example.test"), "us-east-1")))
                .isFalse();
        assertThat(AwsClientFactory.plainHttp(Connection.profile("default", "us-east-1"))).isFalse();
    }

    @Test
    void threadsAskingAtOnceShareOneClient() throws Exception {
        try (AwsClientFactory factory = factory(new SessionSecrets())) {
            Connection stack = Connection.endpoint("Stack", URI.create("http://127.0.0.1:4"), "us-east-1");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<DynamoDbClient>> asked = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    asked.add(pool.submit(() -> {
                        go.await();
                        return factory.dynamoDb(stack);
                    }));
                }
                go.countDown();
                DynamoDbClient first = asked.get(0).get();
                for (var future : asked) {
                    assertThat(future.get()).isSameAs(first);
                }
                assertThat(factory.dynamoDb(stack)).isSameAs(first);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void changedSettingsGiveNewClientsAndReleaseClosesThem() {
        try (AwsClientFactory factory = factory(new SessionSecrets())) {
            Connection stack = Connection.endpoint("Stack", URI.create("http://127.0.0.1:2"), "us-east-1");
            DynamoDbClient first = factory.dynamoDb(stack);
            DynamoDbClient moved = factory.dynamoDb(stack.withRegion("eu-west-1"));

            assertThat(moved).isNotSameAs(first);
            assertThat(factory.region(stack.withRegion("eu-west-1")).id()).isEqualTo("eu-west-1");
            factory.releaseAllExcept(Connection.sandbox());
            assertThat(factory.dynamoDb(stack)).isNotSameAs(moved);
        }
    }

    @Test
    void endpointCredentialsUseTheSessionSecretOnlyWhenTyped() {
        SessionSecrets secrets = new SessionSecrets();
        try (AwsClientFactory factory = factory(secrets)) {
            Connection keyed = Connection.endpoint("Keyed", URI.create("http://127.0.0.1:3"), "us-east-1")
                    .withAccessKeyId("AKIAKEYED");
            AwsCredentials local = factory.credentials(keyed).resolveCredentials();
            assertThat(local.accessKeyId()).isEqualTo("dynagate");

            secrets.put(keyed.id(), "typed-secret");
            factory.release(keyed);
            AwsCredentials typed = factory.credentials(keyed).resolveCredentials();
            assertThat(typed.accessKeyId()).isEqualTo("AKIAKEYED");
            assertThat(typed.secretAccessKey()).isEqualTo("typed-secret");
        }
    }

    @Test
    void unknownProfileFailsWhenCredentialsAreResolved() {
        try (AwsClientFactory factory = factory(new SessionSecrets())) {
            Connection missing = Connection.profile("nobody", "us-east-1");

            assertThatThrownBy(() -> factory.credentials(missing).resolveCredentials())
                    .satisfies(e -> assertThat(AwsErrorMessages.describe(e, missing).text())
                            .isEqualTo("No AWS credentials were found for profile 'nobody'."));
        }
    }

    @Test
    void environmentKeysSignWithTheirSessionTokenAndSayWhenTheyAreMissing() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "ASIAENV", "AWS_SECRET_ACCESS_KEY", "env-secret",
                "AWS_SESSION_TOKEN", "env-token", "AWS_PROFILE", "ignored");
        Connection keys = Connection.environmentKeys("eu-west-1");
        try (AwsClientFactory factory = new AwsClientFactory(() -> AwsProfiles.discover(env, home), () -> null,
                new SessionSecrets())) {
            AwsCredentials resolved = factory.credentials(keys).resolveCredentials();

            assertThat(resolved).isInstanceOf(AwsSessionCredentials.class);
            assertThat(resolved.accessKeyId()).isEqualTo("ASIAENV");
            assertThat(resolved.secretAccessKey()).isEqualTo("env-secret");
            assertThat(((AwsSessionCredentials) resolved).sessionToken()).isEqualTo("env-token");
            assertThat(factory.endpoint(keys)).as("AWS itself").isNull();
        }
        try (AwsClientFactory factory = factory(new SessionSecrets())) {
            assertThatThrownBy(() -> factory.credentials(keys).resolveCredentials())
                    .satisfies(e -> assertThat(AwsErrorMessages.forCommandLine(e, keys)).isEqualTo(
                            "No AWS credentials were found for the environment's AWS_ACCESS_KEY_ID. Set fresh "
                                    + "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or pass "
                                    + "--profile."));
        }
    }
}
