package dev.dynagate.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB's two request-validation layers as recorded against the live service in 2026-10 (eu-west-2, us-east-1,
 * eu-west-1 and us-west-2; the per-region record of a public conformance suite): PutItem, UpdateItem and DeleteItem in
 * the current layer's envelope, GetItem, BatchGetItem and Query in its words but bare, the rest in the older layer.
 */
class ValidationLayersTest extends EngineTest {
    private static final String ONE = "ValidationException: 1 validation error detected: ";
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";
    private static final String OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    private static final String UNDERFLOW =
            "Number underflow. Attempting to store a number with magnitude smaller than supported range";

    @BeforeEach
    void table() {
        engine.createTable("Items", null);
    }

    @Test
    void singleItemWritesWrapWhatTheRequestAloneGetsWrongInTheEnvelope() throws Exception {
        assertThat(error("PutItem", put("\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}")))
                .isEqualTo(ONE + "ExpressionAttributeValues can only be specified when using expressions");
        assertThat(error("PutItem", put("\"ConditionExpression\":\"\""))).isEqualTo(ONE
                + "Invalid ConditionExpression: The expression can not be empty;");
        assertThat(error("PutItem", put("\"Expected\":{\"a\":{\"Exists\":true}}"))).isEqualTo(ONE + INVALID
                + "Value must be provided when Exists is true for Attribute: a");
        assertThat(error("DeleteItem", "{\"TableName\":\"Items\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                + "\"ReturnValues\":\"UPDATED_NEW\"}")).isEqualTo(ONE + "ReturnValues can only be ALL_OLD or NONE");
        assertThat(error("UpdateItem", "{\"TableName\":\"Items\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                + "\"UpdateExpression\":\"SET a = :a\",\"ConditionExpression\":\"b = :v\","
                + "\"ExpressionAttributeValues\":{\":a\":{\"S\":\"x\"}}}")).isEqualTo(ONE + "Invalid "
                + "ConditionExpression: An expression attribute value used in expression is not defined; attribute "
                + "value: :v");
        // what needs the table's key schema is not part of it
        assertThat(error("DeleteItem", "{\"TableName\":\"Items\",\"Key\":{\"nope\":{\"S\":\"a\"}}}"))
                .isEqualTo("ValidationException: The provided key element does not match the schema");
        assertThat(error("UpdateItem", "{\"TableName\":\"Items\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                + "\"UpdateExpression\":\"SET pk = :a\",\"ExpressionAttributeValues\":{\":a\":{\"S\":\"x\"}}}"))
                .isEqualTo("ValidationException: " + INVALID + "Cannot update attribute pk. This attribute is part "
                        + "of the key");
    }

