package dev.dynagate.sandbox.dynamodb;

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
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** PartiQL through the unmodified SDK: each statement runs as the item operation DynamoDB would run for it. */
class PartiqlTest extends EngineTest {

    @BeforeEach
    void samples() {
        engine.createTable("Samples", ScalarAttributeType.N);
        for (int i = 1; i <= 12; i++) {
            int n = i;
            engine.client.putItem(b -> b.tableName("Samples").item(Map.of("pk", s(n <= 10 ? "exp-1" : "exp-2"),
                    "sk", n(String.valueOf(n)), "status", s(n % 2 == 0 ? "done" : "open"), "tags",
                    AttributeValue.fromSs(List.of("a", "t" + n)))));
        }
    }

    private ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return engine.client.executeStatement(b -> b.statement(statement)
                .parameters(parameters.length == 0 ? null : List.of(parameters)));
    }

    private static List<String> sortKeys(ExecuteStatementResponse response) {
        return response.items().stream().map(i -> i.get("sk").n()).toList();
    }

    @Test
    void aSelectOnThePartitionKeyReadsTheItemCollectionInSortKeyOrder() {
        assertThat(sortKeys(run("SELECT * FROM \"Samples\" WHERE pk = 'exp-1' AND sk BETWEEN 3 AND 6")))
                .containsExactly("3", "4", "5", "6");
        assertThat(sortKeys(run("select * from Samples where pk = ? and sk >= 8 order by sk desc", s("exp-1"))))
                .containsExactly("10", "9", "8");
        ExecuteStatementResponse filtered = run("SELECT sk, status FROM Samples WHERE pk = 'exp-1' AND status = "
                + "'done' AND sk < 7");
        assertThat(sortKeys(filtered)).containsExactly("2", "4", "6");
        assertThat(filtered.items().get(0)).containsOnlyKeys("sk", "status");
    }

    @Test
    void aSelectWithoutThePartitionKeyScansAndFilters() {
        ExecuteStatementResponse open = run("SELECT * FROM Samples WHERE status = 'open' AND (sk > 10 OR sk = 1)");
        assertThat(sortKeys(open)).containsExactlyInAnyOrder("1", "11");
        assertThat(run("SELECT * FROM Samples WHERE contains(tags, 't7') OR begins_with(pk, 'exp-2')").items())
                .extracting(i -> i.get("sk").n()).containsExactlyInAnyOrder("7", "11", "12");
        assertThat(run("SELECT * FROM Samples WHERE gone IS MISSING AND sk IN [1, 2, 99]").items()).hasSize(2);
        assertThat(run("SELECT * FROM Samples").items()).hasSize(12);
    }

    @Test
    void aLimitedSelectPagesWithNextToken() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ExecuteStatementResponse page = engine.client.executeStatement(b -> b.statement("SELECT * FROM Samples "
                    + "WHERE pk = 'exp-1'").limit(4).nextToken(next));
            seen.addAll(sortKeys(page));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void insertAddsAnItemAndRefusesOneWhoseKeyIsTaken() {
        run("INSERT INTO Samples VALUE {'pk': 'exp-3', 'sk': 1, 'ok': true, 'nums': <<1, 2>>, 'm': {'l': [1, 'x', "
                + "null]}, 'big': ?}", n("12345678901234567890123456789012345678"));
        Map<String, AttributeValue> item = engine.client.getItem(b -> b.tableName("Samples")
                .key(Map.of("pk", s("exp-3"), "sk", n("1")))).item();
        assertThat(item.get("ok").bool()).isTrue();
        assertThat(item.get("nums").ns()).containsExactlyInAnyOrder("1", "2");
        assertThat(item.get("m").m().get("l").l()).hasSize(3);
        assertThat(item.get("big").n()).isEqualTo("12345678901234567890123456789012345678");

        assertThatThrownBy(() -> run("INSERT INTO Samples VALUE {'pk': 'exp-3', 'sk': 1}"))
                .isInstanceOf(DuplicateItemException.class)
                .hasMessageContaining("Duplicate primary key exists in table");
    }

    @Test
    void updateChangesOneItemByItsKeyAndNeverCreatesOne() {
        ExecuteStatementResponse updated = run("UPDATE Samples SET status = 'done', hits = 1 SET tags = "
                + "set_add(tags, <<'new'>>) REMOVE gone WHERE pk = 'exp-1' AND sk = 1 RETURNING ALL NEW *");
        assertThat(updated.items()).singleElement().satisfies(i -> {
            assertThat(i.get("status").s()).isEqualTo("done");
            assertThat(i.get("tags").ss()).contains("new", "a");
        });
        run("UPDATE Samples SET hits = hits + 2 WHERE pk = 'exp-1' AND sk = 1 AND status = 'done'");
        assertThat(engine.client.getItem(b -> b.tableName("Samples").key(Map.of("pk", s("exp-1"), "sk", n("1"))))
                .item().get("hits").n()).isEqualTo("3");

        assertThatThrownBy(() -> run("UPDATE Samples SET hits = 0 WHERE pk = 'exp-1' AND sk = 1 AND status = 'open'"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> run("UPDATE Samples SET hits = 0 WHERE pk = 'nobody' AND sk = 1"))
                .as("an update never creates an item").isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> run("UPDATE Samples SET hits = 0 WHERE pk = 'exp-1'"))
                .hasMessageContaining("Where clause does not contain a mandatory equality on all key attributes");
    }

    @Test
    void deleteRemovesOneItemAndIgnoresAMissingOne() {
        ExecuteStatementResponse deleted = run("DELETE FROM Samples WHERE pk = 'exp-1' AND sk = 2 RETURNING ALL OLD *");
        assertThat(deleted.items()).singleElement().satisfies(i -> assertThat(i.get("status").s()).isEqualTo("done"));
        assertThat(run("DELETE FROM Samples WHERE pk = 'exp-1' AND sk = 2 AND status = 'x'").items())
                .as("no item there: nothing to check").isEmpty();
        assertThatThrownBy(() -> run("DELETE FROM Samples WHERE pk = 'exp-1' AND sk = 3 AND status = 'done'"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(run("SELECT * FROM Samples WHERE pk = 'exp-1'").items()).hasSize(9);
    }

    @Test
    void badStatementsAreRefusedWithAReason() {
        assertThatThrownBy(() -> run("SELEKT * FROM Samples")).hasMessageContaining("Statement wasn't well formed");
        assertThatThrownBy(() -> run("SELECT * FROM Samples WHERE pk = 'unterminated"))
                .hasMessageContaining("Unterminated string");
        assertThatThrownBy(() -> run("SELECT * FROM Samples WHERE pk = ?"))
                .hasMessageContaining("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> run("SELECT * FROM Samples ORDER BY sk"))
                .hasMessageContaining("ORDER BY");
        assertThatThrownBy(() -> run("SELECT * FROM Nowhere")).hasMessageContaining("Requested resource not found");
    }

    @Test
    void deepOrLongStatementsAreRefusedAndTheEngineServesOn() throws Exception {
        String deep = "SELECT * FROM Samples WHERE " + "(".repeat(3000) + "sk = 1" + ")".repeat(3000);
        assertThatThrownBy(() -> run(deep)).hasMessageContaining("nested more than 100 deep");
        String values = "INSERT INTO Samples VALUE {'pk': 'x', 'sk': 1, 'l': " + "[".repeat(4000) + "]".repeat(4000)
                + "}";
        assertThatThrownBy(() -> run(values)).hasMessageContaining("nested more than 100 deep");
        assertThatThrownBy(() -> run("SELECT * FROM Samples WHERE pk = '" + "x".repeat(8200) + "'"))
                .hasMessageContaining("Member must have length less than or equal to 8192");
        assertThat(engine.raw("ExecuteStatement", "{\"Statement\": 5}")).contains("SerializationException");
        assertThat(engine.raw("ExecuteStatement", "{\"Statement\": \"SELECT * FROM Samples WHERE pk = ?\", "
                + "\"Parameters\": [5]}")).contains("SerializationException");
        assertThat(run("SELECT * FROM Samples WHERE pk = 'exp-2'").items()).hasSize(2);
    }

    @Test
    void aBatchAnswersEachStatementOnItsOwn() {
        List<BatchStatementResponse> responses = engine.client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("SELECT * FROM Samples WHERE pk = 'exp-2' AND sk = 11")
                        .build(),
                BatchStatementRequest.builder().statement("INSERT INTO Samples VALUE {'pk': 'exp-2', 'sk': 11}")
                        .build(),
                BatchStatementRequest.builder().statement("UPDATE Samples SET seen = true WHERE pk = ? AND sk = ?")
                        .parameters(s("exp-2"), n("12")).build())).responses();

        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).item().get("status").s()).isEqualTo("open");
        assertThat(responses.get(1).error().codeAsString()).isEqualTo("DuplicateItem");
        assertThat(responses.get(2).error()).isNull();
        assertThat(responses.get(2).tableName()).isEqualTo("Samples");
    }

    @Test
    void aTransactionWritesAllOrNothing() {
        assertThatThrownBy(() -> engine.client.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("UPDATE Samples SET t = 1 WHERE pk = 'exp-1' AND sk = 1")
                        .build(),
                ParameterizedStatement.builder().statement("UPDATE Samples SET t = 1 WHERE pk = 'exp-1' AND sk = 2 "
                        + "AND status = 'open'").build()))).isInstanceOf(TransactionCanceledException.class);
        assertThat(engine.client.getItem(b -> b.tableName("Samples").key(Map.of("pk", s("exp-1"), "sk", n("1"))))
                .item()).doesNotContainKey("t");

        TransactionCanceledException duplicate = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> engine.client.executeTransaction(b -> b.transactStatements(
                        ParameterizedStatement.builder().statement("UPDATE Samples SET t = 1 WHERE pk = 'exp-1' AND "
                                + "sk = 1").build(),
                        ParameterizedStatement.builder().statement("INSERT INTO Samples VALUE {'pk': 'exp-1', 'sk': 2}")
                                .build())), TransactionCanceledException.class);
        assertThat(duplicate.cancellationReasons()).extracting(r -> r.code()).containsExactly("None", "DuplicateItem");
        assertThat(duplicate.getMessage()).contains("[None, DuplicateItem]");

        assertThatThrownBy(() -> engine.client.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("EXISTS(SELECT * FROM Samples WHERE pk = 'exp-1' AND sk = 3 "
                        + "AND status = 'done')").build(),
                ParameterizedStatement.builder().statement("UPDATE Samples SET t = 2 WHERE pk = 'exp-1' AND sk = 1")
                        .build()))).isInstanceOf(TransactionCanceledException.class)
                .hasMessageContaining("[ConditionalCheckFailed, None]");
        engine.client.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("EXISTS(SELECT * FROM Samples WHERE pk = 'exp-1' AND sk = 3 "
                        + "AND status = 'open')").build(),
                ParameterizedStatement.builder().statement("UPDATE Samples SET t = 2 WHERE pk = 'exp-1' AND sk = 1")
                        .build()));
        assertThat(engine.client.getItem(b -> b.tableName("Samples").key(Map.of("pk", s("exp-1"), "sk", n("1"))))
                .item().get("t").n()).as("the condition held: the update was written").isEqualTo("2");
        assertThatThrownBy(() -> run("EXISTS(SELECT * FROM Samples WHERE pk = 'exp-1' AND sk = 3)"))
                .hasMessageContaining("EXISTS is a condition of ExecuteTransaction");

        var written = engine.client.executeTransaction(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactStatements(
                        ParameterizedStatement.builder().statement("INSERT INTO Samples VALUE {'pk': 'exp-9', 'sk': 1}")
                                .build(),
                        ParameterizedStatement.builder().statement("DELETE FROM Samples WHERE pk = 'exp-2' AND sk = 12")
                                .build()));
        assertThat(written.consumedCapacity()).isNotEmpty();
        var read = engine.client.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("SELECT * FROM Samples WHERE pk = 'exp-9' AND sk = 1")
                        .build(),
                ParameterizedStatement.builder().statement("SELECT * FROM Samples WHERE pk = 'exp-2' AND sk = 12")
                        .build()));
        assertThat(read.responses()).hasSize(2);
        assertThat(read.responses().get(0).item()).containsKey("pk");
        assertThat(read.responses().get(1).item()).isEmpty();
    }
}
