package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.cli.DynagateCommand;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Assertion.Operator;
import dev.dynagate.requests.model.Assertion.Target;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The runner against the sandbox's demo experiments API, through the {@code run} command: a chained
 * create → read → delete suite passes, a broken assertion fails with a message naming everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxDemoRunTest {
    private static final String EXPERIMENT = "EXP-CARDIO-2024-001";
    private Path dir;
    private Sandbox sandbox;
    private String baseUrl;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        dir = folder;
        sandbox = Sandbox.start(SandboxOptions.of(0, dir.resolve("sandbox")).withDemo(true), line -> { });
        HttpResponse<String> apis = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.endpoint() + "/v2/apis")).build(), HttpResponse.BodyHandlers.ofString());
        String apiId = null;
        if (apis.statusCode() == 200) {
            for (JsonNode api : JsonFiles.MAPPER.readTree(apis.body()).path("items")) {
                if (api.path("name").asText().equals("experiments-api")) {
                    apiId = api.path("apiId").asText();
                }
            }
        }
        Assumptions.assumeTrue(apiId != null, "this build's sandbox has no demo experiments API");
        baseUrl = sandbox.endpoint() + "/_aws/execute-api/" + apiId;
    }

    @AfterAll
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static Assertion check(Target target, String path, Operator op, String expected) {
        return new Assertion(target, path, op, expected, true);
    }

    private Path collection(String expectedTemperature) {
        RequestSpec create = new RequestSpec("Create sample", "POST", "{{baseUrl}}/experiments/{{experimentId}}/samples",
                List.of(KeyValue.of("Content-Type", "application/json")),
                Body.json("{\"sampleId\": \"{{sampleId}}\", \"temperature\": 37.5, \"subjectId\": \"SUBJ-CARDIO-0001\"}"),
                Auth.INHERIT, List.of(check(Target.STATUS, null, Operator.EQUALS, "201"),
                check(Target.JSON_PATH, "$.sampleId", Operator.EQUALS, "{{sampleId}}"),
                check(Target.JSON_PATH, "$.temperature", Operator.EQUALS, expectedTemperature)),
                List.of(new Capture("createdIn", Capture.Source.JSON_PATH, "$.experimentId")), null);
        RequestSpec read = RequestSpec.of("GET", "{{baseUrl}}/experiments/{{createdIn}}/samples/{{sampleIdInUrl}}")
                .withName("Read sample").withAuth(Auth.INHERIT).withAssertions(List.of(
                        check(Target.STATUS, null, Operator.EQUALS, "200"),
                        check(Target.JSON_PATH, "$.experimentId", Operator.EQUALS, "{{experimentId}}"),
                        check(Target.RESPONSE_TIME, null, Operator.LESS_THAN, "5000")));
        RequestSpec delete = RequestSpec.of("DELETE", "{{baseUrl}}/experiments/{{createdIn}}/samples/{{sampleIdInUrl}}")
                .withName("Delete sample").withAuth(Auth.INHERIT)
                .withAssertions(List.of(check(Target.STATUS, null, Operator.EQUALS, "204")));
        RequestSpec gone = RequestSpec.of("GET", "{{baseUrl}}/experiments/{{createdIn}}/samples/{{sampleIdInUrl}}")
                .withName("Read deleted sample").withAuth(Auth.INHERIT).withAssertions(List.of(
                        check(Target.STATUS, null, Operator.EQUALS, "404"),
                        check(Target.JSON_PATH, "$.message", Operator.CONTAINS, "not found")));
        Folder samples = new Folder("Samples", 1, null, Auth.INHERIT, List.of(), List.of(), null,
                List.of(SavedRequest.of(create), SavedRequest.of(read), SavedRequest.of(delete), SavedRequest.of(gone)));
        Collection collection = new Collection(null, "Experiments demo", null, Auth.NONE,
                List.of(KeyValue.of("experimentId", EXPERIMENT), KeyValue.of("sampleId", "SAMPLE#8" + expectedTemperature.length()),
                        KeyValue.of("sampleIdInUrl", "SAMPLE%238" + expectedTemperature.length())),
                List.of(), null, List.of(samples));
        Path root = dir.resolve("collection-" + expectedTemperature);
        CollectionFiles.create(collection, root);
        return root;
    }

    @Test
    void sigV4RequestsAreSignedWithLocalCredentials() throws Exception {
        RequestSpec listTables = new RequestSpec("List tables", "POST", "{{endpoint}}/",
                List.of(KeyValue.of("X-Amz-Target", "DynamoDB_20120810.ListTables"),
                        KeyValue.of("Content-Type", "application/x-amz-json-1.0")), Body.text("{}"),
                new Auth.SigV4("dynamodb", "us-east-1", null), List.of(check(Target.STATUS, null, Operator.EQUALS, "200"),
                check(Target.JSON_PATH, "$.TableNames", Operator.CONTAINS, "Experiments")), List.of(), null);
        Path root = dir.resolve("signed");
        CollectionFiles.create(new Collection(null, "Signed", null, Auth.NONE, List.of(), List.of(), null,
                List.of(SavedRequest.of(listTables))), root);
        StringWriter err = new StringWriter();
        CommandLine line = DynagateCommand.commandLine(mode -> { });
        line.setErr(new PrintWriter(err, true));

        int code = line.execute("run", root.toString(), "--var", "endpoint=" + sandbox.endpoint(), "--local-credentials");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("PASSED  1 requests, 0 failed; 2 checks, 0 failed");
    }

    private record Outcome(int code, String err) {
    }

    private Outcome run(Path collection, Path report) {
        StringWriter err = new StringWriter();
        CommandLine line = DynagateCommand.commandLine(mode -> { });
        line.setErr(new PrintWriter(err, true));
        int code = line.execute("run", collection.toString(), "--var", "baseUrl=" + baseUrl, "--reporter", "junit",
                "--out", report.toString());
        return new Outcome(code, err.toString());
    }

    @Test
    void chainedCreateReadDeletePasses() throws Exception {
        Path report = dir.resolve("passing.xml");
        Outcome outcome = run(collection("37.5"), report);

        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.err()).contains("[1/4] Samples / Create sample ok 201")
                .contains("[4/4] Samples / Read deleted sample ok 404")
                .contains("PASSED  4 requests, 0 failed; 10 checks, 0 failed");
        ReportsTest.validate(Files.readString(report));
    }

    @Test
    void brokenAssertionFailsNamingRequestAssertionExpectedAndActual() throws Exception {
        Path report = dir.resolve("failing.xml");
        Outcome outcome = run(collection("36.6"), report);

        assertThat(outcome.code()).isEqualTo(1);
        assertThat(outcome.err()).contains("✗ \"Create sample\" › $.temperature equals 36.6: expected 36.6, actual 37.5")
                .contains("FAILED  4 requests, 1 failed; 10 checks, 1 failed");
        String xml = Files.readString(report);
        ReportsTest.validate(xml);
        assertThat(xml).contains("<failure message=\"&quot;Create sample&quot; › $.temperature equals 36.6: expected 36.6, actual 37.5\"");
    }
}
