package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which error DynamoDB reports when a request has several: constraint errors together and in its order, and a
 * request's own values and expressions before its table is looked up.
 */
class ValidationOrderTest extends EngineTest {
    @BeforeEach
    void setUp() throws Exception {
        engine.createTable("Items", null);
    }

    @Test
    void aTransactionWithUnknownEnumsIsRefusedAndWritesNothing() throws Exception {
        String answer = engine.raw("TransactWriteItems", "{\"ReturnConsumedCapacity\":\"BOGUS\","
                + "\"ReturnItemCollectionMetrics\":\"BOGUS2\",\"TransactItems\":[{\"Put\":{\"TableName\":\"Items\","
                + "\"Item\":{\"pk\":{\"S\":\"written\"}}}}]}");
        assertThat(answer).contains("2 validation errors detected: Value 'BOGUS' at 'returnConsumedCapacity' failed to "
                + "satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'BOGUS2' at "
                + "'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[SIZE, NONE]");
        assertThat(engine.client.getItem(b -> b.tableName("Items").key(key("written"))).hasItem()).isFalse();
    }

    @Test
    void constraintErrorsAreReportedTogetherInDynamoDbsOrder() throws Exception {
        assertThat(engine.raw("BatchGetItem", "{\"RequestItems\":{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}},"
                + "\"ReturnConsumedCapacity\":\"BOGUS\"}"))
                .contains("2 validation errors detected: Value '{\\\"bad!name\\\"")
                .contains("Map keys must satisfy constraint").contains("; Value 'BOGUS' at 'returnConsumedCapacity'");
        assertThat(engine.raw("CreateTable", "{\"TableName\":\"Named\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"LocalSecondaryIndexes\":[{\"IndexName\":\"aa\"}],"
                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"zz\"}]}"))
                .contains("2 validation errors detected: Value 'zz' at 'globalSecondaryIndexes.1.member.indexName' "
                        + "failed to satisfy constraint: Member must have length greater than or equal to 3; "
                        + "Value 'aa' at 'localSecondaryIndexes.1.member.indexName'");
        assertThat(engine.raw("UpdateItem", "{\"TableName\":\"Items\",\"ConditionalOperator\":\"XOR\","
                + "\"AttributeUpdates\":{\"x\":{\"Action\":\"PUT\",\"Value\":{\"S\":\"1\"}}}}"))
                .contains("2 validation errors detected: Value 'XOR' at 'conditionalOperator' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [OR, AND]; Value null at 'key'");
    }

