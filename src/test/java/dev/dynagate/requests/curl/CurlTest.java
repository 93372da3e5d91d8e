package dev.dynagate.requests.curl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurlTest {

    @Test
    void readsMethodHeadersAndJsonBodyAcrossLineContinuations() {
        RequestSpec spec = CurlParser.parse("""
                curl -X PUT 'https://api.example/items/1' \\
                  -H 'Content-Type: application/json' \\
                  -H "X-Note: say \\"hi\\"" \\
                  --data-raw '{"name":"it'\\''s"}' -sS
                """);

        assertThat(spec.method()).isEqualTo("PUT");
        assertThat(spec.url()).isEqualTo("https://api.example/items/1");
        assertThat(spec.headers()).contains(KeyValue.of("Content-Type", "application/json"),
                KeyValue.of("X-Note", "say \"hi\""));
        assertThat(spec.body().mode()).isEqualTo(Body.Mode.JSON);
        assertThat(spec.body().text()).isEqualTo("{\"name\":\"it's\"}");
    }

    @Test
    void dataMeansPostAndGetMovesItToTheQuery() {
        RequestSpec post = CurlParser.parse("curl https://h/x -d a=1 -d b=2");
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.body().mode()).isEqualTo(Body.Mode.FORM_URLENCODED);
        assertThat(post.body().fields()).containsExactly(KeyValue.of("a", "1"), KeyValue.of("b", "2"));

        RequestSpec get = CurlParser.parse("curl -G --url https://h/x --data-urlencode 'q=a b' -d n=1");
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.url()).isEqualTo("https://h/x?q=a+b&n=1");
        assertThat(get.body()).isEqualTo(Body.NONE);
    }

    @Test
    void readsJsonUserAndSigV4() {
        RequestSpec json = CurlParser.parse("curl --json '{\"a\":1}' https://h/x -u ann:secret");
        assertThat(json.method()).isEqualTo("POST");
        assertThat(json.body().mode()).isEqualTo(Body.Mode.JSON);
        assertThat(json.headers()).contains(KeyValue.of("Content-Type", "application/json"));
        assertThat(json.auth()).isEqualTo(new Auth.Basic("ann", "secret"));

        RequestSpec signed = CurlParser.parse("curl --aws-sigv4 \"aws:amz:eu-west-1:execute-api\" "
                + "--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" https://x.execute-api.eu-west-1.amazonaws.com/prod/");
        assertThat(signed.auth()).isEqualTo(new Auth.SigV4("execute-api", "eu-west-1", null));
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> CurlParser.parse("curl 'https://h/x")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> CurlParser.parse("curl -H 'A: b'")).hasMessageContaining("no URL");
        assertThatThrownBy(() -> CurlParser.parse("curl https://h -X")).hasMessageContaining("needs a value");
    }

    @Test
    void writesSigV4WithPlaceholdersNeverASignature() {
        RequestSpec spec = RequestSpec.of("POST", "https://abc.execute-api.eu-central-1.amazonaws.com/prod/items")
                .withHeaders(List.of(KeyValue.of("X-A", "it's")))
                .withBody(Body.json("{\"a\":1}"))
                .withAuth(new Auth.SigV4(null, null, null));

        String curl = CurlWriter.write(spec, "us-east-1");

        assertThat(curl).contains("--aws-sigv4 \"aws:amz:eu-central-1:execute-api\"")
                .contains("--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"")
                .doesNotContain("Signature=").doesNotContain("X-Amz-Date");
        RequestSpec back = CurlParser.parse(curl);
        assertThat(back.method()).isEqualTo("POST");
        assertThat(back.url()).isEqualTo(spec.url());
        assertThat(back.headers()).contains(KeyValue.of("X-A", "it's"));
        assertThat(back.body().text()).isEqualTo("{\"a\":1}");
        assertThat(back.auth()).isEqualTo(new Auth.SigV4("execute-api", "eu-central-1", null));
    }

    @Test
    void writesBasicBearerAndFormsSoTheyReadBack() {
        RequestSpec form = RequestSpec.of("POST", "http://127.0.0.1:9/f")
                .withBody(Body.form(List.of(KeyValue.of("a", "x y"), KeyValue.of("b", "&"))))
                .withAuth(new Auth.Basic("u", "p"));
        RequestSpec back = CurlParser.parse(CurlWriter.write(form, "us-east-1"));
        assertThat(back.body().fields()).containsExactly(KeyValue.of("a", "x y"), KeyValue.of("b", "&"));
        assertThat(back.auth()).isEqualTo(new Auth.Basic("u", "p"));

        String bearer = CurlWriter.write(RequestSpec.of("GET", "http://h/").withAuth(new Auth.Bearer("t")), "us-east-1");
        assertThat(bearer).isEqualTo("curl \\\n  'http://h/' \\\n  -H 'Authorization: Bearer t'");
    }
}
