package dev.dynagate.requests.collections;

import static dev.dynagate.requests.collections.PostmanImporterTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Assertion.Operator;
import dev.dynagate.requests.model.Assertion.Target;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrunoImporterTest {

    private static Assertion check(Target target, String path, Operator op, String expected, boolean enabled) {
        return new Assertion(target, path, op, expected, enabled);
    }

    @Test
    void bruLayoutWithNestedFoldersAuthStylesVariablesAssertionsAndCaptures() {
        OpenedCollection opened = new CollectionOpener(new SecretStore(Path.of("unused"))).open(resource("bruno/experiments"));

        Collection expected = new Collection(null, "Experiments (Bruno)", null,
                new Auth.ApiKey("x-api-key", "{{apiKey}}", Auth.ApiKey.Placement.HEADER),
                List.of(KeyValue.of("baseUrl", "http://127.0.0.1:8000"), KeyValue.of("apiKey", "local-key")),
                List.of(KeyValue.of("Accept", "application/json"), new KeyValue("X-Debug", "1", false)),
                "Medical experiments.", List.of(
                new SavedRequest(new RequestSpec("Health", "GET", "{{baseUrl}}/health", List.of(), Body.NONE, Auth.NONE,
                        List.of(check(Target.STATUS, null, Operator.EQUALS, "200", true),
                                check(Target.JSON_PATH, "$.status", Operator.EQUALS, "\"ok\"", true),
                                check(Target.RESPONSE_TIME, null, Operator.LESS_THAN, "1000", true)), List.of(), null), 1, null),
                new Folder("Experiments", 2, null, new Auth.Bearer("{{token}}"), List.of(KeyValue.of("experimentName", "Trial A")),
                        List.of(KeyValue.of("X-Team", "qa")), null, List.of(
                        new SavedRequest(new RequestSpec("Create experiment", "POST", "{{baseUrl}}/experiments?dryRun=false",
                                List.of(KeyValue.of("Content-Type", "application/json"), new KeyValue("X-Trace", "on", false)),
                                Body.json("{\n  \"name\": \"{{experimentName}}\",\n  \"tags\": [\"a\", \"b\"]\n}"), Auth.INHERIT,
                                List.of(check(Target.STATUS, null, Operator.EQUALS, "201", true),
                                        check(Target.JSON_PATH, "$.id", Operator.EXISTS, null, true),
                                        check(Target.HEADER, "content-type", Operator.CONTAINS, "json", true),
                                        check(Target.JSON_PATH, "$.tags", Operator.TYPE, "array", false)),
                                List.of(new Capture("experimentId", Capture.Source.JSON_PATH, "$.id"),
                                        new Capture("location", Capture.Source.HEADER, "location")), null), 1, null),
                        new SavedRequest(new RequestSpec("Read experiment", "GET", "{{baseUrl}}/experiments/{{experimentId}}",
                                List.of(), Body.NONE, Auth.INHERIT,
                                List.of(check(Target.JSON_PATH, "$.name", Operator.EQUALS, "\"Trial A\"", true)), List.of(), null), 2, null),
                        new Folder("Samples", 3, null, new Auth.SigV4("execute-api", "eu-west-1", null), List.of(), List.of(), null,
                                List.of(new SavedRequest(new RequestSpec("Add sample", "PUT",
                                                "{{baseUrl}}/experiments/{{experimentId}}/samples", List.of(),
                                                Body.form(List.of(KeyValue.of("sampleId", "s-1"), new KeyValue("note", "x", false))),
                                                Auth.INHERIT, List.of(), List.of(), null), 1, null),
                                        new SavedRequest(new RequestSpec("List as admin", "GET",
                                                "{{baseUrl}}/experiments/{{experimentId}}/samples", List.of(), Body.NONE,
                                                new Auth.Basic("admin", "{{adminPassword}}"), List.of(), List.of(),
                                                "Needs the admin password\nfrom the team vault."), 2, null)))))));

        assertThat(opened.collection()).isEqualTo(expected);
        assertThat(opened.environments()).containsExactly(new Environment("dev", false, List.of(
                KeyValue.of("baseUrl", "http://127.0.0.1:8000/_aws/execute-api/abc123/dev"), new KeyValue("legacy", "on", false),
                KeyValue.of("token", ""), KeyValue.of("adminPassword", "")), Set.of("token", "adminPassword")));
        assertThat(opened.importNotes()).containsExactly(
                "pre-request script of \"Experiments (Bruno)\" not run (1 line)",
                "tests script of \"Experiments / Create experiment\" not run (3 lines)",
                "assertion \"res.body.samples: length 0\" of \"Experiments / Read experiment\" has no equivalent; skipped",
                "AWS keys in the awsv4 auth of \"Experiments / Samples\" are not imported: requests are signed with the "
                        + "AWS profile or connection's credentials");
    }

    @Test
    void yamlLayout() {
        OpenedCollection opened = new CollectionOpener(new SecretStore(Path.of("unused"))).open(resource("bruno/yaml/experiments"));

        Collection expected = new Collection(null, "Experiments (YAML)", null, new Auth.Bearer("{{token}}"),
                List.of(KeyValue.of("baseUrl", "http://127.0.0.1:8000")), List.of(KeyValue.of("Accept", "application/json")),
                null, List.of(
                new SavedRequest(new RequestSpec("Health", "GET", "{{baseUrl}}/health", List.of(), Body.NONE, Auth.NONE,
                        List.of(check(Target.STATUS, null, Operator.EQUALS, "200", true)), List.of(), null), 1, null),
                new Folder("Experiments", 2, null, new Auth.ApiKey("x-api-key", "{{apiKey}}", Auth.ApiKey.Placement.QUERY),
                        List.of(KeyValue.of("experimentName", "Trial B")), List.of(KeyValue.of("X-Team", "qa")), null, List.of(
                        new SavedRequest(new RequestSpec("Create experiment", "POST", "{{baseUrl}}/experiments",
                                List.of(KeyValue.of("Content-Type", "application/json"), new KeyValue("X-Trace", "on", false)),
                                Body.json("{\n  \"name\": \"{{experimentName}}\"\n}"), Auth.INHERIT,
                                List.of(check(Target.STATUS, null, Operator.EQUALS, "201", true),
                                        check(Target.JSON_PATH, "$.id", Operator.TYPE, "string", true)),
                                List.of(new Capture("experimentId", Capture.Source.JSON_PATH, "$.id")), null), 1, null),
                        new SavedRequest(new RequestSpec("Read experiment", "GET", "{{baseUrl}}/experiments/{{experimentId}}",
                                List.of(), Body.NONE, new Auth.SigV4("execute-api", "us-east-1", "dev"), List.of(), List.of(),
                                null), 2, null)))));

        assertThat(opened.collection()).isEqualTo(expected);
        assertThat(opened.environments()).containsExactly(new Environment("Stage", false, List.of(
                KeyValue.of("baseUrl", "https://stage.example.test"), KeyValue.of("apiKey", "")), Set.of("apiKey")));
        assertThat(opened.importNotes()).containsExactly(
                "after-response script of \"Experiments / Create experiment\" not run (1 line)");
    }

    @Test
    void brokenBruFileNamesFileAndLine() {
        Path file = Path.of("broken.bru");
        assertThatThrownBy(() -> BruFile.parse(file, "meta {\n  name: X\n}\n\nget {\n  url http://x\n}\n"))
                .isInstanceOf(CollectionFormatException.class).hasMessage("broken.bru:6: expected key: value, found \"url http://x\"");
        assertThatThrownBy(() -> BruFile.parse(file, "meta {\n  name: X\n"))
                .hasMessage("broken.bru:1: the block \"meta\" opened here is never closed");
    }
}
