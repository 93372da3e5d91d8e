package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.def;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.key;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.n;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class IndexAndLimitsTest extends EngineTest {
    @BeforeEach
    void setUp() throws Exception {
        engine.client.createTable(b -> b.tableName("Shop").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
                        def("cat", ScalarAttributeType.S), def("price", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCat")
                        .keySchema(key("cat", KeyType.HASH), key("price", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byPrice")
                        .keySchema(key("pk", KeyType.HASH), key("price", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }

    @Test
    void indexKeysAreTypeCheckedAndMayNotBeEmpty() {
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Shop")
                .item(Map.of("pk", s("a"), "sk", s("1"), "price", s("cheap")))))
                // price keys both indexes: DynamoDB names the first of them by name
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for Index Key price "
                        + "Expected: N Actual: S IndexName: byCat (");
        engine.client.putItem(b -> b.tableName("Shop").item(Map.of("pk", s("u"), "sk", s("1"))));
        assertThatThrownBy(() -> engine.client.updateItem(b -> b.tableName("Shop")
                .key(Map.of("pk", s("u"), "sk", s("1"))).updateExpression("SET cat = :e")
                .expressionAttributeValues(Map.of(":e", s("")))))
                .hasMessageStartingWith("One or more parameter values are not valid. The update expression attempted "
                        + "to update a secondary index key to a value that is not supported. The AttributeValue for a "
                        + "key attribute cannot contain an empty string value.");
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Shop")
                .item(Map.of("pk", s("a"), "sk", s("1"), "cat", s("")))))
                .hasMessageContaining("A value specified for a secondary index key is not supported")
                .hasMessageContaining("IndexName: byCat, IndexKey: cat");
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Shop")
                .item(Map.of("pk", s("a"), "sk", s("x".repeat(1025))))))
                .hasMessageContaining("Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        // an index key is held to the table key's limits: 2,048 bytes for a partition key
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Shop")
                .item(Map.of("pk", s("a"), "sk", s("1"), "cat", s("x".repeat(2049))))))
                .hasMessageContaining("Size of hashkey has exceeded the maximum size limit of2048 bytes");
        engine.client.putItem(b -> b.tableName("Shop")
                .item(Map.of("pk", s("a"), "sk", s("1"), "cat", s("x".repeat(2048)))));
    }

    /** Attribute names may be up to 64 KB long, beyond what a JSON parser accepts by default. */
    @Test
    void longAttributeNamesAreKept() {
        String name = "a".repeat(65_535);
        engine.client.putItem(b -> b.tableName("Shop").item(Map.of("pk", s("long"), "sk", s("1"), name, n("1"))));
        assertThat(engine.client.getItem(b -> b.tableName("Shop").key(Map.of("pk", s("long"), "sk", s("1"))))
                .item()).containsEntry(name, n("1"));
    }


    /** As tests run against DynamoDB record: a local index refuses a filter on an attribute it does not project. */
    @Test
    void aLocalIndexRefusesAFilterOnAnAttributeItDoesNotProject() {
        engine.client.createTable(b -> b.tableName("Narrow").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("p", ScalarAttributeType.S), def("c", ScalarAttributeType.S),
                        def("b", ScalarAttributeType.S))
                .keySchema(key("p", KeyType.HASH), key("c", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("keysOnly")
                                .keySchema(key("p", KeyType.HASH), key("b", KeyType.RANGE))
                                .projection(x -> x.projectionType(ProjectionType.KEYS_ONLY)).build(),
                        LocalSecondaryIndex.builder().indexName("withE")
                                .keySchema(key("p", KeyType.HASH), key("b", KeyType.RANGE))
                                .projection(x -> x.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("e"))
                                .build()));
        engine.client.putItem(b -> b.tableName("Narrow").item(Map.of("p", s("x"), "c", s("1"), "b", s("1"),
                "d", s("2"), "e", s("3"))));
        for (String index : List.of("keysOnly", "withE")) {
            assertThatThrownBy(() -> engine.client.query(b -> b.tableName("Narrow").indexName(index)
                    .keyConditionExpression("p = :p").filterExpression("d = :d")
                    .expressionAttributeValues(Map.of(":p", s("x"), ":d", s("2"))).select("ALL_ATTRIBUTES")))
                    .hasMessageContaining("Index " + index + " does not project the attributes used in the filter: d");
        }
        assertThat(engine.client.query(b -> b.tableName("Narrow").indexName("withE").keyConditionExpression("p = :p")
                .filterExpression("e = :e AND c = :c").expressionAttributeValues(Map.of(":p", s("x"), ":e", s("3"),
                        ":c", s("1")))).count()).isEqualTo(1);
    }

    /** A projected attribute's name has a key attribute's 255-character limit, for global and local indexes. */
    @Test
    void projectedAttributeNamesAreAtMost255Characters() {
        for (boolean global : new boolean[] {true, false}) {
            String index = global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes";
            String keys = global ? "[{\"AttributeName\":\"c\",\"KeyType\":\"HASH\"}]"
                    : "[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"},"
                            + "{\"AttributeName\":\"c\",\"KeyType\":\"RANGE\"}]";
            String body = "{\"TableName\":\"Projected\",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":["
                    + "{\"AttributeName\":\"a\",\"AttributeType\":\"S\"},"
                    + "{\"AttributeName\":\"b\",\"AttributeType\":\"S\"},"
                    + "{\"AttributeName\":\"c\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"a\","
                    + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"b\",\"KeyType\":\"RANGE\"}],\"" + index + "\":[{"
                    + "\"IndexName\":\"idx\",\"KeySchema\":" + keys + ",\"Projection\":{\"ProjectionType\":\"INCLUDE\","
                    + "\"NonKeyAttributes\":[\"%s\"]}}]}";
            assertThat(raw("CreateTable", body.formatted("x".repeat(256))))
                    .contains("nonKeyAttributes' failed to satisfy constraint")
                    .contains("length less than or equal to 255");
            assertThat(raw("CreateTable", body.formatted("x".repeat(255)))).doesNotContain("__type");
            raw("DeleteTable", "{\"TableName\":\"Projected\"}");
        }
    }

    private String raw(String operation, String body) {
        try {
            return engine.raw(operation, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One byte more is refused on every path that can name an attribute, nested map keys included. */
    @Test
    void attributeNamesOfMoreThan64KbAreRefusedWherever() {
        String name = "é".repeat(32_768); // 65,536 bytes in UTF-8, half as many characters
        AttributeValue nested = AttributeValue.fromM(Map.of(name, n("1")));
        List<Runnable> writes = List.of(
                () -> engine.client.putItem(b -> b.tableName("Shop").item(Map.of("pk", s("x"), "sk", s("1"),
                        name, n("1")))),
                () -> engine.client.putItem(b -> b.tableName("Shop").item(Map.of("pk", s("x"), "sk", s("1"),
                        "doc", nested))),
                () -> engine.client.updateItem(b -> b.tableName("Shop").key(Map.of("pk", s("x"), "sk", s("1")))
                        .updateExpression("SET #n = :v").expressionAttributeNames(Map.of("#n", name))
                        .expressionAttributeValues(Map.of(":v", n("1")))),
                () -> engine.client.updateItem(b -> b.tableName("Shop").key(Map.of("pk", s("x"), "sk", s("1")))
                        .updateExpression("SET doc = :v").expressionAttributeValues(Map.of(":v", nested))),
                () -> engine.client.updateItem(b -> b.tableName("Shop").key(Map.of("pk", s("x"), "sk", s("1")))
                        .attributeUpdates(Map.of(name, AttributeValueUpdate.builder().value(n("1")).build()))),
                () -> engine.client.batchWriteItem(b -> b.requestItems(Map.of("Shop", List.of(
                        WriteRequest.builder().putRequest(p -> p
                                .item(Map.of("pk", s("x"), "sk", s("1"), name, n("1")))).build())))),
                () -> engine.client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .put(p -> p.tableName("Shop").item(Map.of("pk", s("x"), "sk", s("1"), "doc", nested)))
                        .build())));
        for (Runnable write : writes) {
            assertThatThrownBy(write::run).hasMessageStartingWith(
                    "1 validation error detected: Attribute name is too large, must be less than 65536 bytes");
        }
        assertThat(engine.client.scan(b -> b.tableName("Shop")).count()).isZero();
        assertThatThrownBy(() -> engine.client.getItem(b -> b.tableName("Shop").key(Map.of("pk", s("x"), "sk", s("1")))
                .attributesToGet(name))).hasMessageContaining("Attribute name is too large");
        String longest = "é".repeat(32_767) + "a"; // 65,535 bytes
        engine.client.updateItem(b -> b.tableName("Shop").key(Map.of("pk", s("x"), "sk", s("1")))
                .updateExpression("SET #n = :v").expressionAttributeNames(Map.of("#n", longest))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromM(Map.of(longest, n("2"))))));
        assertThat(engine.client.getItem(b -> b.tableName("Shop").key(Map.of("pk", s("x"), "sk", s("1"))))
                .item().get(longest).m()).containsEntry(longest, n("2"));
    }
    @Test
    void writesReportIndexCapacityAndItemCollectionMetrics() {
        var response = engine.client.putItem(b -> b.tableName("Shop")
                .item(Map.of("pk", s("a"), "sk", s("1"), "cat", s("toys"), "price", n("5")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        ConsumedCapacity capacity = response.consumedCapacity();
        assertThat(capacity.table().capacityUnits()).isEqualTo(1.0);
        assertThat(capacity.globalSecondaryIndexes()).containsKey("byCat");
        assertThat(capacity.localSecondaryIndexes()).containsKey("byPrice");
        assertThat(capacity.capacityUnits()).isEqualTo(3.0);
        ItemCollectionMetrics metrics = response.itemCollectionMetrics();
        assertThat(metrics.itemCollectionKey()).containsEntry("pk", s("a"));
        assertThat(metrics.sizeEstimateRangeGB()).hasSize(2);

        ConsumedCapacity query = engine.client.query(b -> b.tableName("Shop").indexName("byCat")
                .keyConditionExpression("cat = :c").expressionAttributeValues(Map.of(":c", s("toys")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(query.capacityUnits()).isEqualTo(0.5);
        assertThat(query.globalSecondaryIndexes().get("byCat").capacityUnits()).isEqualTo(0.5);
    }

    /** An index is charged a write only when what it holds for the item changes. */
    @Test
    void anIndexIsChargedOnlyWhenItsEntryChanges() {
        engine.client.createTable(b -> b.tableName("Ladder").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
                        def("gsiPk", ScalarAttributeType.S), def("lsiSk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsiInc")
                        .keySchema(key("gsiPk", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("proj")).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi")
                        .keySchema(key("pk", KeyType.HASH), key("lsiSk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        Map<String, AttributeValue> item = Map.of("pk", s("i"), "sk", s("1"), "gsiPk", s("g"), "lsiSk", s("L1"),
                "proj", s("p"), "note", s("o"));
        engine.client.putItem(b -> b.tableName("Ladder").item(item));
        ConsumedCapacity same = engine.client.putItem(b -> b.tableName("Ladder").item(item)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(same.capacityUnits()).isEqualTo(1.0);
        assertThat(same.globalSecondaryIndexes()).isEmpty();
        assertThat(same.localSecondaryIndexes()).isEmpty();

        ConsumedCapacity other = update("SET note = :v", "o2");
        assertThat(other.capacityUnits()).isEqualTo(2.0);
        assertThat(other.globalSecondaryIndexes()).as("note is not projected into gsiInc").isEmpty();
        assertThat(other.localSecondaryIndexes().get("lsi").capacityUnits()).isEqualTo(1.0);

        ConsumedCapacity lsiKey = update("SET lsiSk = :v", "L2");
        assertThat(lsiKey.localSecondaryIndexes().get("lsi").capacityUnits()).as("old entry out, new one in")
                .isEqualTo(2.0);
        assertThat(lsiKey.globalSecondaryIndexes()).isEmpty();

        ConsumedCapacity projected = update("SET proj = :v", "p2");
        assertThat(projected.globalSecondaryIndexes().get("gsiInc").capacityUnits()).isEqualTo(1.0);
    }

    private ConsumedCapacity update(String expression, String value) {
        return engine.client.updateItem(b -> b.tableName("Ladder").key(Map.of("pk", s("i"), "sk", s("1")))
                .updateExpression(expression).expressionAttributeValues(Map.of(":v", s(value)))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    }

    @Test
    void indexSortOrderAndRangeConditions() {
        for (int i = 0; i < 6; i++) {
            String sk = "item" + i;
            String price = List.of("9.5", "-3", "100", "0.25", "7", "12").get(i);
            engine.client.putItem(b -> b.tableName("Shop").item(Map.of("pk", s("shop"), "sk", s(sk), "cat", s("c"), "price", n(price))));
        }
        var cheap = engine.client.query(b -> b.tableName("Shop").indexName("byCat")
                .keyConditionExpression("cat = :c AND price < :p")
                .expressionAttributeValues(Map.of(":c", s("c"), ":p", n("10"))).scanIndexForward(false));
        assertThat(cheap.items()).extracting(i -> i.get("price").n()).containsExactly("9.5", "7", "0.25", "-3");
        var local = engine.client.query(b -> b.tableName("Shop").indexName("byPrice")
                .keyConditionExpression("pk = :p AND price BETWEEN :lo AND :hi").consistentRead(true)
                .expressionAttributeValues(Map.of(":p", s("shop"), ":lo", n("0"), ":hi", n("12"))));
        assertThat(local.items()).extracting(i -> i.get("price").n()).containsExactly("0.25", "7", "9.5", "12");
        assertThatThrownBy(() -> engine.client.query(b -> b.tableName("Shop").indexName("byCat")
                .keyConditionExpression("cat = :c").expressionAttributeValues(Map.of(":c", s("c")))
                .exclusiveStartKey(Map.of("pk", s("shop"), "sk", s("item1")))))
                .hasMessageContaining("The provided starting key is invalid");
    }

    @Test
    void transactionReportsValidationErrorsAsReasons() {
        engine.client.putItem(b -> b.tableName("Shop").item(Map.of("pk", s("a"), "sk", s("1"), "name", s("text"))));
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("Shop")
                        .key(Map.of("pk", s("a"), "sk", s("1"))).conditionExpression("attribute_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName("Shop").key(Map.of("pk", s("b"), "sk", s("1")))
                        .updateExpression("SET price = :p").expressionAttributeValues(Map.of(":p", s("free")))).build())))
                .isInstanceOf(TransactionCanceledException.class)
                .satisfies(e -> assertThat(((TransactionCanceledException) e).cancellationReasons())
                        .extracting(r -> r.code()).containsExactly("None", "ValidationError"));
    }

    @Test
    void backfillingIndexCannotBeReadUntilReady(@TempDir Path other) throws Exception {
        try (EngineFixture slow = EngineFixture.start(other, Duration.ofMillis(500))) {
            slow.createTable("Fill", null);
            Thread.sleep(600);
            slow.client.putItem(b -> b.tableName("Fill").item(Map.of("pk", s("a"), "color", s("red"))));
            slow.client.updateTable(b -> b.tableName("Fill").attributeDefinitions(def("color", ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byColor")
                            .keySchema(key("color", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))).build()));
            assertThat(slow.client.describeTable(b -> b.tableName("Fill")).table().globalSecondaryIndexes().get(0)
                    .indexStatusAsString()).isEqualTo("CREATING");
            assertThatThrownBy(() -> slow.client.query(b -> b.tableName("Fill").indexName("byColor")
                    .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("red")))))
                    .hasMessageContaining("Cannot read from backfilling global secondary index: byColor");
            Thread.sleep(600);
            assertThat(slow.client.query(b -> b.tableName("Fill").indexName("byColor")
                    .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("red")))).count()).isEqualTo(1);
        }
    }
}
