package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.HttpRequestSender;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Assertion.Operator;
import dev.dynagate.requests.model.Assertion.Target;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollectionRunnerTest {
    private final ExperimentsApi api = new ExperimentsApi();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CollectionRunner runner = new CollectionRunner(new HttpRequestSender((request, auth) -> {
        throw new AssertionError("no SigV4 in these tests");
    }, executor), Clock.systemUTC());

    @AfterEach
    void tearDown() {
        api.close();
        executor.shutdownNow();
    }

    private static Assertion check(Target target, String path, Operator op, String expected) {
        return new Assertion(target, path, op, expected, true);
    }

    /** Create → read → delete → read again, chained through a captured id; the key comes from the collection's auth. */
    static Collection chain(String expectedName) {
        RequestSpec create = new RequestSpec("Create experiment", "POST", "{{baseUrl}}/experiments",
                List.of(KeyValue.of("Content-Type", "application/json")), Body.json("{\"name\":\"{{name}}\"}"),
                Auth.INHERIT, List.of(check(Target.STATUS, null, Operator.EQUALS, "201"),
                check(Target.HEADER, "Location", Operator.MATCHES, "^/experiments/e-\\d+$")),
                List.of(new Capture("experimentId", Capture.Source.JSON_PATH, "$.id")), null);
        RequestSpec read = new RequestSpec("Read experiment", "GET", "{{baseUrl}}/experiments/{{experimentId}}",
                List.of(), Body.NONE, Auth.NONE, List.of(check(Target.STATUS, null, Operator.EQUALS, "200"),
                check(Target.JSON_PATH, "$.data.name", Operator.EQUALS, expectedName),
                check(Target.RESPONSE_TIME, null, Operator.LESS_THAN, "5000")), List.of(), null);
        RequestSpec delete = RequestSpec.of("DELETE", "{{baseUrl}}/experiments/{{experimentId}}")
                .withName("Delete experiment").withAssertions(List.of(check(Target.STATUS, null, Operator.EQUALS, "204")));
        RequestSpec gone = RequestSpec.of("GET", "{{baseUrl}}/experiments/{{experimentId}}").withName("Read deleted")
                .withAssertions(List.of(check(Target.STATUS, null, Operator.EQUALS, "404")));
        Folder folder = new Folder("Experiments", 1, null, Auth.INHERIT, List.of(KeyValue.of("name", "trial")), List.of(),
                null, List.of(SavedRequest.of(create), SavedRequest.of(read), SavedRequest.of(delete), SavedRequest.of(gone)));
        return new Collection("c-1", "Experiments API", null, new Auth.ApiKey("x-api-key", "{{apiKey}}",
                Auth.ApiKey.Placement.HEADER), List.of(KeyValue.of("apiKey", "wrong")), List.of(), null, List.of(folder));
    }

    private Environment dev() {
        return new Environment("dev", false, List.of(KeyValue.of("baseUrl", api.baseUrl()),
                KeyValue.of("apiKey", "secret-key")), Set.of("apiKey"));
    }

    @Test
    void chainedCreateReadDeletePasses() {
        RunReport report = runner.run(RunPlan.of(chain("trial")), RunOptions.defaults().withEnvironment(dev()), RunListener.NONE);

        assertThat(report.results()).extracting(RequestResult::path).containsExactly("Experiments / Create experiment",
                "Experiments / Read experiment", "Experiments / Delete experiment", "Experiments / Read deleted");
        assertThat(report.results()).allSatisfy(r -> assertThat(r.failureMessages()).isEmpty());
        assertThat(report.passed()).isTrue();
        assertThat(report.results().get(1).url()).isEqualTo(api.baseUrl() + "/experiments/e-1");
        assertThat(api.experiments).isEmpty();
    }

    @Test
    void brokenAssertionNamesRequestAssertionExpectedAndActual() {
        RunReport report = runner.run(RunPlan.of(chain("other")), RunOptions.defaults().withEnvironment(dev()), RunListener.NONE);

        assertThat(report.passed()).isFalse();
        assertThat(report.results().get(1).failureMessages())
                .containsExactly("\"Read experiment\" › $.data.name equals other: expected other, actual \"trial\"");
        assertThat(report.failedChecks()).isEqualTo(1);
    }

    @Test
    void environmentOverridesCollectionVariablesAndUnresolvedVariablesAreNotSent() {
        Environment noKey = new Environment("dev", false, List.of(KeyValue.of("baseUrl", api.baseUrl())), Set.of());
        RunReport report = runner.run(RunPlan.of(chain("trial")), RunOptions.defaults().withEnvironment(noKey), RunListener.NONE);

        assertThat(report.results().get(0).failureMessages()).containsExactly(
                "\"Create experiment\" › status equals 201: expected 201, actual 403",
                "\"Create experiment\" › header Location matches ^/experiments/e-\\d+$: expected matching /^/experiments/e-\\d+$/, actual (missing)",
                "\"Create experiment\" › capture experimentId from $.id: expected a value, actual (missing)");
        assertThat(report.results().get(1).error()).startsWith("not sent: The variable {{experimentId}} in the URL has no value");
    }

    @Test
    void bailStopsAtTheFirstFailure() {
        RunOptions options = new RunOptions(dev(), 0, List.of(), Duration.ZERO, true, Duration.ofSeconds(5));
        RunReport report = runner.run(RunPlan.of(chain("other")), options, RunListener.NONE);

        assertThat(report.results()).hasSize(2);
        assertThat(report.stoppedEarly()).isTrue();
    }

    @Test
    void dataRowsDriveIterationsAndCapturesCarryOver() {
        RunOptions options = new RunOptions(dev(), 0, List.of(Map.of("name", "alpha"), Map.of("name", "beta")),
                Duration.ZERO, false, Duration.ofSeconds(5));
        Collection collection = chain("{{name}}");
        RunReport report = runner.run(RunPlan.of(collection), options, RunListener.NONE);

        assertThat(report.iterations()).isEqualTo(2);
        assertThat(report.results()).hasSize(8);
        assertThat(report.passed()).isTrue();
        assertThat(report.results().get(5).url()).endsWith("/experiments/e-2");
    }

    @Test
    void productionMutationsAreAskedAndSkippedWhenRefused() {
        List<String> asked = new ArrayList<>();
        RunListener refuse = new RunListener() {
            @Override
            public boolean confirmProductionRequest(PlannedRequest request, Environment environment) {
                asked.add(request.spec().method() + " " + request.name());
                return false;
            }
        };
        RunReport report = runner.run(RunPlan.of(chain("trial")), RunOptions.defaults().withEnvironment(dev().withProduction(true)), refuse);

        // the DELETE is never asked about: without the captured id its URL cannot be resolved
        assertThat(asked).containsExactly("POST Create experiment");
        assertThat(report.results().get(0).skipped()).isTrue();
        assertThat(report.results().get(0).error()).contains("production environment \"dev\" was not confirmed");
        assertThat(api.experiments).isEmpty();
    }

    @Test
    void aFolderCanBeRunAloneAndRefusedConnectionsAreReported() {
        Collection collection = chain("trial");
        Folder folder = (Folder) collection.items().get(0);
        RunPlan plan = RunPlan.of(collection, folder.items().get(3));
        assertThat(plan.requests()).extracting(PlannedRequest::name).containsExactly("Read deleted");

        api.close();
        RunReport report = runner.run(plan, RunOptions.defaults().withEnvironment(dev()).withEnvironment(
                Environment.of("dead", Map.of("baseUrl", "http://127.0.0.1:9", "experimentId", "x"))), RunListener.NONE);
        assertThat(report.results().get(0).error()).isNotBlank();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void folderAuthAndHeadersAreInherited() {
        Folder inner = new Folder("Inner", 1, null, new Auth.Bearer("{{token}}"), List.of(KeyValue.of("token", "folder")),
                List.of(KeyValue.of("X-Team", "inner"), KeyValue.of("Accept", "text/plain")), null,
                List.of(SavedRequest.of(RequestSpec.of("GET", "/a").withName("A").withAuth(Auth.INHERIT)
                        .withHeaders(List.of(KeyValue.of("accept", "application/json"))))));
        Folder outer = new Folder("Outer", 1, null, Auth.INHERIT, List.of(), List.of(KeyValue.of("X-Team", "outer")), null,
                List.of(inner));
        Collection collection = new Collection("c", "C", null, new Auth.Basic("u", "p"), List.of(KeyValue.of("token", "root")),
                List.of(KeyValue.of("X-Root", "1")), null, List.of(outer));

        PlannedRequest planned = RunPlan.of(collection).requests().get(0);
        assertThat(planned.path()).isEqualTo("Outer / Inner / A");
        assertThat(planned.spec().auth()).isEqualTo(new Auth.Bearer("{{token}}"));
        assertThat(planned.spec().headers()).containsExactly(KeyValue.of("X-Root", "1"), KeyValue.of("X-Team", "inner"),
                KeyValue.of("accept", "application/json"));
        assertThat(planned.scopeVariables()).containsEntry("token", "folder");
    }
}
