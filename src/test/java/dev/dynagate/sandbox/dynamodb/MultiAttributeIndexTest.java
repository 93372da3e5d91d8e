package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.def;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.key;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.n;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Global secondary indexes keyed by several HASH and several RANGE attributes, as DynamoDB now allows: the schema
 * rules, which items the index holds, and how a Query reads it.
 */
class MultiAttributeIndexTest extends EngineTest {
    @BeforeEach
    void setUp() throws Exception {
        // matches by tournament and region; within one, by round, then bracket, then match number
        engine.client.createTable(b -> b.tableName("Matches").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("tournamentId", ScalarAttributeType.S),
                        def("regionCode", ScalarAttributeType.S), def("roundNo", ScalarAttributeType.N),
                        def("bracketName", ScalarAttributeType.S), def("matchNo", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(gsi("byTournament", key("tournamentId", KeyType.HASH),
                        key("regionCode", KeyType.HASH), key("roundNo", KeyType.RANGE),
                        key("bracketName", KeyType.RANGE),
                        key("matchNo", KeyType.RANGE))));
        put("m1", "WINTER", "EU", 1, "upper", 1);
        put("m2", "WINTER", "EU", 1, "upper", 2);
        put("m3", "WINTER", "EU", 1, "lower", 1);
        put("m4", "WINTER", "EU", 2, "upper", 1);
        put("m5", "WINTER", "EU", 10, "final", 1);
        put("m6", "WINTER", "NA", 1, "upper", 1);
        put("m7", "SUMMER", "EU", 1, "upper", 1);
        // lacks a RANGE attribute of the index: kept in the table, left out of the index
        engine.client.putItem(b -> b.tableName("Matches").item(Map.of("id", s("m8"), "tournamentId", s("WINTER"),
                "regionCode", s("EU"), "roundNo", n("1"))));
    }

    private static GlobalSecondaryIndex gsi(String name, KeySchemaElement... keys) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys)
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private void put(String id, String tournamentId, String regionCode, int roundNo, String bracketName, int matchNo) {
        engine.client.putItem(b -> b.tableName("Matches").item(Map.of("id", s(id), "tournamentId", s(tournamentId),
                "regionCode", s(regionCode), "roundNo", n(Integer.toString(roundNo)), "bracketName", s(bracketName),
                "matchNo", n(Integer.toString(matchNo)))));
    }

    private QueryResponse query(String condition, Map<String, AttributeValue> values,
                                Consumer<QueryRequest.Builder> more) {
        return engine.client.query(b -> {
            b.tableName("Matches").indexName("byTournament").keyConditionExpression(condition)
                    .expressionAttributeValues(values);
            more.accept(b);
        });
    }

    private List<String> ids(String condition, Map<String, AttributeValue> values) {
        return ids(query(condition, values, b -> { }).items());
    }

