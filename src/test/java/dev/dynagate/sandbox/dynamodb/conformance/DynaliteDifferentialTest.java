package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends the same request sequences (valid and invalid) to the sandbox and to dynalite and compares the answers with
 * volatile parts masked. dynalite's validation layer was built from AWS's own answers, so any unexplained difference
 * is a fidelity bug; the intended ones are listed, with their reason, in {@code dynalite-differences.md}.
 */
class DynaliteDifferentialTest {
    static final String CASES = "cases/";
    static final List<String> CASE_FILES = List.of("wire", "create-table", "tables", "put-item", "get-item",
            "update-item", "delete-item", "query", "scan", "batch", "numbers");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path data;
    static DynaliteProcess dynalite;
    static Sandbox sandbox;
    static DynamoDbWire theirs;
    static DynamoDbWire ours;

    @BeforeAll
    static void start() throws Exception {
        Path executable = ConformancePeers.dynalite();
        dynalite = DynaliteProcess.start(executable);
        sandbox = Sandbox.start(SandboxOptions.of(0, data), line -> { });
        theirs = new DynamoDbWire(dynalite.endpoint(), TIMEOUT);
        ours = new DynamoDbWire(sandbox.endpoint(), TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Test
    void everyDifferenceFromDynaliteIsListedWithItsReason() throws Exception {
        KnownDifferences known = KnownDifferences.load();
        List<String> unlisted = new ArrayList<>();
        Set<String> differing = new LinkedHashSet<>();
        StringBuilder report = new StringBuilder("# Sandbox vs dynalite\n\n");
        int count = 0;
        for (String file : CASE_FILES) {
            for (ConformanceCase request : load(file)) {
                count++;
                WireResponse mine = ours.send(request.method(), request.headers(), request.body());
                WireResponse reference = theirs.send(request.method(), request.headers(), request.body());
                assertWellFormed(request, mine);
                JsonNode ourShape = ResponseShape.of(mine);
                JsonNode theirShape = ResponseShape.of(reference);
                if (!ourShape.equals(theirShape)) {
                    differing.add(request.name());
                    report.append("## ").append(request.name()).append(known.listed(request.name()) ? " (listed)" : "")
                            .append("\nrequest: ").append(new String(request.body(), StandardCharsets.UTF_8))
                            .append("\nsandbox:  ").append(ourShape).append("\ndynalite: ").append(theirShape).append("\n\n");
                    if (!known.listed(request.name())) {
                        unlisted.add(request.name() + "\n    sandbox:  " + ourShape + "\n    dynalite: " + theirShape);
                    }
                }
                settle(ours, request, mine);
                settle(theirs, request, reference);
            }
            dropAllTables(ours);
            dropAllTables(theirs);
        }
        writeReport(report);
        List<String> stale = new ArrayList<>();
        known.names().forEach(name -> {
            if (!differing.contains(name)) {
                stale.add(name);
            }
        });
        assertThat(count).as("request cases").isGreaterThanOrEqualTo(150);
        if (!unlisted.isEmpty() || !stale.isEmpty()) {
            fail(unlisted.size() + " unlisted difference(s) from dynalite:\n  " + String.join("\n  ", unlisted)
                    + (stale.isEmpty() ? "" : "\nlisted in " + KnownDifferences.RESOURCE
                    + " but no longer different: " + stale));
        }
    }

    /** What every answer of ours must carry whatever dynalite says: the ids and checksum the SDKs rely on. */
    private static void assertWellFormed(ConformanceCase request, WireResponse response) {
        assertThat(response.status()).as(request.name() + " status").isNotEqualTo(500);
        if ("POST".equals(request.method())) {
            assertThat(response.header("x-amzn-RequestId")).as(request.name() + " x-amzn-RequestId").isNotBlank();
            assertThat(response.crcMatches()).as(request.name() + " x-amz-crc32 of " + response).isTrue();
        }
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
            case "CreateTable", "UpdateTable" -> awaitActive(wire, request.tableName());
            case "DeleteTable" -> awaitGone(wire, request.tableName());
            default -> { }
        }
    }

    static void awaitActive(DynamoDbWire wire, String table) throws Exception {
        for (int i = 0; i < 200; i++) {
            WireResponse described = wire.call("DescribeTable", "{\"TableName\":\"" + table + "\"}");
            JsonNode t = described.json() == null ? null : described.json().path("Table");
            if (t != null && "ACTIVE".equals(t.path("TableStatus").asText()) && allIndexesActive(t)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(table + " did not become ACTIVE on " + wire.endpoint());
    }

    private static boolean allIndexesActive(JsonNode table) {
        for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
            if (!"ACTIVE".equals(index.path("IndexStatus").asText())) {
                return false;
            }
        }
        return true;
    }

    static void awaitGone(DynamoDbWire wire, String table) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (wire.call("DescribeTable", "{\"TableName\":\"" + table + "\"}").status() == 400) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(table + " was not deleted on " + wire.endpoint());
    }

    static void dropAllTables(DynamoDbWire wire) throws Exception {
        JsonNode listed = wire.call("ListTables", "{}").json();
        if (listed == null) {
            return;
        }
        for (JsonNode name : listed.path("TableNames")) {
            wire.call("DeleteTable", "{\"TableName\":\"" + name.asText() + "\"}");
            awaitGone(wire, name.asText());
        }
    }

    private static void writeReport(StringBuilder report) throws IOException {
        Path out = Path.of("target", "conformance", "dynalite-differential.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
