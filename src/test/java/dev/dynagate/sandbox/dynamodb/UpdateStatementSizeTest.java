package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.n;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * UpdateItem's statement-sized limit as measured against DynamoDB (eu-west-2, 2026-08 and 2026-10; 31 of 33 regions):
 * besides the finished item, the update is charged 3 bytes, plus 19 and the target for each SET or ADD with what it
 * writes from the request, plus 1 and the target for each REMOVE or DELETE, and that charge may not pass 409,600.
 */
class UpdateStatementSizeTest extends EngineTest {
    private static final int MAX = 409_600;
    private static final String TOO_LARGE = "Item size to update has exceeded the maximum allowed size";
    private int cases;

    @BeforeEach
    void table() {
        engine.createTable("Sized", null);
    }

    @Test
    void aShortKeyLowersTheCeilingBelowTheItemLimit() {
        // 3 for the update, 19 for the SET, 1 for its target b, and the padding: the one-byte key does not count
        int padding = MAX - 3 - 19 - 1;
        assertThat(setB("K", padding)).isEqualTo(1 + 2 + 1 + padding);
        assertThatThrownBy(() -> setB("L", padding + 1)).hasMessageStartingWith(TOO_LARGE);
        assertThat(engine.client.getItem(b -> b.tableName("Sized").key(key("L"))).hasItem()).isFalse();
    }

    @Test
    void aLongKeyLeavesTheFinishedItemAsTheLimit() {
        String longKey = "k".repeat(100);
        int padding = MAX - (2 + 100) - 1;
        assertThat(setB(longKey, padding)).isEqualTo(MAX);
        assertThatThrownBy(() -> setB("m".repeat(100), padding + 1)).hasMessageStartingWith(TOO_LARGE);
    }

    @Test
    void eachKindOfClauseIsChargedForTheRequestNotTheItem() {
        int base = MAX - 3 - 19 - 1;
        // a path operand: 1, plus 14 and its name; the value it copies is free
        assertCeiling(Map.of("abcdefghij", s("y".repeat(10))), "SET b = :pad, c = abcdefghij", Map.of(),
                base - (19 + 1 + 1 + 14 + 10));
        // REMOVE: 1 and its target
        assertCeiling(Map.of("r", s("z")), "SET b = :pad REMOVE r", Map.of(), base - 2);
        // an addition: 34, plus both operands, whatever the result
        assertCeiling(Map.of("n", n("12345678901234567890")), "SET b = :pad, n = n + :one", Map.of(":one", n("1")),
                base - (19 + 1 + 34 + (1 + 14 + 1) + 2));
        // ADD to a set: 19, the target and only the members it adds
        assertCeiling(Map.of("ss", AttributeValue.fromSs(List.of("ppppp"))), "SET b = :pad ADD ss :new",
                Map.of(":new", AttributeValue.fromSs(List.of("s".repeat(500)))), base - (19 + 2 + 500));
        // if_not_exists with a document: 39, the path and the map's own size (3, then 1, the key and the value)
        assertCeiling(Map.of(), "SET b = :pad, c = if_not_exists(c, :m)",
                Map.of(":m", AttributeValue.fromM(Map.of("a", s("y".repeat(100))))),
                base - (19 + 1 + 39 + (1 + 14 + 1) + (3 + 1 + 1 + 100)));
    }

    @Test
    void theChargeIsCheckedBeforeTheCondition() {
        int padding = MAX - 3 - 19 - 1 + 1;
        assertThatThrownBy(() -> engine.client.updateItem(b -> b.tableName("Sized").key(key("Q"))
                .updateExpression("SET b = :pad").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":pad", s("x".repeat(padding))))))
                .hasMessageStartingWith(TOO_LARGE);
    }

    @Test
    void transactionsAndAttributeUpdatesMeasureTheFinishedItemOnly() {
        int padding = MAX - 3 - 1;
        engine.client.transactWriteItems(b -> b.transactItems(t -> t.update(u -> u.tableName("Sized").key(key("T"))
                .updateExpression("SET b = :pad").expressionAttributeValues(Map.of(":pad", s("x".repeat(padding)))))));
        assertThat(stored("T")).isEqualTo(MAX);
        engine.client.updateItem(b -> b.tableName("Sized").key(key("U")).attributeUpdates(Map.of("b",
                AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("x".repeat(padding))).build())));
        assertThat(stored("U")).isEqualTo(MAX);
    }

    /** Accepted at this padding and refused one byte over, each on a fresh item seeded with {@code seed}. */
    private void assertCeiling(Map<String, AttributeValue> seed, String expression,
                               Map<String, AttributeValue> values, int padding) {
        for (int extra = 0; extra <= 1; extra++) {
            // a short key, so that the charge, not the finished item, is what binds
            String pk = "C" + (cases++) + extra;
            Map<String, AttributeValue> item = new HashMap<>(seed);
            item.put("pk", s(pk));
            engine.client.putItem(b -> b.tableName("Sized").item(item));
            Map<String, AttributeValue> withPadding = new HashMap<>(values);
            withPadding.put(":pad", s("x".repeat(padding + extra)));
            Runnable update = () -> engine.client.updateItem(b -> b.tableName("Sized").key(key(pk))
                    .updateExpression(expression).expressionAttributeValues(withPadding));
            if (extra == 0) {
                update.run();
            } else {
                assertThatThrownBy(update::run).as(expression).isInstanceOf(DynamoDbException.class)
                        .hasMessageStartingWith(TOO_LARGE);
            }
        }
    }

    private long setB(String pk, int padding) {
        engine.client.updateItem(b -> b.tableName("Sized").key(key(pk)).updateExpression("SET b = :pad")
                .expressionAttributeValues(Map.of(":pad", s("x".repeat(padding)))));
        return stored(pk);
    }

    /** The stored item's size by DynamoDB's rules, for an item of ASCII strings only. */
    private long stored(String pk) {
        Map<String, AttributeValue> item = engine.client.getItem(b -> b.tableName("Sized").key(key(pk))
                .consistentRead(true)).item();
        return item.entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().s().length()).sum();
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }
}
