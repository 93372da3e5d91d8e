package dev.dynagate.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class InProcessSeedingTest {
    @TempDir
    Path data;

    private static Map<String, AttrValue> item(String pk, String sk, String group) {
        Map<String, AttrValue> item = new LinkedHashMap<>();
        item.put("pk", new AttrValue.S(pk));
        item.put("sk", new AttrValue.S(sk));
        if (group != null) {
            item.put("group", new AttrValue.S(group));
        }
        item.put("n", new AttrValue.N(Numbers.parse("12345678901234567890123456789012345678")));
        return item;
    }

    @Test
    void callRunsAnOperationAndPutAllStoresEveryItemDurablyWithItsIndexes() throws Exception {
        try (EngineFixture engine = EngineFixture.start(data)) {
            DynamoDbComponent component = engine.sandbox.component(DynamoDbComponent.class);
            component.call("CreateTable", new ObjectMapper().readTree("""
                    {"TableName": "Seeded",
                     "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                              {"AttributeName": "sk", "AttributeType": "S"},
                                              {"AttributeName": "group", "AttributeType": "S"}],
                     "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                     "BillingMode": "PAY_PER_REQUEST",
                     "GlobalSecondaryIndexes": [{"IndexName": "byGroup",
                         "KeySchema": [{"AttributeName": "group", "KeyType": "HASH"}],
                         "Projection": {"ProjectionType": "ALL"}}]}"""));
            List<Map<String, AttrValue>> items = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                items.add(item("p" + i % 7, String.format("s%04d", i), i % 3 == 0 ? "g" + i % 2 : null));
            }
            component.putAll("Seeded", items);

            Map<String, AttrValue> wrongIndexKey = item("p", "bad", null);
            wrongIndexKey.put("group", new AttrValue.N(Numbers.parse("1")));
            assertThatThrownBy(() -> component.putAll("Seeded", List.of(wrongIndexKey)))
                    .isInstanceOf(DynamoDbError.class).hasMessageContaining("group");

            var table = engine.client.describeTable(b -> b.tableName("Seeded")).table();
            assertThat(table.itemCount()).isEqualTo(300);
            assertThat(engine.client.query(b -> b.tableName("Seeded").indexName("byGroup")
                    .keyConditionExpression("#g = :g").expressionAttributeNames(Map.of("#g", "group"))
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g0")))).count()).isEqualTo(50);
        }
        try (EngineFixture again = EngineFixture.start(data)) {
            var got = again.client.getItem(b -> b.tableName("Seeded")
                    .key(Map.of("pk", AttributeValue.fromS("p0"), "sk", AttributeValue.fromS("s0000")))).item();
            assertThat(got.get("n").n()).isEqualTo("12345678901234567890123456789012345678");
        }
    }

    @Test
    void aBadItemStoresNothingAndAnErrorIsDynamoDbs() {
        try (EngineFixture engine = EngineFixture.start(data)) {
            engine.createTable("Plain", ScalarAttributeType.S);
            DynamoDbComponent component = engine.sandbox.component(DynamoDbComponent.class);
            Map<String, AttrValue> noSortKey = new LinkedHashMap<>(item("a", "b", null));
            noSortKey.remove("sk");
            Map<String, AttrValue> huge = item("a", "huge", null);
            huge.put("blob", new AttrValue.S("x".repeat(410_000)));

            assertThatThrownBy(() -> component.putAll("Plain", List.of(item("a", "1", null), noSortKey)))
                    .isInstanceOf(DynamoDbError.class).hasMessageContaining("Missing the key sk in the item");
            assertThatThrownBy(() -> component.putAll("Plain", List.of(huge)))
                    .isInstanceOf(DynamoDbError.class).hasMessageContaining("maximum allowed size");
            assertThatThrownBy(() -> component.putAll("Missing", List.of(item("a", "1", null))))
                    .isInstanceOf(DynamoDbError.class).hasMessageContaining("not found");
            assertThatThrownBy(() -> component.call("NoSuchOperation", new ObjectMapper().createObjectNode()))
                    .isInstanceOf(DynamoDbError.class);
            assertThat(engine.client.scan(b -> b.tableName("Plain")).count()).isZero();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
