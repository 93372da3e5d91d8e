package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.n;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanTest extends EngineTest {
    private List<String> sortKeys(QueryResponse response, String attribute) {
        return response.items().stream().map(i -> {
            AttributeValue v = i.get(attribute);
            return v.n() != null ? v.n() : v.s() != null ? v.s() : java.util.HexFormat.of().formatHex(v.b().asByteArray());
        }).toList();
    }

    private QueryResponse queryAll(String table, boolean forward) {
        return engine.client.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))).scanIndexForward(forward));
    }

    @Test
    void numbersSortNumerically() {
        engine.createTable("Nums", ScalarAttributeType.N);
        List<String> numbers = List.of("-1E+10", "-100", "-2.5", "-0.001", "0", "1E-130", "0.5", "2", "10", "99.99",
                "12345678901234567890123456789012345678", "12345678901234567890123456789012345679", "9.9E+125");
        List<String> shuffled = new ArrayList<>(numbers);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        for (String v : shuffled) {
            engine.client.putItem(b -> b.tableName("Nums").item(Map.of("pk", s("p"), "sk", n(v))));
        }
        List<String> expected = numbers.stream().map(v -> new java.math.BigDecimal(v).stripTrailingZeros().toPlainString()).toList();
        expected = expected.stream().map(v -> v.equals("0") ? "0" : v).toList();
        assertThat(sortKeys(queryAll("Nums", true), "sk")).containsExactlyElementsOf(expected);
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(sortKeys(queryAll("Nums", false), "sk")).containsExactlyElementsOf(reversed);
        QueryResponse between = engine.client.query(b -> b.tableName("Nums")
                .keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":p", s("p"), ":lo", n("-2.5"), ":hi", n("2"))));
        assertThat(sortKeys(between, "sk")).containsExactly("-2.5", "-0.001", "0", "0." + "0".repeat(129) + "1", "0.5", "2");
    }

    @Test
    void stringsSortByUtf8BytesAndBinaryUnsigned() {
        engine.createTable("Strs", ScalarAttributeType.S);
        List<String> strings = List.of("A", "Z", "a", "ab", "b", "\u00e9", "\uffef", "\ud83d\ude00");
        for (String v : strings) {
            engine.client.putItem(b -> b.tableName("Strs").item(Map.of("pk", s("p"), "sk", s(v))));
        }
        assertThat(sortKeys(queryAll("Strs", true), "sk")).containsExactlyElementsOf(strings);
        QueryResponse prefix = engine.client.query(b -> b.tableName("Strs")
                .keyConditionExpression("pk = :p AND begins_with(sk, :a)")
                .expressionAttributeValues(Map.of(":p", s("p"), ":a", s("a"))).scanIndexForward(false));
        assertThat(sortKeys(prefix, "sk")).containsExactly("ab", "a");

        engine.createTable("Bins", ScalarAttributeType.B);
        for (int v : new int[] {0x80, 0x01, 0xff, 0x7f}) {
            engine.client.putItem(b -> b.tableName("Bins").item(Map.of("pk", s("p"),
                    "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) v})))));
        }
        assertThat(sortKeys(queryAll("Bins", true), "sk")).containsExactly("01", "7f", "80", "ff");
    }

    @Test
    void limitCountsEvaluatedItemsAndReturnsKeyAtExactEnd() {
        engine.createTable("Page", ScalarAttributeType.N);
        for (int i = 0; i < 10; i++) {
            int v = i;
            engine.client.putItem(b -> b.tableName("Page").item(Map.of("pk", s("p"), "sk", n(Integer.toString(v)),
                    "even", AttributeValue.fromBool(v % 2 == 0))));
        }
        QueryResponse filtered = engine.client.query(b -> b.tableName("Page").keyConditionExpression("pk = :p")
                .filterExpression("even = :t").limit(4)
                .expressionAttributeValues(Map.of(":p", s("p"), ":t", AttributeValue.fromBool(true))));
        assertThat(filtered.count()).isEqualTo(2);
        assertThat(filtered.scannedCount()).isEqualTo(4);
        assertThat(filtered.lastEvaluatedKey()).containsEntry("sk", n("3")).containsEntry("pk", s("p"));
        QueryResponse exact = engine.client.query(b -> b.tableName("Page").keyConditionExpression("pk = :p")
                .limit(10).expressionAttributeValues(Map.of(":p", s("p"))));
        assertThat(exact.count()).isEqualTo(10);
        assertThat(exact.lastEvaluatedKey()).containsEntry("sk", n("9"));
        QueryResponse after = engine.client.query(b -> b.tableName("Page").keyConditionExpression("pk = :p")
                .limit(10).exclusiveStartKey(exact.lastEvaluatedKey()).expressionAttributeValues(Map.of(":p", s("p"))));
        assertThat(after.count()).isZero();
        assertThat(after.hasLastEvaluatedKey()).isFalse();
        assertThatThrownBy(() -> engine.client.query(b -> b.tableName("Page")
                .keyConditions(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
                        .comparisonOperator("EQ").attributeValueList(s("p")).build()))
                .queryFilter(Map.of("sk", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
                        .comparisonOperator("GT").attributeValueList(n("1")).build()))))
                .hasMessageContaining("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");
        assertThatThrownBy(() -> engine.client.query(b -> b.tableName("Page").keyConditionExpression("pk = :p")
                .filterExpression("#k > :min OR size(#n) > :min").expressionAttributeNames(Map.of("#k", "sk", "#n", "nope"))
                .expressionAttributeValues(Map.of(":p", s("p"), ":min", n("1")))))
                .hasMessageContaining("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
        assertThat(engine.client.query(b -> b.tableName("Page").keyConditionExpression("pk = :p")
                .filterExpression("attribute_not_exists(colour)").expressionAttributeValues(Map.of(":p", s("p")))).count())
                .as("a filter on other attributes still runs").isEqualTo(10);
        QueryResponse count = engine.client.query(b -> b.tableName("Page").keyConditionExpression("pk = :p")
                .select(Select.COUNT).expressionAttributeValues(Map.of(":p", s("p"))));
        assertThat(count.count()).isEqualTo(10);
        assertThat(count.hasItems()).isFalse();
    }

    @Test
    void pagesStopAtOneMegabyte() {
        engine.createTable("Big", ScalarAttributeType.N);
        String blob = "x".repeat(100_000);
        for (int i = 0; i < 25; i++) {
            int v = i;
            engine.client.putItem(b -> b.tableName("Big").item(Map.of("pk", s("p"), "sk", n(Integer.toString(v)), "blob", s(blob))));
        }
        ScanResponse first = engine.client.scan(b -> b.tableName("Big"));
        assertThat(first.count()).isBetween(10, 11);
        assertThat(first.hasLastEvaluatedKey()).isTrue();
        int total = engine.client.scanPaginator(b -> b.tableName("Big")).items().stream().mapToInt(i -> 1).sum();
        assertThat(total).isEqualTo(25);
        int pages = (int) engine.client.queryPaginator(b -> b.tableName("Big").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))).stream().count();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void paginatorsReturnEveryItemExactlyOnceAcrossPartitions() {
        engine.createTable("Many", ScalarAttributeType.N);
        Set<String> written = new HashSet<>();
        for (int p = 0; p < 30; p++) {
            for (int i = 0; i < 5; i++) {
                String pk = "p" + p;
                int v = i;
                engine.client.putItem(b -> b.tableName("Many").item(Map.of("pk", s(pk), "sk", n(Integer.toString(v)))));
                written.add(pk + "/" + v);
            }
        }
        List<String> seen = engine.client.scanPaginator(b -> b.tableName("Many").limit(7)).items().stream()
                .map(i -> i.get("pk").s() + "/" + i.get("sk").n()).toList();
        assertThat(seen).hasSize(150).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(written);
        List<String> partitionsInOrder = seen.stream().map(k -> k.split("/")[0]).distinct().toList();
        assertThat(partitionsInOrder).isNotEqualTo(partitionsInOrder.stream().sorted().toList());
        List<String> again = engine.client.scanPaginator(b -> b.tableName("Many")).items().stream()
                .map(i -> i.get("pk").s() + "/" + i.get("sk").n()).toList();
        assertThat(again).isEqualTo(seen);
    }

    @Test
    void parallelScanSegmentsAreDisjointAndComplete() {
        engine.createTable("Par", null);
        for (int i = 0; i < 200; i++) {
            String pk = "k" + i;
            engine.client.putItem(b -> b.tableName("Par").item(Map.of("pk", s(pk))));
        }
        for (int total : new int[] {1, 3, 7, 64}) {
            List<String> all = new ArrayList<>();
            for (int segment = 0; segment < total; segment++) {
                int seg = segment;
                engine.client.scanPaginator(b -> b.tableName("Par").segment(seg).totalSegments(total).limit(13))
                        .items().forEach(i -> all.add(i.get("pk").s()));
            }
            assertThat(all).hasSize(200).doesNotHaveDuplicates();
        }
        assertThatThrownBy(() -> engine.client.scan(b -> b.tableName("Par").segment(3).totalSegments(3)))
                .hasMessageContaining("The Segment parameter is zero-based and must be less than parameter TotalSegments");
    }

    private void createIndexedTable() {
        engine.client.createTable(b -> b.tableName("Idx").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("score").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byScore")
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("score").keyType(KeyType.RANGE).build())
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
    }

    @Test
    void globalIndexQueriesBreakTiesByTableKeyAndPaginate() {
        createIndexedTable();
        for (int i = 0; i < 9; i++) {
            String pk = "p" + (i % 3);
            int sk = i;
            engine.client.putItem(b -> b.tableName("Idx").item(Map.of("pk", s(pk), "sk", n(Integer.toString(sk)),
                    "g", s("same"), "score", n(Integer.toString(100 - sk)), "payload", s("v" + sk))));
        }
        QueryResponse page = engine.client.query(b -> b.tableName("Idx").indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("same"))).limit(4));
        assertThat(page.lastEvaluatedKey()).containsOnlyKeys("g", "pk", "sk");
        assertThat(page.items().get(0)).containsOnlyKeys("g", "pk", "sk");
        List<String> all = engine.client.queryPaginator(b -> b.tableName("Idx").indexName("byG")
                        .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("same"))).limit(2))
                .items().stream().map(i -> i.get("pk").s() + "/" + i.get("sk").n()).toList();
        assertThat(all).hasSize(9).doesNotHaveDuplicates();
        assertThat(all).isEqualTo(all.stream().sorted().toList());
        assertThatThrownBy(() -> engine.client.query(b -> b.tableName("Idx").indexName("byG").consistentRead(true)
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("same")))))
                .hasMessageContaining("Consistent reads are not supported on global secondary indexes");
        assertThatThrownBy(() -> engine.client.query(b -> b.tableName("Idx").indexName("byG").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("same")))))
                .hasMessageContaining("ALL_ATTRIBUTES is not supported for global secondary index byG");

        engine.client.deleteItem(b -> b.tableName("Idx").key(Map.of("pk", s("p0"), "sk", n("0"))));
        engine.client.updateItem(b -> b.tableName("Idx").key(Map.of("pk", s("p1"), "sk", n("1")))
                .updateExpression("SET g = :o").expressionAttributeValues(Map.of(":o", s("other"))));
        assertThat(engine.client.query(b -> b.tableName("Idx").indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("same")))).count()).isEqualTo(7);
    }

    @Test
    void localIndexOrdersByIndexSortKeyAndFetchesFromTable() {
        createIndexedTable();
        for (int i = 0; i < 5; i++) {
            int sk = i;
            engine.client.putItem(b -> b.tableName("Idx").item(Map.of("pk", s("p"), "sk", n(Integer.toString(sk)),
                    "score", n(Integer.toString(10 - sk)), "payload", s("v" + sk))));
        }
        QueryResponse byScore = engine.client.query(b -> b.tableName("Idx").indexName("byScore")
                .keyConditionExpression("pk = :p AND score > :r")
                .expressionAttributeValues(Map.of(":p", s("p"), ":r", n("6"))).select(Select.ALL_ATTRIBUTES));
        assertThat(sortKeys(byScore, "score")).containsExactly("7", "8", "9", "10");
        assertThat(byScore.items().get(0)).containsKey("payload");
        QueryResponse limited = engine.client.query(b -> b.tableName("Idx").indexName("byScore")
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))).limit(2));
        assertThat(limited.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "score");
        assertThat(limited.items().get(0)).doesNotContainKey("payload");
    }

    @Test
    void projectionAndFilterOnScan() {
        engine.createTable("Proj", null);
        engine.client.putItem(b -> b.tableName("Proj").item(Map.of("pk", s("a"), "x", n("1"), "y", s("keep"))));
        engine.client.putItem(b -> b.tableName("Proj").item(Map.of("pk", s("b"), "x", n("2"))));
        ScanResponse scan = engine.client.scan(b -> b.tableName("Proj").filterExpression("x > :one")
                .projectionExpression("pk").expressionAttributeValues(Map.of(":one", n("1"))));
        assertThat(scan.items()).containsExactly(Map.of("pk", s("b")));
        assertThat(scan.scannedCount()).isEqualTo(2);
        assertThat(engine.client.scan(b -> b.tableName("Proj").scanFilter(Map.of("x",
                software.amazon.awssdk.services.dynamodb.model.Condition.builder().comparisonOperator("EQ")
                        .attributeValueList(n("1")).build()))).items().stream().map(i -> i.get("pk").s())
                .collect(Collectors.toList())).containsExactly("a");
    }
}
