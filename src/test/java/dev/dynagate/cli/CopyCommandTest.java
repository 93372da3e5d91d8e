package dev.dynagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.aws.AttributeValues;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.tables.Attr;
import dev.dynagate.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** copy: a table from one sandbox into another, made like the source and with every item, type for type. */
class CopyCommandTest {
    @TempDir
    static Path sourceData;
    @TempDir
    static Path targetData;

    private static Sandbox source;
    private static Sandbox target;
    private static DynamoDbClient sourceClient;
    private static DynamoDbClient targetClient;
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        source = Sandbox.start(SandboxOptions.of(0, sourceData), line -> { });
        target = Sandbox.start(SandboxOptions.of(0, targetData), line -> { });
        sourceClient = TestClients.dynamoDb(source.endpoint(), Region.US_EAST_1);
        targetClient = TestClients.dynamoDb(target.endpoint(), Region.US_EAST_1);
        sourceClient.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                .attributeDefinitions(a -> a.attributeName("customer").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("placed").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("status").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("total").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("customer").keyType(KeyType.HASH),
                        k -> k.attributeName("placed").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("byStatus").keySchema(
                                k -> k.attributeName("status").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("total"))
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)))
                .localSecondaryIndexes(l -> l.indexName("byTotal").keySchema(
                                k -> k.attributeName("customer").keyType(KeyType.HASH),
                                k -> k.attributeName("total").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        sourceClient.updateTimeToLive(b -> b.tableName("Orders")
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        for (int n = 0; n < 1_500; n++) {
            int i = n;
            sourceClient.putItem(b -> b.tableName("Orders").item(Map.of(
                    "customer", AttributeValue.fromS("c" + i % 37),
                    "placed", AttributeValue.fromN(String.valueOf(i)),
                    "status", AttributeValue.fromS(i % 3 == 0 ? "open" : "shipped"),
                    "total", AttributeValue.fromN("12345678901234567890123456789012345678"),
                    "lines", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("sku",
                            AttributeValue.fromS("s" + i), "qty", AttributeValue.fromN("2.50"))))),
                    "tags", AttributeValue.fromSs(List.of("a", "b" + i)),
                    "raw", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, 0, -1})),
                    "note", AttributeValue.fromS(""))));
        }
    }

    @AfterAll
    static void stop() {
        sourceClient.close();
        targetClient.close();
        source.close();
        target.close();
    }

    private int dynagate(String... args) {
        CommandLine line = DynagateCommand.commandLine(mode -> { });
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("copy", "--endpoint-url", source.endpoint().toString()));
        all.addAll(List.of(args));
        return line.execute(all.toArray(String[]::new));
    }

    private static Map<List<String>, Map<String, Attr>> items(DynamoDbClient client, String table) {
        Map<List<String>, Map<String, Attr>> byKey = new HashMap<>();
        client.scanPaginator(b -> b.tableName(table)).items().forEach(item -> byKey.put(
                List.of(item.get("customer").s(), item.get("placed").n()), AttributeValues.fromSdk(item)));
        return byKey;
    }

    @Test
    void aTableIsCopiedWithItsIndexesTimeToLiveAndEveryItem() {
        int code = dynagate("--table", "Orders", "--to-endpoint-url", target.endpoint().toString());

        assertThat(code).as(err.toString()).isZero();
        TableDescription copy = targetClient.describeTable(b -> b.tableName("Orders")).table();
        TableDescription original = sourceClient.describeTable(b -> b.tableName("Orders")).table();
        assertThat(copy.keySchema()).isEqualTo(original.keySchema());
        assertThat(copy.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.keySchema()).isEqualTo(original.globalSecondaryIndexes().get(0).keySchema());
            assertThat(index.projection()).isEqualTo(original.globalSecondaryIndexes().get(0).projection());
        });
        assertThat(copy.localSecondaryIndexes()).singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo("byTotal"));
        assertThat(copy.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(targetClient.describeTimeToLive(b -> b.tableName("Orders")).timeToLiveDescription()
                .attributeName()).isEqualTo("expiresAt");
        assertThat(items(targetClient, "Orders")).hasSize(1_500).isEqualTo(items(sourceClient, "Orders"));
        assertThat(err.toString()).contains("Copying Orders (~1,500 items) from " + source.endpoint(),
                "Copied 1,500 items of Orders into Orders in");
    }

    @Test
    void aTableAlreadyThereIsNeverWrittenTo() {
        sourceClient.createTable(b -> b.tableName("Taken").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

        int code = dynagate("--table", "Orders", "--to-table", "Taken", "--to-endpoint-url",
                source.endpoint().toString());

        assertThat(code).isEqualTo(CopyCommand.FAILED);
        assertThat(err.toString()).contains("copy failed: ").contains("Taken");
        assertThat(sourceClient.scan(b -> b.tableName("Taken")).count()).isZero();
    }

    @Test
    void aCopyUnderAnotherNameOnTheSameEndpointIsACopyBeside() {
        int code = dynagate("--table", "Orders", "--to-table", "Orders-copy", "--to-endpoint-url",
                source.endpoint().toString(), "-q");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(items(sourceClient, "Orders-copy")).isEqualTo(items(sourceClient, "Orders"));
    }

    @Test
    void withoutATargetOrOntoItselfTheCommandLineIsRefused() {
        assertThat(dynagate("--table", "Orders")).isEqualTo(2);
        assertThat(err.toString()).contains("Say where to copy to: --to-endpoint-url URL");

        assertThat(dynagate("--table", "Orders", "--to-endpoint-url", source.endpoint().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("The copy would go onto Orders itself");
    }
}
