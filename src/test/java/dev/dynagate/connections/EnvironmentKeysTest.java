package dev.dynagate.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentKeysTest {
    @Test
    void bothTheIdAndTheSecretAreNeeded() {
        assertThat(EnvironmentKeys.from(Map.of("AWS_ACCESS_KEY_ID", "AKIA1"))).isEmpty();
        assertThat(EnvironmentKeys.from(Map.of("AWS_ACCESS_KEY_ID", " ", "AWS_SECRET_ACCESS_KEY", "s"))).isEmpty();
        assertThat(EnvironmentKeys.from(Map.of("AWS_ACCESS_KEY_ID", "AKIA1", "AWS_SECRET_ACCESS_KEY", "s")))
                .hasValue(new EnvironmentKeys("AKIA1", "s", null));
    }

    @Test
    void theSessionTokenMayComeUnderItsOlderName() {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "ASIA1", "AWS_SECRET_ACCESS_KEY", "s",
                "AWS_SECURITY_TOKEN", "old-name");

        assertThat(EnvironmentKeys.from(env)).map(EnvironmentKeys::sessionToken).hasValue("old-name");
    }

    @Test
    void printingTheKeysShowsNeitherTheSecretNorTheToken() {
        EnvironmentKeys keys = new EnvironmentKeys("ASIA1", "top-secret", "the-token");

        assertThat(keys.toString()).contains("ASIA1").doesNotContain("top-secret").doesNotContain("the-token");
    }
}
