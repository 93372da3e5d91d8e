package dev.dynagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.aws.AttributeValues;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.tables.Attr;
import dev.dynagate.tables.DynamoJson;
import dev.dynagate.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The export command against the sandbox engine, through the real SDK client path. */
class ExportCommandTest {
    private static final int ITEMS = 1_200;

    @TempDir
    static Path sandboxData;
    @TempDir
    Path out;

    private static Sandbox sandbox;
    private static DynamoDbClient client;
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void tableOfEveryType() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, sandboxData), line -> { });
        client = TestClients.dynamoDb(sandbox.endpoint(), Region.US_EAST_1);
        client.createTable(b -> b.tableName("Samples").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("exact").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("byExact")
                        .keySchema(k -> k.attributeName("exact").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        String padding = "x".repeat(2_000); // 1,200 items of ~2 KB: several 1 MB pages per segment
        for (int i = 0; i < ITEMS; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS("p" + i % 37));
            item.put("sk", AttributeValue.fromN(Integer.toString(i)));
            item.put("padding", AttributeValue.fromS(padding));
            if (i % 100 == 0) {
                item.put("exact", AttributeValue.fromN("12345678901234567890123456789012345678"));
                item.put("tiny", AttributeValue.fromN("1E-130"));
                item.put("bytes", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 7})));
                item.put("tags", AttributeValue.fromSs(List.of("b", "a")));
                item.put("scores", AttributeValue.fromNs(List.of("1.50", "2")));
                item.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}))));
                item.put("flag", AttributeValue.fromBool(false));
                item.put("nothing", AttributeValue.fromNul(true));
                item.put("note", AttributeValue.fromS("comma, \"quote\"\nnew line"));
                item.put("nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(
                        AttributeValue.fromN("0.10"), AttributeValue.fromS(""))))));
            }
            client.putItem(b -> b.tableName("Samples").item(item));
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    private int export(String... args) {
        CommandLine line = DynagateCommand.commandLine(mode -> { });
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("export", "--endpoint-url", sandbox.endpoint().toString()));
        all.addAll(List.of(args));
        return line.execute(all.toArray(String[]::new));
    }

    private static Map<String, Map<String, Attr>> stored() {
        Map<String, Map<String, Attr>> byKey = new HashMap<>();
        client.scanPaginator(b -> b.tableName("Samples")).items()
                .forEach(item -> byKey.put(item.get("pk").s() + "/" + item.get("sk").n(), AttributeValues.fromSdk(item)));
        return byKey;
    }

    @Test
    void ddbJsonHoldsEveryItemWithEveryTypeExactlyAsStored() throws Exception {
        Path file = out.resolve("samples.ddb.json");

        int code = export("--table", "Samples", "--out", file.toString(), "--format", "ddb-json", "--segments", "3");

        assertThat(code).as(err.toString()).isEqualTo(0);
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Map<String, Attr>> exported = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode wrapped = mapper.readTree(line);
            assertThat(wrapped.fieldNames()).toIterable().containsExactly("Item");
            Map<String, Attr> item = DynamoJson.parse(wrapped.get("Item").toString());
            exported.put(((Attr.S) item.get("pk")).value() + "/" + ((Attr.N) item.get("sk")).value(), item);
        }
        assertThat(exported).hasSize(ITEMS).isEqualTo(stored());
        assertThat(exported.get("p0/0").get("exact")).isEqualTo(new Attr.N("12345678901234567890123456789012345678"));
        assertThat(err.toString()).contains("Exporting Samples (about 1,200 items)", "with 3 segments",
                "Exported 1,200 items to " + file);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void jsonLinesArePlainJsonWithNumbersAsStored() throws Exception {
        Path file = out.resolve("samples.jsonl");

        int code = export("--table", "Samples", "--out", file.toString(), "--quiet");

        assertThat(code).isEqualTo(0);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(ITEMS);
        String first = lines.stream().filter(l -> l.contains("\"sk\":0,")).findFirst().orElseThrow();
        // DynamoDB keeps numbers normalised (0.10 is stored as 0.1); the export writes them as stored
        assertThat(first).contains("\"exact\":12345678901234567890123456789012345678", "\"tiny\":1E-130",
                "\"bytes\":\"AP8H\"", "\"flag\":false", "\"nothing\":null", "\"nested\":{\"list\":[0.1,\"\"]}");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void csvHasAHeaderOfEveryAttributeAndOneRowPerItem() throws Exception {
        Path file = out.resolve("samples.csv");

        int code = export("--table", "Samples", "--out", file.toString(), "--format", "csv", "-q");

        assertThat(code).isEqualTo(0);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("pk,sk,blobs,bytes,exact,flag,nested,note,nothing,padding,scores,tags,tiny\r\n");
        assertThat(text.split("\r\n")).hasSize(ITEMS + 1);
        assertThat(text).contains("\"comma, \"\"quote\"\"\nnew line\"");
    }

    @Test
    void onePartitionComesOutInSortKeyOrder() throws Exception {
        Path file = out.resolve("p3.jsonl");

        int code = export("--table", "Samples", "--partition", "p3", "--out", file.toString(), "--format", "csv");

        assertThat(code).as(err.toString()).isEqualTo(0);
        List<String> rows = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Integer> sortKeys = rows.subList(1, rows.size()).stream()
                .map(row -> Integer.valueOf(row.split(",")[1])).toList();
        assertThat(rows.get(0)).startsWith("pk,sk,");
        assertThat(sortKeys).hasSize(33).isSorted().allMatch(sk -> sk % 37 == 3);
        assertThat(err.toString()).contains("Exporting the partition pk = p3 of Samples", "Exported 33 items");
    }

    @Test
    void anIndexExportsTheItemsItHolds() throws Exception {
        Path file = out.resolve("sparse.jsonl");

        int code = export("--table", "Samples", "--index", "byExact", "--out", file.toString());

        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(err.toString()).contains("Exporting index byExact of Samples from").doesNotContain("about")
                .doesNotContain("%");
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(12)
                .allMatch(line -> line.contains("\"exact\":12345678901234567890123456789012345678"));
    }

    @Test
    void aPartitionValueThatIsNotOfTheKeysTypeIsAUsageError() {
        Path file = out.resolve("x.jsonl");

        assertThat(export("--table", "Samples", "--index", "byExact", "--partition", "twelve", "--out",
                file.toString())).isEqualTo(2);
        assertThat(export("--table", "Samples", "--index", "byNothing", "--out", file.toString())).isEqualTo(2);
        assertThat(export("--table", "Samples", "--partition", "p1", "--segments", "2", "--out", file.toString()))
                .isEqualTo(2);

        assertThat(err.toString()).contains("--partition twelve is not a value of exact, whose type is N",
                "--index: Samples has no index byNothing; it has byExact", "--segments splits a Scan");
        assertThat(file).doesNotExist();
    }

    @Test
    void anExistingFileIsLeftAloneUnlessOverwriteIsGiven() throws Exception {
        Path file = Files.writeString(out.resolve("keep.jsonl"), "mine");

        int refused = export("--table", "Samples", "--out", file.toString());

        assertThat(refused).isEqualTo(2);
        assertThat(file).hasContent("mine");
        assertThat(err.toString()).contains("exists: add --overwrite to replace it", "Usage: dynagate export");

        int replaced = export("--table", "Samples", "--out", file.toString(), "--overwrite", "-q");

        assertThat(replaced).isEqualTo(0);
        assertThat(Files.readAllLines(file)).hasSize(ITEMS);
    }

    @Test
    void aTableThatDoesNotExistFailsInOneLineAndLeavesNoFile() throws Exception {
        Path file = out.resolve("missing.jsonl");

        int code = export("--table", "Missing", "--out", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("export failed: Requested resource not found")
                .endsWith("Check the name, --region and --endpoint-url.").doesNotContain("\n");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void badUsageExitsTwoAndSaysWhy() {
        Path file = out.resolve("x.jsonl");

        assertThat(export("--table", "Samples", "--out", file.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(export("--table", "Samples", "--out", file.toString(), "--segments", "0")).isEqualTo(2);
        assertThat(export("--table", "Samples", "--out", out.toString())).isEqualTo(2);
        assertThat(export("--out", file.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("unknown format 'xml': use one of jsonl, ddb-json, csv",
                "--segments must be between 1 and 64, not 0", "is a folder: name a file in it",
                "Missing required option: '--table=TABLE'");
        assertThat(file).doesNotExist();
    }
}
