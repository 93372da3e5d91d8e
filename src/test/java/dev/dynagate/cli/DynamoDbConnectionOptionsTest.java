package dev.dynagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamoDbConnectionOptionsTest {
    private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIAENV",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_PROFILE", "dev");

    @TempDir
    Path home;

    @BeforeEach
    void profiles() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = us-west-2\n[profile dev]\nregion = eu-west-1\n"
                + "[profile ops]\nregion = ap-south-1\n");
    }

    private Connection resolve(Map<String, String> env, String profile, String region, URI endpoint) {
        DynamoDbConnectionOptions options = new DynamoDbConnectionOptions();
        options.environment(env, home);
        options.profile = profile;
        options.region = region;
        options.endpoint = endpoint;
        return options.connection();
    }

    @Test
    void keysInTheEnvironmentWinOverAwsProfileAsInTheAwsCli() {
        Connection chosen = resolve(KEYS, null, null, null);

        assertThat(chosen.usesEnvironmentKeys()).isTrue();
        assertThat(chosen.region()).as("AWS_PROFILE's region").isEqualTo("eu-west-1");
        assertThat(DynamoDbConnectionOptions.describe(chosen)).isEqualTo("the environment's keys in eu-west-1");
        assertThat(resolve(KEYS, null, "eu-central-1", null).region()).isEqualTo("eu-central-1");
    }

    @Test
    void anExplicitProfileWinsOverTheEnvironmentsKeys() {
        Connection chosen = resolve(KEYS, "ops", null, null);

        assertThat(chosen.usesEnvironmentKeys()).isFalse();
        assertThat(chosen.profile()).isEqualTo("ops");
        assertThat(chosen.region()).isEqualTo("ap-south-1");
    }

    @Test
    void withoutBothKeysTheProfileChainApplies() {
        Connection chosen = resolve(Map.of("AWS_ACCESS_KEY_ID", "AKIAENV"), null, null, null);

        assertThat(chosen.usesEnvironmentKeys()).isFalse();
        assertThat(chosen.profile()).isEqualTo("default");
        assertThat(chosen.region()).isEqualTo("us-west-2");
    }

    @Test
    void anEndpointKeepsItsLocalKeys() {
        Connection chosen = resolve(KEYS, null, null, URI.create("http://127.0.0.1:8000"));

        assertThat(chosen.kind()).isEqualTo(Connection.Kind.ENDPOINT);
        assertThat(chosen.profile()).isNull();
    }
}
