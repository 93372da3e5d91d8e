package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.key;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.n;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class ItemOperationsTest extends EngineTest {
    @BeforeEach
    void setUp() throws Exception {
        engine.createTable("Items", null);
        engine.createTable("Sorted", ScalarAttributeType.N);
    }

    @Test
    void putGetDeleteRoundTripEveryType() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("a"));
        item.put("num", n("00042.500"));
        item.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff})));
        item.put("bool", AttributeValue.fromBool(true));
        item.put("nul", AttributeValue.fromNul(true));
        item.put("list", AttributeValue.fromL(java.util.List.of(s("x"), n("1"))));
        item.put("map", AttributeValue.fromM(Map.of("inner", s(""))));
        item.put("ss", AttributeValue.fromSs(java.util.List.of("b", "a")));
        item.put("ns", AttributeValue.fromNs(java.util.List.of("1", "2.50")));
        item.put("empty", s(""));
        engine.client.putItem(b -> b.tableName("Items").item(item));
        Map<String, AttributeValue> read = engine.client.getItem(b -> b.tableName("Items").key(key("a"))).item();
        assertThat(read.get("num").n()).isEqualTo("42.5");
        assertThat(read.get("bin").b().asByteArray()).containsExactly(0, 0xff);
        assertThat(read.get("ns").ns()).containsExactlyInAnyOrder("1", "2.5");
        assertThat(read.get("map").m().get("inner").s()).isEmpty();
        assertThat(read).hasSize(item.size());

        Map<String, AttributeValue> old = engine.client.deleteItem(b -> b.tableName("Items").key(key("a"))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertThat(old.get("pk").s()).isEqualTo("a");
        assertThat(engine.client.getItem(b -> b.tableName("Items").key(key("a"))).hasItem()).isFalse();
    }

    @Test
    void putReturnsOldItemOnlyWhenAsked() {
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"), "v", n("1"))));
        assertThat(engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"), "v", n("2")))).hasAttributes()).isFalse();
        assertThat(engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"), "v", n("3")))
                .returnValues(ReturnValue.ALL_OLD)).attributes().get("v").n()).isEqualTo("2");
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a")))
                .returnValues(ReturnValue.ALL_NEW))).hasMessageContaining("ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void updateItemReturnValues() {
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"), "x", n("1"), "y", s("keep"))));
        UpdateItemResponse allNew = engine.client.updateItem(b -> b.tableName("Items").key(key("a"))
                .updateExpression("SET x = x + :one").expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.ALL_NEW));
        assertThat(allNew.attributes()).containsEntry("x", n("2")).containsEntry("y", s("keep"));
        UpdateItemResponse updatedOld = engine.client.updateItem(b -> b.tableName("Items").key(key("a"))
                .updateExpression("SET x = :v").expressionAttributeValues(Map.of(":v", n("10")))
                .returnValues(ReturnValue.UPDATED_OLD));
        assertThat(updatedOld.attributes()).containsOnlyKeys("x").containsEntry("x", n("2"));
        UpdateItemResponse updatedNew = engine.client.updateItem(b -> b.tableName("Items").key(key("a"))
                .updateExpression("SET z = :v").expressionAttributeValues(Map.of(":v", n("5")))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(updatedNew.attributes()).containsOnlyKeys("z");
        UpdateItemResponse allOld = engine.client.updateItem(b -> b.tableName("Items").key(key("a"))
                .updateExpression("REMOVE z").returnValues(ReturnValue.ALL_OLD));
        assertThat(allOld.attributes()).containsKeys("pk", "x", "y", "z");
        assertThat(engine.client.updateItem(b -> b.tableName("Items").key(key("a"))
                .updateExpression("REMOVE y")).hasAttributes()).isFalse();
        engine.client.updateItem(b -> b.tableName("Items").key(key("a")).updateExpression("SET m = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromM(Map.of("p", n("1"), "q", n("2"))))));
        UpdateItemResponse nested = engine.client.updateItem(b -> b.tableName("Items").key(key("a"))
                .updateExpression("SET m.p = :v").expressionAttributeValues(Map.of(":v", n("9")))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(nested.attributes()).isEqualTo(Map.of("m", AttributeValue.fromM(Map.of("p", n("9")))));
    }

    @Test
    void updateCreatesMissingItemAndRejectsKeyChanges() {
        engine.client.updateItem(b -> b.tableName("Items").key(key("new"))
                .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n("1"))));
        assertThat(engine.client.getItem(b -> b.tableName("Items").key(key("new"))).item())
                .containsEntry("hits", n("1")).containsEntry("pk", s("new"));
        assertThatThrownBy(() -> engine.client.updateItem(b -> b.tableName("Items").key(key("new"))
                .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("other")))))
                .hasMessageContaining("Cannot update attribute pk. This attribute is part of the key");
    }

    private Map<String, AttributeValue> updated(String expression, ReturnValue mode,
                                                Map<String, AttributeValue> values) {
        UpdateItemResponse response = engine.client.updateItem(b -> b.tableName("Items").key(key("doc"))
                .updateExpression(expression).returnValues(mode)
                .expressionAttributeValues(values.isEmpty() ? null : values));
        return response.hasAttributes() ? response.attributes() : null;
    }

    private static AttributeValue list(String... numbers) {
        return AttributeValue.fromL(java.util.Arrays.stream(numbers).map(EngineFixture::n).toList());
    }

    /**
     * UPDATED_OLD and UPDATED_NEW read the paths the update wrote, on the item before and after, as DynamoDB does:
     * nothing for a path missing on that side, and the element now at a removed list index.
     */
    @Test
    void updatedValuesAreTheWrittenPathsBeforeAndAfter() {
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("doc"), "l", list("1", "2"),
                "a", AttributeValue.fromM(Map.of("b", s("dog"), "c", list("1", "2", "3"))))));
        assertThat(updated("SET l = list_append(l, :one)", ReturnValue.UPDATED_NEW, Map.of(":one", list("3"))))
                .isEqualTo(Map.of("l", list("1", "2", "3")));
        assertThat(updated("SET a.b = :v", ReturnValue.UPDATED_OLD, Map.of(":v", s("cat"))))
                .isEqualTo(Map.of("a", AttributeValue.fromM(Map.of("b", s("dog")))));
        assertThat(updated("SET a.b = :v", ReturnValue.UPDATED_OLD, Map.of(":v", s("cat"))))
                .as("the same value written again is still an update")
                .isEqualTo(Map.of("a", AttributeValue.fromM(Map.of("b", s("cat")))));
        assertThat(updated("SET a.c[1] = :v", ReturnValue.UPDATED_NEW, Map.of(":v", n("7"))))
                .isEqualTo(Map.of("a", AttributeValue.fromM(Map.of("c", list("7")))));
        assertThat(updated("REMOVE a.c[1], a.c[5]", ReturnValue.UPDATED_OLD, Map.of()))
                .isEqualTo(Map.of("a", AttributeValue.fromM(Map.of("c", list("7")))));
        assertThat(updated("SET a.x = :v", ReturnValue.UPDATED_OLD, Map.of(":v", n("8")))).isNull();
        assertThat(updated("SET a.c[100] = :v", ReturnValue.UPDATED_NEW, Map.of(":v", n("70")))).isNull();
        // a.c is now [1, 3, 70]: removing a.c[1] leaves 70 at index 1, and that is the new value there
        assertThat(updated("REMOVE a.c[1]", ReturnValue.UPDATED_NEW, Map.of()))
                .isEqualTo(Map.of("a", AttributeValue.fromM(Map.of("c", list("70")))));
        assertThat(updated("REMOVE l", ReturnValue.UPDATED_NEW, Map.of())).isNull();
    }

    /** As on DynamoDB: an update that only takes away creates nothing; any other update, even an empty one, does. */
    @Test
    void anUpdateThatOnlyRemovesDoesNotCreateAMissingItem() {
        UpdateItemResponse removed = engine.client.updateItem(b -> b.tableName("Items").key(key("ghost"))
                .updateExpression("REMOVE b, m.x").returnValues(ReturnValue.ALL_NEW));
        assertThat(removed.hasAttributes()).isFalse();
        engine.client.updateItem(b -> b.tableName("Items").key(key("ghost"))
                .updateExpression("DELETE tags :t").expressionAttributeValues(Map.of(":t",
                        AttributeValue.fromSs(java.util.List.of("a")))));
        engine.client.updateItem(b -> b.tableName("Items").key(key("ghost")).attributeUpdates(Map.of("b",
                software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate.builder()
                        .action(software.amazon.awssdk.services.dynamodb.model.AttributeAction.DELETE).build())));
        assertThat(engine.client.getItem(b -> b.tableName("Items").key(key("ghost"))).hasItem()).isFalse();

        UpdateItemResponse empty = engine.client.updateItem(b -> b.tableName("Items").key(key("ghost"))
                .attributeUpdates(Map.of()).returnValues(ReturnValue.ALL_NEW));
        assertThat(empty.attributes()).isEqualTo(Map.of("pk", s("ghost")));
        assertThat(engine.client.getItem(b -> b.tableName("Items").key(key("ghost"))).item())
                .isEqualTo(Map.of("pk", s("ghost")));
        // on an item that exists, a REMOVE is an ordinary update
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("real"), "b", s("x"))));
        assertThat(engine.client.updateItem(b -> b.tableName("Items").key(key("real")).updateExpression("REMOVE b")
                .returnValues(ReturnValue.ALL_NEW)).attributes()).isEqualTo(Map.of("pk", s("real")));
    }

    @Test
    void conditionsAndReturnValuesOnFailure() {
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"), "v", n("1"))));
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a")))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageContaining("The conditional request failed")
                .satisfies(e -> assertThat(((ConditionalCheckFailedException) e).item()).isEmpty());
        assertThatThrownBy(() -> engine.client.deleteItem(b -> b.tableName("Items").key(key("a"))
                .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n("2")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .satisfies(e -> assertThat(((ConditionalCheckFailedException) e).item()).containsEntry("v", n("1")));
        engine.client.updateItem(b -> b.tableName("Items").key(key("a")).updateExpression("SET v = :two")
                .conditionExpression("v = :one").expressionAttributeValues(Map.of(":one", n("1"), ":two", n("2"))));
        assertThat(engine.client.getItem(b -> b.tableName("Items").key(key("a"))).item().get("v").n()).isEqualTo("2");
    }

    @Test
    void legacyParametersWorkAndCannotBeMixed() {
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"), "v", n("1"))));
        assertThatThrownBy(() -> engine.client.getItem(b -> b.tableName("Items").key(key("a"))
                .attributesToGet("v").projectionExpression("v")))
                .hasMessageContaining("Can not use both expression and non-expression parameters in the same request");
        assertThat(engine.client.getItem(b -> b.tableName("Items").key(key("a")).attributesToGet("v")).item())
                .containsOnlyKeys("v");
    }

    /** ConditionalOperator joins two or more legacy conditions: DynamoDB refuses fewer, and expressions next to it. */
    @Test
    void conditionalOperatorNeedsTwoLegacyConditions() {
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"), "v", n("1"), "w", n("2"))));
        String without = "ConditionalOperator cannot be used without Filter or Expected";
        String one = "ConditionalOperator can only be used when Filter or Expected has two or more elements";
        var eq1 = software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder().value(n("1")).build();
        var eq9 = software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder().value(n("9")).build();
        var or = software.amazon.awssdk.services.dynamodb.model.ConditionalOperator.OR;
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("b")))
                .conditionalOperator(or))).hasMessageContaining(without);
        assertThatThrownBy(() -> engine.client.deleteItem(b -> b.tableName("Items").key(key("a"))
                .expected(Map.of()).conditionalOperator(or))).hasMessageContaining(without);
        assertThatThrownBy(() -> engine.client.deleteItem(b -> b.tableName("Items").key(key("a"))
                .expected(Map.of("v", eq1)).conditionalOperator(or))).hasMessageContaining(one);
        assertThatThrownBy(() -> engine.client.scan(b -> b.tableName("Items").conditionalOperator(or)))
                .hasMessageContaining(without);
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("b")))
                .conditionalOperator(or).conditionExpression("attribute_not_exists(pk)")))
                .hasMessageContaining("Non-expression parameters: {ConditionalOperator} "
                        + "Expression parameters: {ConditionExpression}");
        // with two conditions, OR needs only one of them
        engine.client.updateItem(b -> b.tableName("Items").key(key("a")).expected(Map.of("v", eq9, "w",
                        software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder().value(n("2"))
                                .build()))
                .conditionalOperator(or).updateExpression(null).attributeUpdates(Map.of("x",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate.builder().value(n("3"))
                                .action(software.amazon.awssdk.services.dynamodb.model.AttributeAction.PUT).build())));
        assertThat(engine.client.getItem(b -> b.tableName("Items").key(key("a"))).item()).containsEntry("x", n("3"));
    }

    @Test
    void keysAreValidated() {
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", n("1")))))
                .hasMessageContaining("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Items").item(Map.of("other", s("1")))))
                .hasMessageContaining("One or more parameter values were invalid: Missing the key pk in the item");
        assertThatThrownBy(() -> engine.client.getItem(b -> b.tableName("Items").key(Map.of("pk", s("a"), "x", s("b")))))
                .hasMessageContaining("The provided key element does not match the schema");
        assertThatThrownBy(() -> engine.client.getItem(b -> b.tableName("Sorted").key(key("a"))))
                .hasMessageContaining("The provided key element does not match the schema");
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("")))))
                .hasMessageContaining("The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("x".repeat(2049))))))
                .hasMessageContaining("Size of hashkey has exceeded the maximum size limit of2048 bytes");
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Items")
                .item(Map.of("pk", s("a"), "big", s("x".repeat(409_600))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
    }

    @Test
    void consumedCapacityFollowsDynamoDbArithmetic() {
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("a"), "blob", s("x".repeat(5000)))));
        ConsumedCapacity write = engine.client.putItem(b -> b.tableName("Items")
                .item(Map.of("pk", s("a"), "blob", s("x".repeat(1500))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(write.capacityUnits()).isEqualTo(5.0);
        assertThat(write.tableName()).isEqualTo("Items");
        ConsumedCapacity eventual = engine.client.getItem(b -> b.tableName("Items").key(key("a"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(eventual.capacityUnits()).isEqualTo(0.5);
        ConsumedCapacity missing = engine.client.getItem(b -> b.tableName("Items").key(key("zzz")).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(missing.capacityUnits()).isEqualTo(1.0);
        assertThat(missing.table().capacityUnits()).isEqualTo(1.0);
    }

    private static AttributeValue nestedMaps(int maps) {
        AttributeValue value = s("leaf");
        for (int i = 0; i < maps; i++) {
            value = AttributeValue.fromM(Map.of("a", value));
        }
        return value;
    }

    /**
     * As recorded from DynamoDB (31 of 33 regions, 2026-10): the single-item writes hold a value they only compare
     * with to the nesting limit too, in the current layer's envelope; a transaction's older layer does not.
     */
    @Test
    void aDeepValueOnlyComparedWithIsRefusedBySingleItemWritesOnly() {
        engine.createTable("Deep", null);
        Map<String, AttributeValue> deep = Map.of(":d", nestedMaps(33));
        String refused = "1 validation error detected: Nesting Levels have exceeded supported limits";
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Deep").item(Map.of("pk", s("a")))
                .conditionExpression("attribute_not_exists(pk) OR :d = :d").expressionAttributeValues(deep)))
                .hasMessageStartingWith(refused);
        assertThatThrownBy(() -> engine.client.updateItem(b -> b.tableName("Deep").key(EngineFixture.key("a"))
                .updateExpression("SET v = :s").conditionExpression(":d = :d")
                .expressionAttributeValues(Map.of(":d", nestedMaps(33), ":s", s("x")))))
                .hasMessageStartingWith(refused);
        assertThatThrownBy(() -> engine.client.deleteItem(b -> b.tableName("Deep").key(EngineFixture.key("a"))
                .conditionExpression("attribute_exists(pk) OR :d = :d").expressionAttributeValues(deep)))
                .hasMessageStartingWith(refused);
        engine.client.putItem(b -> b.tableName("Deep").item(Map.of("pk", s("a"))));
        engine.client.transactWriteItems(b -> b.transactItems(t -> t.conditionCheck(c -> c.tableName("Deep")
                .key(EngineFixture.key("a")).conditionExpression("attribute_exists(pk) OR :d = :d")
                .expressionAttributeValues(deep))));
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.transactItems(t -> t.update(u -> u
                .tableName("Deep").key(EngineFixture.key("a")).updateExpression("SET v = :d")
                .expressionAttributeValues(deep)))))
                .isInstanceOf(TransactionCanceledException.class);
    }

    /** An update that nests a value deeper than a request may is refused, as a PutItem of the result would be. */
    @Test
    void anUpdateMayNotNestDeeperThanAnItemMay() {
        engine.createTable("Deep", null);
        engine.client.putItem(b -> b.tableName("Deep").item(Map.of("pk", s("n"), "a", AttributeValue.fromM(Map.of()))));
        assertThatThrownBy(() -> engine.client.updateItem(b -> b.tableName("Deep").key(EngineFixture.key("n"))
                .updateExpression("SET a.b = :v").expressionAttributeValues(Map.of(":v", nestedMaps(31)))))
                .hasMessageStartingWith("Nesting Levels have exceeded supported limits");
        engine.client.updateItem(b -> b.tableName("Deep").key(EngineFixture.key("n"))
                .updateExpression("SET a.b = :v").expressionAttributeValues(Map.of(":v", nestedMaps(30))));
        Map<String, AttributeValue> stored = engine.client.getItem(b -> b.tableName("Deep")
                .key(EngineFixture.key("n"))).item();
        engine.client.putItem(b -> b.tableName("Deep").item(stored));
    }
}