    private static List<String> ids(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("id").s()).toList();
    }

    private static Map<String, AttributeValue> values(Object... pairs) {
        Map<String, AttributeValue> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
        }
        return out;
    }

    private String error(Runnable call) {
        try {
            call.run();
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void describesTheKeyAsGivenAndHoldsOnlyItemsWithEveryKeyAttribute() {
        var index = engine.client.describeTable(b -> b.tableName("Matches")).table().globalSecondaryIndexes().get(0);
        assertThat(index.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                .containsExactly("tournamentId HASH", "regionCode HASH", "roundNo RANGE", "bracketName RANGE",
                        "matchNo RANGE");
        assertThat(index.itemCount()).isEqualTo(7);
        assertThat(engine.client.scan(b -> b.tableName("Matches").indexName("byTournament")).items()).hasSize(7);
        engine.client.updateItem(b -> b.tableName("Matches").key(Map.of("id", s("m8")))
                .updateExpression("SET bracketName = :b, matchNo = :m")
                .expressionAttributeValues(values(":b", s("upper"), ":m", n("3"))));
        assertThat(ids("tournamentId = :t AND regionCode = :r AND roundNo = :one", values(":t", s("WINTER"),
                ":r", s("EU"),
                ":one", n("1")))).containsExactly("m3", "m1", "m2", "m8");
        engine.client.updateItem(b -> b.tableName("Matches").key(Map.of("id", s("m1")))
                .updateExpression("REMOVE regionCode"));
        assertThat(ids("tournamentId = :t AND regionCode = :r", values(":t", s("WINTER"), ":r", s("EU"))))
                .doesNotContain("m1");
    }

    @Test
    void queriesTheRangeAttributesLeftToRightInTheirOwnOrder() {
        Map<String, AttributeValue> winterEu = values(":t", s("WINTER"), ":r", s("EU"));
        // rounds compare as numbers (10 after 2), brackets as strings, then match numbers
        assertThat(ids("tournamentId = :t AND regionCode = :r", winterEu))
                .containsExactly("m3", "m1", "m2", "m4", "m5");
        Map<String, AttributeValue> firstRound = new HashMap<>(winterEu);
        firstRound.put(":one", n("1"));
        firstRound.put(":b", s("upp"));
        assertThat(ids("regionCode = :r AND roundNo = :one AND begins_with(bracketName, :b) AND tournamentId = :t",
                firstRound))
                .containsExactly("m1", "m2");
        Map<String, AttributeValue> later = new HashMap<>(winterEu);
        later.put(":one", n("1"));
        assertThat(ids("tournamentId = :t AND regionCode = :r AND roundNo > :one", later)).containsExactly("m4", "m5");
        assertThat(ids(query("tournamentId = :t AND regionCode = :r", winterEu, b -> b.scanIndexForward(false))
                .items()))
                .containsExactly("m5", "m4", "m2", "m1", "m3");
        Map<String, AttributeValue> exact = new HashMap<>(firstRound);
        exact.put(":b", s("upper"));
        exact.put(":m", n("2"));
        assertThat(ids(query("tournamentId = :t AND regionCode = :r AND roundNo = :one AND bracketName = :b "
                + "AND matchNo >= :m",
                exact, b -> { }).items()))
                .containsExactly("m2");
        assertThat(ids("tournamentId = :t AND regionCode = :r", values(":t", s("WINTER"), ":r", s("NA"))))
                .containsExactly("m6");
    }

    @Test
    void pagesCarryTheTableKeyAndEveryIndexKeyAttribute() {
        Map<String, AttributeValue> winterEu = values(":t", s("WINTER"), ":r", s("EU"));
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = query("tournamentId = :t AND regionCode = :r", winterEu, b -> b.limit(2)
                    .exclusiveStartKey(from));
            seen.addAll(ids(page.items()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start).containsOnlyKeys("id", "tournamentId", "regionCode", "roundNo", "bracketName",
                        "matchNo");
            }
        } while (start != null);
        assertThat(seen).containsExactly("m3", "m1", "m2", "m4", "m5");
        // a start key whose leading sort value differs from the one the condition holds equal lies outside the query
        Map<String, AttributeValue> elsewhere = new HashMap<>(Map.of("id", s("m4"), "tournamentId", s("WINTER"),
                "regionCode", s("EU"), "roundNo", n("2"), "bracketName", s("upper"), "matchNo", n("1")));
        Map<String, AttributeValue> roundOne = new HashMap<>(winterEu);
        roundOne.put(":one", n("1"));
        roundOne.put(":b", s("l"));
        assertThat(error(() -> query("tournamentId = :t AND regionCode = :r AND roundNo = :one AND bracketName > :b",
                roundOne, b -> b.exclusiveStartKey(elsewhere))))
                .isEqualTo("ValidationException: The provided starting key does not match the range key predicate");
    }

    @Test
    void refusesConditionsThatSkipOrLoosenAKeyAttribute() {
        Map<String, AttributeValue> v = values(":t", s("WINTER"), ":r", s("EU"), ":one", n("1"), ":b", s("upper"),
                ":m", n("1"));
        assertThat(error(() -> query("tournamentId = :t AND roundNo = :one", v, b -> b.expressionAttributeValues(
                values(":t", s("WINTER"), ":one", n("1"))))))
                .isEqualTo("ValidationException: HASH key attributes regionCode must have equality conditions "
                        + "specified in the query");
        assertThat(error(() -> query("tournamentId = :t AND regionCode = :r AND bracketName = :b", v,
                b -> b.expressionAttributeValues(values(":t", s("WINTER"), ":r", s("EU"), ":b", s("upper"))))))
                .isEqualTo("ValidationException: RANGE key attributes roundNo must have equality conditions specified "
                        + "in the query because a condition is present on key attribute bracketName");
        assertThat(error(() -> query("tournamentId = :t AND regionCode = :r AND roundNo > :one AND bracketName = :b", v,
                b -> b.expressionAttributeValues(values(":t", s("WINTER"), ":r", s("EU"), ":one", n("1"),
                        ":b", s("upper"))))))
                .isEqualTo("ValidationException: RANGE key attributes roundNo must have equality conditions specified "
                        + "in the query because a condition is present on key attribute bracketName");
        assertThat(error(() -> query("tournamentId = :t AND regionCode = :r AND roundNo = :b", v,
                b -> b.expressionAttributeValues(values(":t", s("WINTER"), ":r", s("EU"), ":b", s("upper"))))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Condition parameter type "
                        + "does not match schema type");
        assertThat(error(() -> query("tournamentId = :t AND regionCode = :r", v, b -> b.expressionAttributeValues(
                values(":t", s("WINTER"), ":r", s("EU"))).filterExpression("bracketName = :b")
                .expressionAttributeValues(values(":t", s("WINTER"), ":r", s("EU"), ":b", s("upper"))))))
                .isEqualTo("ValidationException: Filter Expression can only contain non-primary key attributes: "
                        + "Primary key attribute: bracketName");
    }

    @Test
    void legacyKeyConditionsNameEveryKeyAttribute() {
        Condition eq = Condition.builder().comparisonOperator(ComparisonOperator.EQ).build();
        List<String> found = ids(engine.client.query(b -> b.tableName("Matches").indexName("byTournament")
                .keyConditions(Map.of("tournamentId", eq.toBuilder().attributeValueList(s("WINTER")).build(),
                        "regionCode", eq.toBuilder().attributeValueList(s("EU")).build(),
                        "roundNo", Condition.builder().comparisonOperator(ComparisonOperator.GE)
                                .attributeValueList(n("2")).build()))).items());
        assertThat(found).containsExactly("m4", "m5");
        assertThat(error(() -> engine.client.query(b -> b.tableName("Matches").indexName("byTournament")
                .keyConditions(Map.of("tournamentId", eq.toBuilder().attributeValueList(s("WINTER")).build(),
                        "regionCode", eq.toBuilder().attributeValueList(s("EU")).build(),
                        "bracketName", eq.toBuilder().attributeValueList(s("upper")).build())))))
                .isEqualTo("ValidationException: RANGE key attributes roundNo must have equality conditions specified "
                        + "in the query because a condition is present on key attribute bracketName");
    }

    @Test
    void everyKeyAttributeOfAnItemIsTypeChecked() {
        assertThat(error(() -> engine.client.putItem(b -> b.tableName("Matches").item(Map.of("id", s("x"),
                "tournamentId", s("WINTER"), "regionCode", n("1"))))))
                .isEqualTo("ValidationException: One or more parameter values were invalid: Type mismatch for Index "
                        + "Key regionCode Expected: S Actual: N IndexName: byTournament");
        assertThat(error(() -> engine.client.putItem(b -> b.tableName("Matches").item(Map.of("id", s("x"),
                "bracketName", s(""))))))
                .isEqualTo("ValidationException: One or more parameter values are not valid. A value specified for a "
                        + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain "
                        + "an empty string value. IndexName: byTournament, IndexKey: bracketName");
    }

    private String createError(KeySchemaElement... keys) {
        return error(() -> engine.client.createTable(CreateTableRequest.builder().tableName("Bad")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("a", ScalarAttributeType.S),
                        def("b", ScalarAttributeType.S), def("c", ScalarAttributeType.S),
                        def("d", ScalarAttributeType.S),
                        def("e", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH)).globalSecondaryIndexes(gsi("gsi1", keys)).build()));
    }

    @Test
    void keySchemasOfIndexesFollowDynamoDbsRules() {
        assertThat(createError(key("a", KeyType.HASH), key("b", KeyType.HASH), key("c", KeyType.HASH),
                key("d", KeyType.HASH), key("e", KeyType.HASH)))
                .isEqualTo("ValidationException: One or more parameter values were invalid: The KeySchema exceeds the "
                        + "maximum allowed number of HASH key attributes");
        assertThat(createError(key("id", KeyType.HASH), key("a", KeyType.RANGE), key("b", KeyType.RANGE),
                key("c", KeyType.RANGE), key("d", KeyType.RANGE), key("e", KeyType.RANGE)))
                .isEqualTo("ValidationException: One or more parameter values were invalid: The KeySchema exceeds the "
                        + "maximum allowed number of RANGE key attributes");
        assertThat(createError(key("a", KeyType.HASH), key("b", KeyType.RANGE), key("c", KeyType.HASH)))
                .isEqualTo("ValidationException: One or more parameter values were invalid: All HASH key attributes "
                        + "must precede RANGE key attributes in the KeySchema");
        assertThat(createError(key("a", KeyType.RANGE), key("b", KeyType.HASH), key("c", KeyType.HASH)))
                .isEqualTo("ValidationException: Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertThat(createError(key("a", KeyType.HASH), key("b", KeyType.HASH), key("a", KeyType.RANGE)))
                .isEqualTo("ValidationException: The KeySchema contains multiple key attributes with the same name");
        // a table's own key, and a local index's, stay at one HASH and one RANGE attribute
        assertThat(error(() -> engine.client.createTable(b -> b.tableName("Bad")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("a", ScalarAttributeType.S), def("b", ScalarAttributeType.S))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.HASH)))))
                .isEqualTo("ValidationException: Invalid KeySchema: The second KeySchemaElement is not a RANGE key "
                        + "type");
    }

    @Test
    void anIndexAddedLaterHoldsTheItemsThatHaveItsKeyAndSurvivesARestart() throws Exception {
        engine.client.updateTable(b -> b.tableName("Matches")
                .attributeDefinitions(def("bracketName", ScalarAttributeType.S),
                        def("regionCode", ScalarAttributeType.S),
                        def("matchNo", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byBracket")
                        .keySchema(key("bracketName", KeyType.HASH), key("regionCode", KeyType.HASH),
                                key("matchNo", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
        engine.close();
        engine = EngineFixture.start(dir);
        var indexes = engine.client.describeTable(b -> b.tableName("Matches")).table().globalSecondaryIndexes();
        assertThat(indexes).extracting(i -> i.indexName() + " " + i.keySchema().size())
                .containsExactlyInAnyOrder("byTournament 5", "byBracket 3");
        List<Map<String, AttributeValue>> upperEu = engine.client.query(b -> b.tableName("Matches")
                .indexName("byBracket").keyConditionExpression("bracketName = :b AND regionCode = :r")
                .expressionAttributeValues(values(":b", s("upper"), ":r", s("EU")))).items();
        assertThat(upperEu).extracting(i -> i.get("id").s() + "/" + i.get("matchNo").n())
                .containsExactlyInAnyOrder("m1/1", "m4/1", "m7/1", "m2/2");
        assertThat(upperEu.get(upperEu.size() - 1).get("id").s()).isEqualTo("m2");
        assertThat(upperEu.get(0)).containsOnlyKeys("id", "bracketName", "regionCode", "matchNo");
    }
}