    @Test
    void numbersAreWordedByTheLayerThatReadsThem() throws Exception {
        String[] shapes = {"abc", "", "1e126", "1e2147483647"};
        String[] current = {NOT_NUMERIC + ": abc", NOT_NUMERIC + ": ", OVERFLOW, OVERFLOW};
        String[] older = {NOT_NUMERIC + ": abc", NOT_NUMERIC, OVERFLOW, UNDERFLOW};
        for (int i = 0; i < shapes.length; i++) {
            String n = "{\"N\":\"" + shapes[i] + "\"}";
            assertThat(error("PutItem", "{\"TableName\":\"Items\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":" + n + "}}"))
                    .isEqualTo(ONE + current[i]);
            assertThat(error("DeleteItem", "{\"TableName\":\"Items\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                    + "\"ConditionExpression\":\"n = :v\",\"ExpressionAttributeValues\":{\":v\":" + n + "}}"))
                    .as("no ExpressionAttributeValues wrapper").isEqualTo(ONE + current[i]);
            assertThat(error("GetItem", "{\"TableName\":\"Items\",\"Key\":{\"pk\":" + n + "}}"))
                    .isEqualTo("ValidationException: " + current[i]);
            assertThat(error("Query", "{\"TableName\":\"Items\",\"KeyConditionExpression\":\"pk = :p\","
                    + "\"FilterExpression\":\"n = :v\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"},\":v\":"
                    + n + "}}")).isEqualTo("ValidationException: " + current[i]);
            assertThat(error("BatchWriteItem", "{\"RequestItems\":{\"Items\":[{\"PutRequest\":{\"Item\":"
                    + "{\"pk\":{\"S\":\"a\"},\"n\":" + n + "}}}]}}")).isEqualTo("ValidationException: " + older[i]);
            assertThat(error("TransactWriteItems", "{\"TransactItems\":[{\"Update\":{\"TableName\":\"Items\","
                    + "\"Key\":{\"pk\":{\"S\":\"a\"}},\"UpdateExpression\":\"SET n = :v\","
                    + "\"ExpressionAttributeValues\":{\":v\":" + n + "}}}]}")).isEqualTo("ValidationException: "
                    + "ExpressionAttributeValues contains invalid value: " + older[i] + " for key :v");
        }
    }

    @Test
    void aRepeatedSetMemberIsEchoedByTheLayerThatReadsIt() throws Exception {
        String[] sets = {"{\"SS\":[\"b\",\"a\",\"b\"]}", "{\"BS\":[\"/w==\",\"AA==\",\"AA==\"]}",
            "{\"NS\":[\"2\",\"1\",\"2\"]}"};
        String[] current = {INVALID + "Input collection [\"a\", \"b\", \"b\"] contains duplicates.",
            INVALID + "Input collection [\"AA==\",\"/w==\",\"AA==\"]of type BS contains duplicates.",
            INVALID + "Input collection contains duplicates."};
        String[] older = {INVALID + "Input collection [b, a, b] contains duplicates.",
            INVALID + "Input collection [/w==, AA==, AA==]of type BS contains duplicates.",
            "Input collection contains duplicates"};
        for (int i = 0; i < sets.length; i++) {
            assertThat(error("PutItem", "{\"TableName\":\"Items\",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":" + sets[i]
                    + "}}")).isEqualTo(ONE + current[i]);
            assertThat(error("BatchGetItem", "{\"RequestItems\":{\"Items\":{\"Keys\":[{\"pk\":" + sets[i] + "}]}}}"))
                    .isEqualTo("ValidationException: " + current[i]);
            assertThat(error("BatchWriteItem", "{\"RequestItems\":{\"Items\":[{\"DeleteRequest\":{\"Key\":"
                    + "{\"pk\":" + sets[i] + "}}}]}}")).isEqualTo("ValidationException: " + older[i]);
        }
    }

    @Test
    void theCurrentLayerReportsTheFirstMemberErrorAlone() throws Exception {
        assertThat(error("PutItem", "{\"TableName\":\"\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ReturnValues\":\"X\"}"))
                .isEqualTo(ONE + "Value at 'TableName' failed to satisfy constraint: Member must have length greater "
                        + "than or equal to 1");
        assertThat(error("UpdateItem", "{\"TableName\":\"Items\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                + "\"ReturnValues\":\"X\",\"ReturnConsumedCapacity\":\"X\"}")).isEqualTo(ONE + "Failed to satisfy "
                + "constraint: Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]");
        // a missing required member sends the request through the older layer, which reports every error
        assertThat(error("UpdateItem", "{\"TableName\":\"\",\"UpdateExpression\":\"SET a = :a\","
                + "\"ExpressionAttributeValues\":{\":a\":{\"S\":\"x\"}}}")).isEqualTo("ValidationException: 2 "
                + "validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member must have "
                + "length greater than or equal to 1; Value null at 'key' failed to satisfy constraint: Member must "
                + "not be null");
        assertThat(error("Query", "{\"TableName\":\"Missing\",\"KeyConditions\":{\"pk\":{\"ComparisonOperator\":"
                + "\"EQ\",\"AttributeValueList\":[{\"S\":\"a\"}]}},\"QueryFilter\":{\"b\":{\"ComparisonOperator\":"
                + "\"NULL\"},\"c\":{\"ComparisonOperator\":\"NULL\"}},\"ConditionalOperator\":\"XOR\","
                + "\"Select\":\"BOGUS\"}")).isEqualTo("ValidationException: Failed to satisfy constraint: Member must "
                + "satisfy enum value set: [ALL, OR]");
        assertThat(error("Query", "{\"TableName\":\"Items\",\"KeyConditionExpression\":\"pk = :p\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}},\"Limit\":0}")).isEqualTo(ONE + "Value at "
                + "'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertThat(error("BatchGetItem", "{\"RequestItems\":{}}")).isEqualTo(ONE + "Value at 'RequestItems' failed "
                + "to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void aRequestNestedPastSixtyTwoLevelsIsReadByTheOlderLayer() throws Exception {
        String deep63 = "{\"M\":{\"n\":".repeat(63) + "{\"S\":\"x\"}" + "}}".repeat(63);
        String deep40 = "{\"M\":{\"n\":".repeat(40) + "{\"S\":\"x\"}" + "}}".repeat(40);
        String delete = "{\"TableName\":\"Missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ConditionExpression\":\"d = :d\","
                + "\"ReturnValues\":\"BOGUS\",\"ExpressionAttributeValues\":{\":d\":";
        assertThat(error("DeleteItem", delete + deep63 + "}}")).isEqualTo(ONE + "Value 'BOGUS' at 'returnValues' "
                + "failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, "
                + "NONE, UPDATED_NEW]");
        assertThat(error("DeleteItem", delete + deep40 + "}}")).isEqualTo(ONE + "Failed to satisfy constraint: "
                + "Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]");
        assertThat(error("DeleteItem", delete.replace("BOGUS", "UPDATED_NEW") + deep63 + "}}"))
                .isEqualTo("ValidationException: ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void theOlderLayerEchoesStructuresAsJavaObjectsTheCurrentOneAsJson() throws Exception {
        assertThat(error("CreateTable", "{\"TableName\":\"Three\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],\"KeySchema\":["
                + "{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"b\",\"KeyType\":\"RANGE\"},"
                + "{\"AttributeName\":\"c\",\"KeyType\":\"RANGE\"}]}")).isEqualTo(ONE + "Value '[KeySchemaElement("
                + "attributeName=a, keyType=HASH), KeySchemaElement(attributeName=b, keyType=RANGE), KeySchemaElement("
                + "attributeName=c, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have "
                + "length less than or equal to 2");
        String rule = "' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member "
                + "must have length less than or equal to 25, Member must have length greater than or equal to 1]";
        assertThat(error("BatchWriteItem", "{\"RequestItems\":{\"Items\":[]}}")).isEqualTo(ONE + "Value '{Items=[]}"
                + rule);
        assertThat(error("BatchWriteItem", "{\"RequestItems\":{\"bad!name\":[{\"PutRequest\":{\"Item\":"
                + "{\"pk\":{\"S\":\"x\"}}}}]}}")).startsWith(ONE + "Value '{bad!name=[WriteRequest(putRequest="
                + "PutRequest(item={pk=AttributeValue(s=x)}), deleteRequest=null)]}' at 'requestItems'");
        assertThat(error("BatchGetItem", "{\"RequestItems\":{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}}"))
                .startsWith(ONE + "Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems'");
    }

    @Test
    void aTransactionActionReadsItsConditionBeforeReportingAKeyNestedTooDeep() throws Exception {
        String deep = "{\"M\":{\"n\":".repeat(100) + "{\"S\":\"x\"}" + "}}".repeat(100);
        assertThat(error("TransactWriteItems", "{\"TransactItems\":[{\"Delete\":{\"TableName\":\"Missing\","
                + "\"Key\":{\"pk\":" + deep + "},\"ConditionExpression\":\"a = = b\"}}]}"))
                .isEqualTo("ValidationException: Invalid ConditionExpression: Syntax error; token: \"=\", near: "
                        + "\"= = b\"");
        assertThat(error("TransactWriteItems", "{\"TransactItems\":[{\"Delete\":{\"TableName\":\"Missing\","
                + "\"Key\":{\"pk\":" + deep + "}}}]}")).startsWith("ValidationException: Nesting Levels have exceeded");
    }

    @Test
    void aTransactionRefusesAComparedValueOnlyPastItsSecondLimit() throws Exception {
        String deep40 = "{\"M\":{\"n\":".repeat(40) + "{\"S\":\"x\"}" + "}}".repeat(40);
        // the first action's value is reported before the second action's empty attribute name
        assertThat(error("TransactWriteItems", "{\"TransactItems\":[{\"ConditionCheck\":{\"TableName\":\"Items\","
                + "\"Key\":{\"pk\":{\"S\":\"b\"}},\"ConditionExpression\":\"d = :deep\","
                + "\"ExpressionAttributeValues\":{\":deep\":" + deep40 + "}}},{\"Put\":{\"TableName\":\"Items\","
                + "\"Item\":{\"pk\":{\"S\":\"a\"},\"\":{\"S\":\"x\"}}}}]}")).isEqualTo("ValidationException: "
                + "ExpressionAttributeValues contains invalid value: Nesting Levels have exceeded supported limits: "
                + "Attributes in the item have nested levels beyond supported limit for key :deep");
    }

    private static String put(String members) {
        return "{\"TableName\":\"Items\",\"Item\":{\"pk\":{\"S\":\"a\"}}," + members + "}";
    }
}
