package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.partitions.DdbValue;
import dev.dynagate.partitions.KeyScanner;
import dev.dynagate.partitions.KeyType;
import dev.dynagate.partitions.TableLayout;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The partitions adapter against the sandbox's demo table (Experiments, GSI bySubject). */
class DynamoDbKeyScannerTest {
    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static AwsClientFactory clients;
    static KeyScanner scanner;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, dir).withDemo(true), line -> { });
        clients = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), dir), sandbox::endpoint, new SessionSecrets());
        scanner = new DynamoDbKeyScanner(clients.dynamoDb(Connection.sandbox()));
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void describesTheKeysAndGlobalIndexes() {
        TableLayout layout = scanner.describe("Experiments");

        assertThat(layout.table().partitionKey()).isEqualTo("experimentId");
        assertThat(layout.table().sortKey()).isEqualTo("sampleId");
        assertThat(layout.table().partitionType()).isEqualTo(KeyType.S);
        assertThat(layout.keys("bySubject").partitionKey()).isEqualTo("subjectId");
        assertThat(layout.itemCountEstimate()).isPositive();
    }

    @Test
    void leavesOutAnIndexWithAMultiAttributeKey() {
        DynamoDbClient client = clients.dynamoDb(Connection.sandbox());
        client.createTable(b -> b.tableName("Scores").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"),
                        a -> a.attributeName("game").attributeType("S"),
                        a -> a.attributeName("season").attributeType("S"),
                        a -> a.attributeName("level").attributeType("N"))
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byGameSeason").projection(p -> p.projectionType("ALL"))
                        .keySchema(k -> k.attributeName("game").keyType("HASH"),
                                k -> k.attributeName("season").keyType("HASH"),
                                k -> k.attributeName("level").keyType("RANGE")),
                        g -> g.indexName("byGame").projection(p -> p.projectionType("KEYS_ONLY"))
                                .keySchema(k -> k.attributeName("game").keyType("HASH"))));

        TableLayout layout = scanner.describe("Scores");

        assertThat(layout.globalIndexes()).extracting(dev.dynagate.partitions.KeySchema::index)
                .containsExactly("byGame");
    }

    @Test
    void keyOnlySegmentsReturnJustTheKeysAndTogetherEveryItem() {
        TableLayout layout = scanner.describe("Experiments");
        List<Map<String, DdbValue>> all = new ArrayList<>();
        double capacity = 0;
        for (int segment = 0; segment < 3; segment++) {
            Map<String, DdbValue> start = null;
            do {
                KeyScanner.Page page = scanner.scan(new KeyScanner.ScanRequest(layout.table(), false, segment, 3,
                        start, 500));
                all.addAll(page.items());
                capacity += page.capacityUnits();
                start = page.lastKey();
            } while (start != null);
        }
        assertThat(all).hasSize((int) layout.itemCountEstimate());
        assertThat(all).allSatisfy(item -> assertThat(item.keySet()).containsExactlyInAnyOrder("experimentId",
                "sampleId"));
        Set<Map<String, DdbValue>> distinct = new HashSet<>(all);
        assertThat(distinct).hasSameSizeAs(all);
        assertThat(capacity).isPositive();
    }

    @Test
    void indexScansCarryTheTableKeyAndQueriesReturnSortKeyOrder() {
        TableLayout layout = scanner.describe("Experiments");
        KeyScanner.Page page = scanner.scan(new KeyScanner.ScanRequest(layout.keys("bySubject"), false, 0, 1, null, 5));
        assertThat(page.items()).allSatisfy(item -> assertThat(item.keySet()).containsExactlyInAnyOrder("subjectId",
                "sampleId", "experimentId"));

        KeyScanner.Page keys = scanner.querySortKeys(layout.table(), new DdbValue.S("EXP-NEURO-2023-003"), null, 4);
        assertThat(keys.items()).extracting(i -> i.get("sampleId").display())
                .containsExactly("META#experiment", "META#protocol", "SAMPLE#0001", "SAMPLE#0002");
        assertThat(keys.lastKey()).isNotNull();
    }

    @Test
    void mapsEveryAttributeTypeBothWays() {
        AttributeValue nested = AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(
                AttributeValue.fromN("1.50"), AttributeValue.fromNul(true), AttributeValue.fromBool(false))),
                "ss", AttributeValue.fromSs(List.of("a")), "ns", AttributeValue.fromNs(List.of("2")),
                "b", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromUtf8String("x"))));
        DdbValue value = DynamoDbValues.value(nested);

        assertThat(value).isInstanceOf(DdbValue.M.class);
        assertThat(DynamoDbValues.attribute(value)).isEqualTo(nested);
    }
}
