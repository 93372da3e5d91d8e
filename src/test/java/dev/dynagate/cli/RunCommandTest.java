package dev.dynagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.LocalServer;
import dev.dynagate.requests.collections.Collection;
import dev.dynagate.requests.collections.CollectionFiles;
import dev.dynagate.requests.collections.Environment;
import dev.dynagate.requests.collections.Environments;
import dev.dynagate.requests.collections.SecretStore;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.requests.collections.SavedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
    @TempDir
    Path dir;
    private final LocalServer server = new LocalServer().on("/health", exchange -> LocalServer.reply(exchange, 200,
            "application/json", "{\"status\":\"ok\",\"version\":3}".getBytes(StandardCharsets.UTF_8)));
    private final StringWriter err = new StringWriter();
    private Path collection;

    @BeforeEach
    void setUp() {
        collection = dir.resolve("api");
        RequestSpec health = RequestSpec.of("GET", "{{baseUrl}}/health").withName("Health").withAssertions(List.of(
                new Assertion(Assertion.Target.STATUS, null, Assertion.Operator.EQUALS, "200", true),
                new Assertion(Assertion.Target.JSON_PATH, "$.version", Assertion.Operator.EQUALS, "{{version}}", true)));
        Collection created = CollectionFiles.create(new Collection(null, "API", null, null,
                List.of(KeyValue.of("version", "3")), List.of(), null, List.of(SavedRequest.of(health))), collection);
        new Environments(created, new SecretStore(dir.resolve("secrets"))).save(new Environment("dev", false,
                List.of(KeyValue.of("baseUrl", server.url(""))), Set.of()));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private int run(String... args) {
        return run(null, args);
    }

    /** Runs with another environment (and an empty home folder) than the process's when one is given. */
    private int run(java.util.Map<String, String> environment, String... args) {
        CommandLine line = DynagateCommand.commandLine(mode -> { });
        if (environment != null) {
            RunCommand command = line.getSubcommands().get("run").getCommand();
            command.processEnvironment(environment, dir.resolve("home"));
        }
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return line.execute(all);
    }

    @Test
    void passingRunExitsZeroAndWritesAJunitReport() throws Exception {
        Path report = dir.resolve("out/junit.xml");
        int code = run(collection.toString(), "--env", "dev", "--reporter", "junit", "--out", report.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("[1/1] Health ok 200 in").contains("PASSED  1 requests, 0 failed; 2 checks, 0 failed");
        String xml = Files.readString(report);
        dev.dynagate.requests.collections.ReportsTestAccess.validate(xml);
        assertThat(xml).contains("tests=\"2\" failures=\"0\" errors=\"0\"");
    }

    @Test
    void failedAssertionExitsOneWithTheMessage() throws Exception {
        Path report = dir.resolve("report.json");
        int code = run(collection.toString(), "-e", "dev", "--var", "version=4", "--iterations", "2", "-r", "json", "-o", report.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("✗ \"Health\" › $.version equals 4: expected 4, actual 3")
                .contains("FAILED  2 requests, 2 failed");
        assertThat(Files.readString(report)).contains("\"failedChecks\": 2");
    }

    @Test
    void postmanFileRunsAsIsWithOneIterationPerDataRow() throws Exception {
        Path postman = dir.resolve("api.postman_collection.json");
        Files.writeString(postman, """
                {
                  "info": {"name": "Health checks", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                  "item": [{
                    "name": "Health",
                    "event": [{"listen": "test", "script": {"exec": [
                      "pm.test(\\"Status code is 200\\", function () {",
                      "    pm.response.to.have.status(200);",
                      "});",
                      "console.log('not run');"
                    ]}}],
                    "request": {"method": "GET", "url": "{{baseUrl}}/health?round={{round}}"}
                  }]
                }
                """);
        Path data = dir.resolve("rounds.csv");
        Files.writeString(data, "round,baseUrl\n1," + server.url("") + "\n2," + server.url("") + "\n3," + server.url("") + "\n");

        int code = run(postman.toString(), "--data", data.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("note: test script of \"Health\" not run (1 line)")
                .contains("PASSED  3 requests, 0 failed; 3 checks, 0 failed");
        assertThat(server.seen).extracting(LocalServer.Seen::uri).containsExactly("/health?round=1", "/health?round=2",
                "/health?round=3");
    }

    @Test
    void unreadableCollectionExitsTwoNamingFileAndLine() throws Exception {
        Files.writeString(collection.resolve("health.request.json"), "{\n  \"name\": \"Health\",\n  oops\n}\n");
        int code = run(collection.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read the collection: " + collection.resolve("health.request.json") + ":3:");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run(collection.toString(), "--no-such-flag")).isEqualTo(2);
        assertThat(run(collection.toString(), "--reporter", "junit")).isEqualTo(2);
        assertThat(err.toString()).contains("--reporter and --out go together");
        assertThat(run(collection.toString(), "--env", "nowhere")).isEqualTo(2);
        assertThat(err.toString()).contains("No environment \"nowhere\"").contains("it has: dev");
        assertThat(run(dir.resolve("missing").toString())).isEqualTo(2);
    }

    @Test
    void sigV4RequestsSignWithTheEnvironmentsKeysUnlessAProfileIsNamed() throws Exception {
        Path signed = dir.resolve("signed");
        RequestSpec health = RequestSpec.of("GET", server.url("/health")).withName("Health")
                .withAuth(new dev.dynagate.requests.model.Auth.SigV4("execute-api", "eu-west-1", null));
        CollectionFiles.create(new Collection(null, "Signed", null, null, List.of(), List.of(), null,
                List.of(SavedRequest.of(health))), signed);
        Files.createDirectories(dir.resolve("home/.aws"));
        Files.writeString(dir.resolve("home/.aws/credentials"),
                "[ops]\naws_access_key_id = AKIAOPS\naws_secret_access_key = ops-secret\n");
        java.util.Map<String, String> env = java.util.Map.of("AWS_ACCESS_KEY_ID", "ASIAENV",
                "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_SESSION_TOKEN", "env-token", "AWS_PROFILE", "ops");

        assertThat(run(env, signed.toString())).as(err.toString()).isZero();
        assertThat(run(env, signed.toString(), "--profile", "ops")).as(err.toString()).isZero();

        assertThat(server.seen).hasSize(2);
        assertThat(server.seen.get(0).headers().getFirst("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=ASIAENV/").contains("/eu-west-1/execute-api/");
        assertThat(server.seen.get(0).headers().getFirst("X-Amz-Security-Token")).isEqualTo("env-token");
        assertThat(server.seen.get(1).headers().getFirst("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIAOPS/");
        assertThat(server.seen.get(1).headers().containsKey("X-Amz-Security-Token")).isFalse();
    }
}
