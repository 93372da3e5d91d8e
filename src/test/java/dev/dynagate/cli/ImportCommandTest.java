package dev.dynagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.aws.AttributeValues;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.tables.Attr;
import dev.dynagate.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** export then import: items move between tables through a file, every type intact. */
class ImportCommandTest {
    @TempDir
    static Path sandboxData;
    @TempDir
    Path out;

    private static Sandbox sandbox;
    private static DynamoDbClient client;
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, sandboxData), line -> { });
        client = TestClients.dynamoDb(sandbox.endpoint(), Region.US_EAST_1);
        for (String table : List.of("Source", "Target", "Other", "Unzipped", "Resumed")) {
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        }
        for (int i = 0; i < 700; i++) {
            int n = i;
            client.putItem(b -> b.tableName("Source").item(Map.of(
                    "id", AttributeValue.fromS("item-" + n),
                    "exact", AttributeValue.fromN("1234567890123456789012345678901234567" + n % 10),
                    "tags", AttributeValue.fromSs(List.of("x", "y" + n)),
                    "sizes", AttributeValue.fromNs(List.of("1", "2.5")),
                    "raw", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {(byte) n, 0}))),
                    "doc", AttributeValue.fromM(Map.of("empty", AttributeValue.fromS(""),
                            "none", AttributeValue.fromNul(true))))));
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    private int dynagate(String command, String... args) {
        CommandLine line = DynagateCommand.commandLine(mode -> { });
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(command, "--endpoint-url", sandbox.endpoint().toString()));
        all.addAll(List.of(args));
        return line.execute(all.toArray(String[]::new));
    }

    private static Map<String, Map<String, Attr>> items(String table) {
        Map<String, Map<String, Attr>> byId = new HashMap<>();
        client.scanPaginator(b -> b.tableName(table)).items()
                .forEach(item -> byId.put(item.get("id").s(), AttributeValues.fromSdk(item)));
        return byId;
    }

    @Test
    void anExportedTableImportsIntoAnotherWithEveryTypeIntact() {
        Path file = out.resolve("source.ddb.json");
        assertThat(dynagate("export", "--table", "Source", "--out", file.toString(), "--format", "ddb-json", "-q"))
                .isEqualTo(0);

        int code = dynagate("import", "--table", "Target", "--in", file.toString(), "--writers", "3");

        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(items("Target")).hasSize(700).isEqualTo(items("Source"));
        assertThat(err.toString()).contains("Importing 700 items (ddb-json)", "Imported 700 items into Target");
    }

    @Test
    void skipExistingLeavesItemsAlreadyThereAndCarriesOnAnImportThatStoppedHalfway() {
        Path file = out.resolve("resume.ddb.json");
        assertThat(dynagate("export", "--table", "Source", "--out", file.toString(), "--format", "ddb-json", "-q"))
                .isEqualTo(0);
        // as if an earlier import had stopped after 300 items, one of which someone changed since
        List<String> first = items("Source").keySet().stream().sorted().limit(300).toList();
        for (String id : first) {
            Map<String, AttributeValue> item = new HashMap<>(AttributeValues.toSdk(items("Source").get(id)));
            if (id.equals(first.get(0))) {
                item.put("changed", AttributeValue.fromBool(true));
            }
            client.putItem(b -> b.tableName("Resumed").item(item));
        }

        int code = dynagate("import", "--table", "Resumed", "--in", file.toString(), "--skip-existing");

        assertThat(code).as(err.toString()).isEqualTo(0);
        Map<String, Map<String, Attr>> resumed = items("Resumed");
        assertThat(resumed).hasSize(700);
        assertThat(resumed.get(first.get(0)).get("changed")).as("kept as it was").isEqualTo(new Attr.Bool(true));
        resumed.get(first.get(0)).remove("changed");
        assertThat(resumed).isEqualTo(items("Source"));
        assertThat(err.toString()).contains("keeping the items already there",
                "Imported 400 items into Resumed", "; 300 items already there were left as they were");
    }

    @Test
    void aCompressedExportIsWrittenAndReadAsDynamoDbsOwnExportFilesAre() throws Exception {
        Path file = out.resolve("source.json.gz");
        assertThat(dynagate("export", "--table", "Source", "--out", file.toString(), "--format", "ddb-json", "-q"))
                .isEqualTo(0);
        try (java.io.InputStream in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(2)).containsExactly(0x1f, 0x8b);
        }
        Path renamed = Files.move(file, out.resolve("data-file")); // recognised by its bytes, not its name

        int code = dynagate("import", "--table", "Unzipped", "--in", renamed.toString(), "-q");

        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(items("Unzipped")).hasSize(700).isEqualTo(items("Source"));
    }

    @Test
    void aFileWithABadLineWritesNothingAndNamesTheLine() throws Exception {
        Path file = Files.write(out.resolve("bad.jsonl"), List.of("{\"id\":\"a\"}", "{\"id\":\"b\",", "{\"name\":\"c\"}"));

        int code = dynagate("import", "--table", "Other", "--in", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("cannot be imported into Other; nothing was written",
                "line 2: ", "line 3: no id, a key attribute of the table");
        assertThat(items("Other")).isEmpty();
    }

    @Test
    void aDryRunChecksAndWritesNothing() throws Exception {
        Path file = Files.write(out.resolve("ok.jsonl"), List.of("{\"id\":\"a\",\"n\":1}", "{\"id\":\"b\"}"));

        int code = dynagate("import", "--table", "Other", "--in", file.toString(), "--dry-run");

        assertThat(code).isEqualTo(0);
        assertThat(err.toString()).contains("2 items in jsonl, every one with Other's key; nothing written");
        assertThat(items("Other")).isEmpty();
    }

    @Test
    void csvAndMissingFilesAreUsageErrors() throws Exception {
        Path csv = Files.writeString(out.resolve("items.csv"), "id\r\na\r\n");

        assertThat(dynagate("import", "--table", "Other", "--in", csv.toString(), "--format", "csv")).isEqualTo(2);
        assertThat(dynagate("import", "--table", "Other", "--in", out.resolve("missing.json").toString()))
                .isEqualTo(2);
        assertThat(dynagate("import", "--table", "Other", "--in", csv.toString(), "--writers", "0")).isEqualTo(2);

        assertThat(err.toString()).contains("CSV does not say which type a value has", "missing.json does not exist",
                "--writers must be between 1 and 32, not 0");
    }

    @Test
    void aTableThatDoesNotExistFailsInOneLine() throws Exception {
        Path file = Files.write(out.resolve("one.jsonl"), List.of("{\"id\":\"a\"}"));

        int code = dynagate("import", "--table", "Missing", "--in", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("import failed: Requested resource not found")
                .doesNotContain("\n");
    }
}