    @Test
    void aRequestsExpressionsAreReadBeforeItsTableIsLookedUp() throws Exception {
        assertThat(engine.raw("Query", "{\"TableName\":\"Missing\",\"KeyConditionExpression\":"
                + "\"pk = :p AND begins_with(sk, :n)\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"q\"},"
                + "\":n\":{\"N\":\"1\"}}}"))
                .contains("Incorrect operand type for operator or function; operator or function: begins_with, "
                        + "operand type: N");
        assertThat(engine.raw("PutItem", "{\"TableName\":\"Missing\",\"Item\":{\"pk\":{\"S\":\"a\"}},"
                + "\"ConditionExpression\":\"a = = b\"}")).contains("Invalid ConditionExpression: Syntax error");
        assertThat(engine.raw("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"Missing\","
                + "\"Item\":{\"pk\":{\"S\":\"a\"}}}},{\"ConditionCheck\":{\"TableName\":\"Items\",\"Key\":"
                + "{\"pk\":{\"S\":\"c\"}},\"ConditionExpression\":\"attribute_not_exists(pk)\","
                + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}}]}"))
                .contains("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
        assertThat(engine.raw("Scan", "{\"TableName\":\"Missing\",\"FilterExpression\":\"a = :v\"}"))
                .contains("An expression attribute value used in expression is not defined");
        assertThat(engine.raw("PutItem",
                "{\"TableName\":\"Missing\",\"Item\":{\"pk\":{\"S\":\"a\"},\"\":{\"S\":\"x\"}}}"))
                .contains("\"message\":\"1 validation error detected: Empty attribute name\"");
        // as captured from DynamoDB: the empty name is found before a value nested too deep, in either order
        String deep = "{\"M\":{\"n\":".repeat(100) + "{\"S\":\"x\"}" + "}}".repeat(100);
        for (String item : new String[] {"{\"pk\":{\"S\":\"a\"},\"\":{\"S\":\"x\"},\"d\":" + deep + "}",
                "{\"pk\":{\"S\":\"a\"},\"d\":" + deep + ",\"\":{\"S\":\"x\"}}"}) {
            assertThat(engine.raw("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"Items\","
                    + "\"Item\":" + item + "}}]}")).contains("\"message\":\"Empty attribute name\"");
            assertThat(engine.raw("PutItem", "{\"TableName\":\"Items\",\"Item\":" + item + "}"))
                    .contains("\"message\":\"Empty attribute name\"");
        }
    }

    @Test
    void recordedWordingsOfLessCommonErrors() throws Exception {
        assertThat(engine.raw("GetItem", "{\"TableName\":\"Items\",\"Key\":{\"id\":{\"S\":\"x\"}},"
                + "\"ExpressionAttributeNames\":{}}"))
                .as("placeholders without an expression are refused before the key is checked")
                .contains("ExpressionAttributeNames can only be specified when using expressions");
        assertThat(engine.raw("BatchGetItem", "{\"RequestItems\":{\"Missing\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],"
                + "\"ProjectionExpression\":\"#p\",\"ExpressionAttributeNames\":{\"#p\":\"pk\",\"#c\":\"c\"}}}}"))
                .contains("Value provided in ExpressionAttributeNames unused in expressions: keys: {#c}");
        assertThat(engine.raw("Query", "{\"TableName\":\"Items\",\"KeyConditionExpression\":"
                + "\"(#0 = x) AND (begins_with(#1, a))\",\"ExpressionAttributeNames\":{\"#0\":\"pk\",\"#1\":\"sk\","
                + "\"#count\":\"count\"}}"))
                .as("unused placeholders come before the key schema's own checks")
                .contains("Value provided in ExpressionAttributeNames unused in expressions: keys: {#count}");
        assertThat(engine.raw("Scan", "{\"TableName\":\"Items\",\"AttributesToGet\":[\"pk\"],\"Select\":\"COUNT\"}"))
                .contains("Cannot specify the AttributesToGet when choosing to get only the Count");
        // as recorded from DynamoDB: a Query's words carry the first pass's prefix, a Scan's do not
        assertThat(engine.raw("Query", "{\"TableName\":\"Items\",\"KeyConditionExpression\":\"pk = :p\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"x\"}},\"Select\":\"COUNT\","
                + "\"ProjectionExpression\":\"pk\"}"))
                .contains("\"1 validation error detected: Cannot specify the ProjectionExpression when choosing to get "
                        + "only the Count\"");
        String query = "{\"TableName\":\"Items\",\"KeyConditionExpression\":\"pk = :p\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"x\"}},";
        assertThat(engine.raw("Query", query + "\"Select\":\"ALL_PROJECTED_ATTRIBUTES\"}")).contains("\"1 validation "
                + "error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName\"");
        assertThat(engine.raw("Query", query + "\"Select\":\"SPECIFIC_ATTRIBUTES\"}")).contains("\"1 validation "
                + "error detected: Must specify the AttributesToGet or ProjectionExpression when choosing to get "
                + "SPECIFIC_ATTRIBUTES\"");
        assertThat(engine.raw("Scan", "{\"TableName\":\"Items\",\"Select\":\"ALL_PROJECTED_ATTRIBUTES\"}"))
                .contains("\"ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName\"");
        assertThat(engine.raw("UpdateItem", "{\"TableName\":\"x!\",\"Key\":{\"pk\":{\"S\":\"a\"}}}"))
                .as("a name's length is reported before its characters").contains("2 validation errors detected: "
                        + "Value 'x!' at 'tableName' failed to satisfy constraint: Member must have length greater "
                        + "than or equal to 3; Value 'x!' at 'tableName' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        assertThat(engine.raw("Scan", "{\"TableName\":\"Items\",\"Select\":\"COUNT\",\"ProjectionExpression\":\"pk\"}"))
                .contains("\"Cannot specify the ProjectionExpression when choosing to get only the Count\"");
        assertThat(engine.raw("Query", "{\"TableName\":\"Items\",\"KeyConditionExpression\":\"pk = :p\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"x\"}},"
                + "\"ExclusiveStartKey\":{\"pk\":{\"N\":\"42\"}}}"))
                .contains("\"The provided starting key is invalid\"");
        assertThat(engine.raw("Scan", "{\"TableName\":\"Items\",\"ExclusiveStartKey\":{\"pk\":{\"N\":\"42\"}}}"))
                .contains("\"The provided starting key is invalid: The provided key element does not match the "
                        + "schema\"");
        assertThat(engine.raw("Query", "{\"TableName\":\"Items\",\"KeyConditions\":{\"pk\":{\"ComparisonOperator\":"
                + "\"EQ\",\"AttributeValueList\":[{\"S\":\"k\"}]}},"
                + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}"))
                .contains("\"ExpressionAttributeValues can only be specified when using expressions\"");
        assertThat(engine.raw("CreateTable", "{\"TableName\":\"Sorted\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"GlobalSecondaryIndexes\":[{"
                + "\"IndexName\":\"byX\",\"Projection\":{\"ProjectionType\":\"ALL\"},\"KeySchema\":["
                + "{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"x\",\"KeyType\":\"SORT\"}]}]}"))
                .contains("Value 'SORT' at 'globalSecondaryIndexes.1.member.keySchema.2.member.keyType'");
    }

    /** With the old item returned, DynamoDB spells the message field with a capital M. */
    @Test
    void aFailedConditionThatReturnsTheOldItemSpellsMessageWithACapital() throws Exception {
        engine.client.putItem(b -> b.tableName("Items").item(java.util.Map.of("pk", EngineFixture.s("held"))));
        String answer = engine.raw("PutItem", "{\"TableName\":\"Items\",\"Item\":{\"pk\":{\"S\":\"held\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(pk)\","
                + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}");
        assertThat(answer).contains("\"Message\":\"The conditional request failed\"").doesNotContain("\"message\"")
                .contains("\"Item\":{\"pk\":{\"S\":\"held\"}}");
        assertThat(engine.raw("PutItem", "{\"TableName\":\"Items\",\"Item\":{\"pk\":{\"S\":\"held\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}"))
                .contains("\"message\":\"The conditional request failed\"");
    }
}
