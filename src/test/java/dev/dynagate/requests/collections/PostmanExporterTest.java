package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmanExporterTest {
    @TempDir
    Path dir;

    @Test
    void exportsV21AndImportsBackTheSameRequestsAssertionsAndCaptures() {
        Collection original = CollectionFilesTest.sample();
        Path file = dir.resolve("exported.postman_collection.json");
        PostmanExporter.write(original, file);

        JsonNode json = JsonFiles.read(file);
        assertThat(json.path("info").path("schema").asText()).isEqualTo(PostmanExporter.SCHEMA);
        assertThat(json.path("auth").toString()).isEqualTo("{\"type\":\"apikey\",\"apikey\":[{\"key\":\"key\",\"value\":"
                + "\"x-api-key\",\"type\":\"string\"},{\"key\":\"value\",\"value\":\"{{apiKey}}\",\"type\":\"string\"},"
                + "{\"key\":\"in\",\"value\":\"header\",\"type\":\"string\"}]}");

        OpenedCollection back = PostmanImporter.read(file);
        assertThat(back.importNotes()).isEmpty();
        List<RequestSpec> before = original.requests().stream().map(SavedRequest::spec).toList();
        List<RequestSpec> after = back.collection().requests().stream().map(SavedRequest::spec).toList();
        // Postman has no folder headers: the exporter copies them onto each request beneath
        assertThat(after.get(0)).isEqualTo(before.get(0).withHeaders(List.of(KeyValue.of("X-Team", "qa"),
                KeyValue.of("Content-Type", "application/json"), new KeyValue("X-Debug", "1", false))));
        assertThat(after.get(2)).isEqualTo(before.get(2));
        Folder folder = (Folder) back.collection().items().get(0);
        assertThat(folder.auth()).isEqualTo(new Auth.Bearer("{{token}}"));
        assertThat(folder.variables()).containsExactly(KeyValue.of("name", "trial"));
        assertThat(back.collection().variables()).isEqualTo(original.variables());
    }

    @Test
    void assertionsBecomeTestScriptsNewmanRuns() {
        List<String> lines = PostmanScripts.write(List.of(
                new Assertion(Assertion.Target.STATUS, null, Assertion.Operator.EQUALS, "201", true),
                new Assertion(Assertion.Target.JSON_PATH, "$.items[0]['name']", Assertion.Operator.EQUALS, "{{name}}", true),
                new Assertion(Assertion.Target.HEADER, "Content-Type", Assertion.Operator.CONTAINS, "json", true),
                new Assertion(Assertion.Target.RESPONSE_TIME, null, Assertion.Operator.LESS_THAN, "500", true)),
                List.of(new Capture("id", Capture.Source.JSON_PATH, "$.id")));

        assertThat(lines).filteredOn(l -> !l.startsWith(PostmanScripts.MARKER)).containsExactly(
                "pm.test(\"status equals 201\", function () { pm.expect(pm.response.code).to.eql(201); });",
                "pm.test(\"$.items[0]['name'] equals {{name}}\", function () { pm.expect(pm.response.json().items[0][\"name\"])"
                        + ".to.eql(pm.variables.replaceIn(\"{{name}}\")); });",
                "pm.test(\"header Content-Type contains json\", function () { pm.expect(pm.response.headers.get(\"Content-Type\"))"
                        + ".to.include(\"json\"); });",
                "pm.test(\"response time less than 500 ms\", function () { pm.expect(Number(pm.response.responseTime)).to.be.below(500); });",
                "(function (v) { pm.environment.set(\"id\", typeof v === \"string\" ? v : JSON.stringify(v)); })(pm.response.json().id);");
    }

    @Test
    void environmentsExportWithoutSecretValues() {
        JsonNode json = PostmanExporter.environment(new Environment("prod", true, List.of(KeyValue.of("baseUrl", "b"),
                KeyValue.of("token", "t0p")), Set.of("token")));
        assertThat(json.toString()).doesNotContain("t0p").contains("\"type\":\"secret\"");
        assertThat(EnvironmentFiles.postman(json, null).secrets()).containsExactly("token");
    }
}
