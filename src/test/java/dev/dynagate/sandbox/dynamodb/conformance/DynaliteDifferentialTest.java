package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends the same request sequences (valid and invalid) to the sandbox and to dynalite and compares the answers with
 * volatile parts masked. dynalite's validation layer was built from AWS's own answers, so any unexplained difference
 * is a fidelity bug; the intended ones are listed, with their reason, in {@code dynalite-differences.md}.
 */
class DynaliteDifferentialTest {
    static final String CASES = "cases/";
    static final List<String> CASE_FILES = List.of("wire", "create-table", "tables", "put-item", "get-item",
            "update-item", "delete-item", "query", "scan", "batch", "numbers", "limits", "conditions");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final StringBuilder REPORT = new StringBuilder("# Sandbox vs dynalite: every differing answer\n\n");

    @TempDir
    static Path data;
    static SandboxBesideDynalite servers;
    static DynamoDbWire theirs;
    static DynamoDbWire ours;

    @BeforeAll
    static void start() throws Exception {
        servers = SandboxBesideDynalite.start(data, TIMEOUT);
        ours = servers.ours;
        theirs = servers.theirs;
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void theCaseFilesHoldAtLeast150Requests() throws IOException {
        int count = 0;
        for (String file : CASE_FILES) {
            count += load(file).size();
        }
        assertThat(count).isGreaterThanOrEqualTo(150);
    }

    /**
     * One dynamic test per request, run in file order (each file's requests build on the state the earlier ones
     * left), then one per file that drops its tables and checks that every difference listed for it still occurs.
     */
    @TestFactory
    Stream<DynamicContainer> sameAnswersAsDynalite() throws IOException {
        KnownDifferences known = KnownDifferences.load();
        List<DynamicContainer> files = new ArrayList<>();
        for (String file : CASE_FILES) {
            List<ConformanceCase> cases = load(file);
            Set<String> differing = new LinkedHashSet<>();
            List<DynamicTest> tests = new ArrayList<>();
            for (ConformanceCase request : cases) {
                tests.add(DynamicTest.dynamicTest(request.id(), () -> compare(request, known, differing)));
            }
            tests.add(DynamicTest.dynamicTest("listed differences still occur", () -> {
                ours.dropAllTables();
                theirs.dropAllTables();
                List<String> noLongerDifferent = known.names(file + "/").stream()
                        .filter(name -> !differing.contains(name)).toList();
                assertThat(noLongerDifferent).as("listed in " + KnownDifferences.RESOURCE
                        + " but now answered as dynalite does: remove them from the list").isEmpty();
            }));
            files.add(DynamicContainer.dynamicContainer(file, tests));
        }
        return files.stream();
    }

    private static void compare(ConformanceCase request, KnownDifferences known, Set<String> differing) throws Exception {
        WireResponse mine = ours.send(request.method(), request.headers(), request.body());
        WireResponse reference = theirs.send(request.method(), request.headers(), request.body());
        settle(ours, request, mine);
        settle(theirs, request, reference);
        JsonNode ourShape = ResponseShape.of(mine);
        JsonNode theirShape = ResponseShape.of(reference);
        boolean same = ourShape.equals(theirShape);
        if (!same) {
            differing.add(request.name());
            REPORT.append("## ").append(request.name()).append(known.listed(request.name()) ? " (listed)" : "")
                    .append("\nrequest: ").append(new String(request.body(), StandardCharsets.UTF_8))
                    .append("\nsandbox:  ").append(ourShape).append("\ndynalite: ").append(theirShape).append("\n\n");
            writeReport();
        }
        if (known.listed(request.name())) {
            return;
        }
        String malformation = malformation(request, mine);
        assertThat(malformation).as(request.name() + ": an answer every DynamoDB client can read").isNull();
        if (!same) {
            throw new AssertionError("unlisted difference from dynalite in " + request.name()
                    + "\n  request:  " + new String(request.body(), StandardCharsets.UTF_8)
                    + "\n  sandbox:  " + ourShape + "\n  dynalite: " + theirShape);
        }
    }

    /** What every answer of ours must carry whatever dynalite says: the id and checksum the SDKs rely on. */
    private static String malformation(ConformanceCase request, WireResponse response) {
        if (response.status() >= 500) {
            return "server error " + response;
        }
        if ("POST".equals(request.method()) && response.header("x-amzn-RequestId") == null) {
            return "no x-amzn-RequestId header on " + response;
        }
        if ("POST".equals(request.method()) && !response.crcMatches()) {
            return "x-amz-crc32 missing or wrong on " + response;
        }
        return null;
    }

    static List<ConformanceCase> load(String file) throws IOException {
        try (InputStream in = DynaliteDifferentialTest.class.getResourceAsStream(CASES + file + ".json")) {
            if (in == null) {
                throw new IOException("case file missing: " + CASES + file + ".json");
            }
            JsonNode root = JSON.readTree(in);
            List<ConformanceCase> cases = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode node : root.get("cases")) {
                ConformanceCase request = ConformanceCase.from(file, node);
                if (!ids.add(request.id())) {
                    throw new IOException(file + ".json repeats case id " + request.id());
                }
                cases.add(request);
            }
            return cases;
        }
    }

    /** After a successful table change, waits until the table is ACTIVE (or gone) so the next case sees it settled. */
    private static void settle(DynamoDbWire wire, ConformanceCase request, WireResponse response) throws Exception {
        if (response.status() != 200 || request.op() == null || request.tableName() == null) {
            return;
        }
        switch (request.op()) {
            case "CreateTable", "UpdateTable" -> wire.awaitActive(request.tableName());
            case "DeleteTable" -> wire.awaitGone(request.tableName());
            default -> { }
        }
    }

    private static synchronized void writeReport() throws IOException {
        Path out = Path.of("target", "conformance", "dynalite-differential.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, REPORT);
    }
}
