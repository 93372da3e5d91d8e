package dev.dynagate.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VariablesTest {
    private final Variables variables = new Variables(Map.of("base", "http://127.0.0.1:9000", "id", "42",
            "token", "t-1", "region", "eu-west-1"), Clock.fixed(Instant.parse("2026-11-26T21:00:00Z"), ZoneOffset.UTC),
            new Random(7));

    @Test
    void resolvesUrlHeadersBodyAndAuth() {
        RequestSpec spec = RequestSpec.of("GET", "{{base}}/items/{{ id }}")
                .withHeaders(List.of(KeyValue.of("X-Id", "{{id}}")))
                .withBody(Body.json("{\"id\":\"{{id}}\",\"at\":{{$timestamp}}}"))
                .withAuth(new Auth.SigV4(null, "{{region}}", null));

        RequestSpec resolved = variables.resolve(spec);

        assertThat(resolved.url()).isEqualTo("http://127.0.0.1:9000/items/42");
        assertThat(resolved.headers().get(0).value()).isEqualTo("42");
        assertThat(resolved.body().text()).isEqualTo("{\"id\":\"42\",\"at\":1795726800}");
        assertThat(((Auth.SigV4) resolved.auth()).region()).isEqualTo("eu-west-1");
        assertThat(((Auth.SigV4) resolved.auth()).profile()).isNull();
    }

    @Test
    void anUnknownVariableIsAnErrorNamingItAndWhereItIs() {
        RequestSpec spec = RequestSpec.of("GET", "{{base}}/x").withAuth(new Auth.Bearer("{{jwt}}"));

        assertThatThrownBy(() -> variables.resolve(spec)).isInstanceOf(UnresolvedVariableException.class)
                .hasMessageContaining("{{jwt}}").hasMessageContaining("auth")
                .satisfies(e -> assertThat(((UnresolvedVariableException) e).variable()).isEqualTo("jwt"));
        assertThatThrownBy(() -> variables.resolve("{{$nope}}", "URL")).hasMessageContaining("{{$nope}}");
    }

    @Test
    void dynamicVariablesChangeEachTime() {
        String a = variables.resolve("{{$guid}}", "body");
        String b = variables.resolve("{{$guid}}", "body");
        assertThat(a).matches("[0-9a-f-]{36}").isNotEqualTo(b);
        assertThat(Integer.parseInt(variables.resolve("{{$randomInt}}", "body"))).isBetween(0, 1000);
        assertThat(variables.resolve("{{$isoTimestamp}}", "body")).isEqualTo("2026-11-26T21:00:00Z");
    }

    @Test
    void disabledHeadersAreLeftAlone() {
        RequestSpec spec = RequestSpec.of("GET", "http://h").withHeaders(List.of(new KeyValue("X", "{{missing}}", false)));
        assertThat(variables.resolve(spec).headers().get(0).value()).isEqualTo("{{missing}}");
        assertThat(Variables.referencedIn("{{a}}/{{b}}/{{a}}")).containsExactly("a", "b");
    }
}
