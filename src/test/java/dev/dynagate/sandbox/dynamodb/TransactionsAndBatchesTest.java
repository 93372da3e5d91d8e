package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.key;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.n;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class TransactionsAndBatchesTest extends EngineTest {
    @BeforeEach
    void setUp() throws Exception {
        engine.createTable("Accounts", null);
        engine.createTable("Audit", null);
    }

    private Map<String, AttributeValue> get(String table, String pk) {
        return engine.client.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)).item();
    }

    @Test
    void transactionCommitsEveryActionAcrossTables() {
        engine.client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s("alice"), "balance", n("100"))));
        engine.client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s("bob"), "balance", n("0"))));
        engine.client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s("closed"))));
        engine.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(key("alice"))
                        .updateExpression("SET balance = balance - :amt").conditionExpression("balance >= :amt")
                        .expressionAttributeValues(Map.of(":amt", n("30")))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(key("bob"))
                        .updateExpression("SET balance = balance + :amt").expressionAttributeValues(Map.of(":amt", n("30")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("Audit").item(Map.of("pk", s("t1")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("Accounts").key(key("closed"))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("Audit").key(key("t0"))
                        .conditionExpression("attribute_not_exists(pk)")).build()));
        assertThat(get("Accounts", "alice")).containsEntry("balance", n("70"));
        assertThat(get("Accounts", "bob")).containsEntry("balance", n("30"));
        assertThat(get("Audit", "t1")).isNotEmpty();
        assertThat(get("Accounts", "closed")).isEmpty();
    }

    @Test
    void aTransactionOverFourMegabytesIsRefusedWhole() {
        String big = "x".repeat(390_000);
        List<TransactWriteItem> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            int n = i;
            eleven.add(TransactWriteItem.builder().put(p -> p.tableName("Audit")
                    .item(Map.of("pk", s("big-" + n), "blob", s(big)))).build());
        }
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.transactItems(eleven)))
                .hasMessageContaining("Transaction request cannot be larger than 4 MB");
        assertThat(get("Audit", "big-0")).isEmpty();

        engine.client.transactWriteItems(b -> b.transactItems(eleven.subList(0, 10)));
        assertThat(get("Audit", "big-9")).isNotEmpty();
    }

    @Test
    void failedTransactionChangesNothingAndReportsReasonsInOrder() {
        engine.client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s("alice"), "balance", n("10"))));
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Audit").item(Map.of("pk", s("t1")))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(key("alice"))
                        .updateExpression("SET balance = balance - :amt").conditionExpression("balance >= :amt")
                        .expressionAttributeValues(Map.of(":amt", n("30")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())))
                .isInstanceOf(TransactionCanceledException.class)
                .hasMessageContaining("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]")
                .satisfies(e -> {
                    List<CancellationReason> reasons = ((TransactionCanceledException) e).cancellationReasons();
                    assertThat(reasons).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed");
                    assertThat(reasons.get(1).item()).containsEntry("balance", n("10"));
                });
        assertThat(get("Audit", "t1")).isEmpty();
        assertThat(get("Accounts", "alice")).containsEntry("balance", n("10"));
    }

    /** An item whose key is invalid cancels the transaction with a ValidationError; nothing after it is checked. */
    @Test
    void anInvalidItemCancelsTheTransactionWithAValidationErrorReason() {
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Audit").item(Map.of("pk", s("ok")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("Audit").item(Map.of("pk", n("7")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("Audit").item(Map.of("pk", n("8")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("Audit").item(Map.of("pk", s("cond")))
                        .conditionExpression("attribute_exists(pk)")).build())))
                .isInstanceOf(TransactionCanceledException.class)
                .hasMessageContaining("[None, ValidationError, None, None]")
                .satisfies(e -> {
                    List<CancellationReason> reasons = ((TransactionCanceledException) e).cancellationReasons();
                    assertThat(reasons.get(1).message()).contains("Type mismatch for key pk expected: S actual: N");
                    assertThat(reasons.get(2).message()).isNull();
                });
        assertThat(get("Audit", "ok")).isEmpty();
    }

    /** An empty key value or an item too large is refused for the whole request: DynamoDB checks them first. */
    @Test
    void anEmptyKeyValueOrAnItemTooLargeRefusesATransactionInsteadOfCancellingIt() {
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Audit").item(Map.of("pk", s("ok")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("Audit").key(key(""))).build())))
                .isNotInstanceOf(TransactionCanceledException.class)
                .hasMessageStartingWith("One or more parameter values are not valid. The AttributeValue for a key "
                        + "attribute cannot contain an empty string value. Key: pk");
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Audit")
                        .item(Map.of("pk", s("big"), "body", s("x".repeat(409_600))))).build())))
                .isNotInstanceOf(TransactionCanceledException.class)
                .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
        assertThatThrownBy(() -> engine.client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("Audit").key(Map.of())).build())))
                .isInstanceOf(TransactionCanceledException.class)
                .hasMessageContaining("[ValidationError]");
        assertThat(get("Audit", "ok")).isEmpty();
    }

    @Test
    void transactionCapacityIsSplitIntoWriteUnitsAndAReplayIsChargedAsReads() {
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName("Audit")
                .item(Map.of("pk", s("big"), "body", s("x".repeat(1536))))).build();
        var first = engine.client.transactWriteItems(b -> b.clientRequestToken("t-cap").transactItems(put)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity().get(0);
        assertThat(first.writeCapacityUnits()).isEqualTo(4.0);
        assertThat(first.readCapacityUnits()).isNull();
        assertThat(first.table().writeCapacityUnits()).isEqualTo(4.0);
        var replay = engine.client.transactWriteItems(b -> b.clientRequestToken("t-cap").transactItems(put)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().get(0);
        assertThat(replay.readCapacityUnits()).isEqualTo(2.0);
        assertThat(replay.writeCapacityUnits()).isNull();

        var read = engine.client.transactGetItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .transactItems(TransactGetItem.builder().get(g -> g.tableName("Audit").key(key("big"))).build()))
                .consumedCapacity().get(0);
        assertThat(read.table().readCapacityUnits()).isEqualTo(2.0);
        var single = engine.client.getItem(b -> b.tableName("Audit").key(key("big"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(single.readCapacityUnits()).as("only transactions split their units").isNull();
    }

    @Test
    void transactGetRefusesTwoGetsOfOneItemAndLeavesOutAnItemItsProjectionEmpties() {
        engine.client.putItem(b -> b.tableName("Audit").item(Map.of("pk", s("p"), "real", s("r"))));
        assertThatThrownBy(() -> engine.client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("Audit").key(key("p"))).build(),
                TransactGetItem.builder().get(g -> g.tableName("Audit").key(key("p"))).build())))
                .hasMessageContaining("Transaction request cannot include multiple operations on one item");
        var responses = engine.client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("Audit").key(key("p"))
                        .projectionExpression("nothing")).build())).responses();
        assertThat(responses.get(0).hasItem()).isFalse();
    }

    @Test
    void transactionRejectsTwoActionsOnOneItem() {
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Audit").item(Map.of("pk", s("x")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("Audit").key(key("x"))).build())))
                .hasMessageContaining("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void clientRequestTokenMakesTransactionIdempotent() {
        engine.client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s("c"), "n", n("0"))));
        for (int i = 0; i < 3; i++) {
            engine.client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(key("c"))
                            .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1")))).build()));
        }
        assertThat(get("Accounts", "c")).containsEntry("n", n("1"));
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(
                TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(key("c"))
                        .updateExpression("ADD n :two").expressionAttributeValues(Map.of(":two", n("2")))).build())))
                .hasMessageContaining("client token");
    }

    @Test
    void aClientRequestTokenIsRememberedAcrossARestartAndASnapshot() throws Exception {
        engine.client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s("c"), "n", n("0"))));
        TransactWriteItem addOne = TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(key("c"))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1")))).build();
        engine.client.transactWriteItems(b -> b.clientRequestToken("kept-1").transactItems(addOne));
        engine.client.transactWriteItems(b -> b.clientRequestToken("kept-2").transactItems(addOne));

        engine = engine.restart();
        engine.client.transactWriteItems(b -> b.clientRequestToken("kept-1").transactItems(addOne));
        assertThat(get("Accounts", "c")).as("replayed from the log").containsEntry("n", n("2"));

        engine.sandbox.component(DynamoDbComponent.class).database().checkpoint();
        engine = engine.restart();
        engine.client.transactWriteItems(b -> b.clientRequestToken("kept-2").transactItems(addOne));
        assertThat(get("Accounts", "c")).as("replayed from the snapshot").containsEntry("n", n("2"));
        assertThatThrownBy(() -> engine.client.transactWriteItems(b -> b.clientRequestToken("kept-2").transactItems(
                TransactWriteItem.builder().delete(d -> d.tableName("Accounts").key(key("c"))).build())))
                .hasMessageContaining("client token");
        engine.client.transactWriteItems(b -> b.clientRequestToken("new-3").transactItems(addOne));
        assertThat(get("Accounts", "c")).containsEntry("n", n("3"));
    }

    @Test
    void transactGetReadsInOrderWithEmptyResponsesForMissingItems() {
        engine.client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s("a"), "v", n("1"), "w", n("2"))));
        var responses = engine.client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("Accounts").key(key("missing"))).build(),
                TransactGetItem.builder().get(g -> g.tableName("Accounts").key(key("a")).projectionExpression("v")).build()))
                .responses();
        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).hasItem()).isFalse();
        assertThat(responses.get(1).item()).containsOnlyKeys("v");
    }

    /** As recorded from DynamoDB: a transaction's element may carry placeholders it has no expression for. */
    @Test
    void transactionElementsMayCarryPlaceholdersWithoutAnExpression() {
        engine.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Accounts").item(Map.of("pk", s("p"), "v", n("1")))
                        .expressionAttributeNames(Map.of("#n", "v"))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("Accounts").key(key("gone"))
                        .expressionAttributeValues(Map.of(":v", n("1")))).build()));
        var responses = engine.client.transactGetItems(b -> b.transactItems(TransactGetItem.builder()
                .get(g -> g.tableName("Accounts").key(key("p")).expressionAttributeNames(Map.of("#n", "v"))).build()))
                .responses();
        assertThat(responses.get(0).item()).containsEntry("v", n("1"));
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Accounts").item(Map.of("pk", s("q")))
                .expressionAttributeNames(Map.of("#n", "v"))))
                .hasMessageStartingWith("1 validation error detected: ExpressionAttributeNames can only be specified "
                        + "when using expressions");
    }

    @Test
    void oneBatchGetProjectsEveryTableTheSameWay() {
        assertThatThrownBy(() -> engine.client.batchGetItem(b -> b.requestItems(Map.of(
                "Accounts", KeysAndAttributes.builder().keys(key("a")).projectionExpression("pk").build(),
                "Audit", KeysAndAttributes.builder().keys(key("b")).attributesToGet("pk").build()))))
                .hasMessageContaining("Can not use both expression and non-expression parameters in the same request");
        assertThatThrownBy(() -> engine.client.batchWriteItem(b -> b.requestItems(Map.of())))
                .hasMessageContaining("The requestItems parameter is required for BatchWriteItem");
    }

    @Test
    void batchWriteAndBatchGet() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("k" + i), "i", n(Integer.toString(i)))).build()).build());
        }
        var written = engine.client.batchWriteItem(b -> b.requestItems(Map.of("Accounts", writes))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(written.unprocessedItems()).isEmpty();
        assertThat(written.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(25.0));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add(key("k" + i));
        }
        BatchGetItemResponse read = engine.client.batchGetItem(b -> b.requestItems(Map.of("Accounts",
                KeysAndAttributes.builder().keys(keys).projectionExpression("i").build())));
        assertThat(read.responses().get("Accounts")).hasSize(25).allSatisfy(i -> assertThat(i).containsOnlyKeys("i"));
        assertThat(read.unprocessedKeys()).isEmpty();

        List<WriteRequest> tooMany = new ArrayList<>(writes);
        tooMany.add(WriteRequest.builder().deleteRequest(d -> d.key(key("z"))).build());
        assertThatThrownBy(() -> engine.client.batchWriteItem(b -> b.requestItems(Map.of("Accounts", tooMany))))
                .hasMessageContaining("Member must have length less than or equal to 25");
        assertThatThrownBy(() -> engine.client.batchGetItem(b -> b.requestItems(Map.of("Accounts",
                KeysAndAttributes.builder().keys(key("a"), key("a")).build()))))
                .hasMessageContaining("Provided list of item keys contains duplicates");
        List<Map<String, AttributeValue>> hundredOne = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            hundredOne.add(key("q" + i));
        }
        assertThatThrownBy(() -> engine.client.batchGetItem(b -> b.requestItems(Map.of("Accounts",
                KeysAndAttributes.builder().keys(hundredOne).build()))))
                .hasMessageContaining("Value at 'RequestItems.Accounts.member.Keys' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 100");
        assertThatThrownBy(() -> engine.client.batchGetItem(b -> b.requestItems(Map.of(
                "Accounts", KeysAndAttributes.builder().keys(hundredOne.subList(0, 60)).build(),
                "Audit", KeysAndAttributes.builder().keys(hundredOne.subList(60, 101)).build()))))
                .hasMessageContaining("Too many items requested for the BatchGetItem call");
    }

    /** A BatchGetItem answers at most 16 MB of items; the keys it did not reach come back to be asked again. */
    @Test
    void batchGetStopsAtSixteenMegabytesAndReturnsTheRestAsUnprocessedKeys() {
        engine.createTable("Big", null);
        String payload = "x".repeat(390_000);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            Map<String, AttributeValue> key = key("big" + i);
            keys.add(key);
            Map<String, AttributeValue> item = new java.util.HashMap<>(key);
            item.put("a", s(payload));
            engine.client.putItem(b -> b.tableName("Big").item(item));
        }
        BatchGetItemResponse first = engine.client.batchGetItem(b -> b.requestItems(Map.of("Big",
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
        int answered = first.responses().get("Big").size();
        assertThat(answered).isBetween(40, 44);
        KeysAndAttributes again = first.unprocessedKeys().get("Big");
        assertThat(again.keys()).hasSize(45 - answered);
        assertThat(again.consistentRead()).isTrue();
        BatchGetItemResponse second = engine.client.batchGetItem(b -> b.requestItems(first.unprocessedKeys()));
        assertThat(second.responses().get("Big")).hasSize(45 - answered);
        assertThat(second.unprocessedKeys()).isEmpty();
    }
}
