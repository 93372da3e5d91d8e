package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Assertion.Operator;
import dev.dynagate.requests.model.Assertion.Target;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.ResponseRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssertionEvaluatorTest {
    static ResponseRecord response(int status, String body, long millis) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new ResponseRecord(status, List.of(KeyValue.of("Content-Type", "application/json; charset=utf-8"),
                KeyValue.of("Location", "/experiments/e-1")), bytes, bytes.length, false, Instant.EPOCH,
                Duration.ofMillis(millis));
    }

    private final ResponseRecord created = response(201, """
            {"id": "e-1", "count": 3, "ratio": 0.5, "ok": true, "tags": ["a", "b"], "owner": {"name": "Ada"},
             "samples": [{"id": "s1"}, {"id": "s2"}]}""", 120);

    private CheckResult check(Target target, String path, Operator op, String expected) {
        return AssertionEvaluator.evaluate(new Assertion(target, path, op, expected, true), created,
                s -> s.replace("{{id}}", "e-1"));
    }

    @Test
    void status() {
        assertThat(check(Target.STATUS, null, Operator.EQUALS, "201").passed()).isTrue();
        assertThat(check(Target.STATUS, null, Operator.EQUALS, "2xx").passed()).isTrue();
        assertThat(check(Target.STATUS, null, Operator.LESS_THAN, "300").passed()).isTrue();
        CheckResult wrong = check(Target.STATUS, null, Operator.EQUALS, "200");
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.message("Create experiment"))
                .isEqualTo("\"Create experiment\" › status equals 200: expected 200, actual 201");
    }

    @Test
    void headers() {
        assertThat(check(Target.HEADER, "content-type", Operator.CONTAINS, "json").passed()).isTrue();
        assertThat(check(Target.HEADER, "Location", Operator.EQUALS, "/experiments/{{id}}").passed()).isTrue();
        assertThat(check(Target.HEADER, "ETag", Operator.NOT_EXISTS, null).passed()).isTrue();
        CheckResult missing = check(Target.HEADER, "ETag", Operator.EXISTS, null);
        assertThat(missing.passed()).isFalse();
        assertThat(missing.actual()).isEqualTo("(missing)");
    }

    @Test
    void jsonPathEqualsComparesJsonValuesAndPlainText() {
        assertThat(check(Target.JSON_PATH, "$.id", Operator.EQUALS, "e-1").passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.id", Operator.EQUALS, "\"{{id}}\"").passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.count", Operator.EQUALS, "3.0").passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.ok", Operator.EQUALS, "true").passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.owner", Operator.EQUALS, "{\"name\":\"Ada\"}").passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.samples[*].id", Operator.EQUALS, "[\"s1\",\"s2\"]").passed()).isTrue();
        CheckResult wrong = check(Target.JSON_PATH, "$.count", Operator.EQUALS, "4");
        assertThat(wrong.message("Read")).isEqualTo("\"Read\" › $.count equals 4: expected 4, actual 3");
    }

    @Test
    void jsonPathExistsMatchesTypeContainsAndNumbers() {
        assertThat(check(Target.JSON_PATH, "$.owner.name", Operator.EXISTS, null).passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.owner.age", Operator.NOT_EXISTS, null).passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$..missing", Operator.EXISTS, null).passed()).isFalse();
        assertThat(check(Target.JSON_PATH, "$.id", Operator.MATCHES, "^e-\\d+$").passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.tags", Operator.TYPE, "array").passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.count", Operator.TYPE, "integer").passed()).isTrue();
        CheckResult type = check(Target.JSON_PATH, "$.ratio", Operator.TYPE, "string");
        assertThat(type.passed()).isFalse();
        assertThat(type.actual()).isEqualTo("number");
        assertThat(check(Target.JSON_PATH, "$.tags", Operator.CONTAINS, "b").passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.ratio", Operator.LESS_THAN, "1").passed()).isTrue();
        assertThat(check(Target.JSON_PATH, "$.ratio", Operator.GREATER_THAN, "1").passed()).isFalse();
    }

    @Test
    void bodyAndResponseTime() {
        assertThat(check(Target.BODY, null, Operator.CONTAINS, "\"Ada\"").passed()).isTrue();
        assertThat(check(Target.RESPONSE_TIME, null, Operator.LESS_THAN, "500").passed()).isTrue();
        CheckResult slow = check(Target.RESPONSE_TIME, null, Operator.LESS_THAN, "100");
        assertThat(slow.passed()).isFalse();
        assertThat(slow.message("Read")).isEqualTo("\"Read\" › response time less than 100 ms: expected < 100 ms, actual 120 ms");
    }

    @Test
    void malformedAssertionsAndNonJsonBodiesFailWithAReason() {
        CheckResult notJson = AssertionEvaluator.evaluate(new Assertion(Target.JSON_PATH, "$.id", Operator.EXISTS, null, true),
                response(502, "<html>Bad gateway</html>", 5), s -> s);
        assertThat(notJson.passed()).isFalse();
        assertThat(notJson.actual()).isEqualTo("the body is not JSON");
        CheckResult badRegex = check(Target.BODY, null, Operator.MATCHES, "(");
        assertThat(badRegex.passed()).isFalse();
        assertThat(badRegex.actual()).startsWith("invalid regular expression");
        assertThat(check(Target.JSON_PATH, "$.a[", Operator.EXISTS, null).actual()).contains("never closed");
    }

    @Test
    void capturesTakeTextOrJsonAndFailWhenNothingMatches() {
        Map<String, String> variables = new HashMap<>();
        assertThat(Captures.apply(new Capture("id", Capture.Source.JSON_PATH, "$.id"), created, variables).passed()).isTrue();
        assertThat(Captures.apply(new Capture("owner", Capture.Source.JSON_PATH, "$.owner"), created, variables).passed()).isTrue();
        assertThat(Captures.apply(new Capture("where", Capture.Source.HEADER, "location"), created, variables).passed()).isTrue();
        CheckResult none = Captures.apply(new Capture("x", Capture.Source.JSON_PATH, "$.nope"), created, variables);
        assertThat(none.passed()).isFalse();
        assertThat(none.message("Create")).isEqualTo("\"Create\" › capture x from $.nope: expected a value, actual (missing)");
        assertThat(variables).containsExactlyInAnyOrderEntriesOf(Map.of("id", "e-1", "owner", "{\"name\":\"Ada\"}",
                "where", "/experiments/e-1"));
    }
}
