package dev.dynagate.sandbox.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;

/** The pre-expression request parameters older clients still send; arguments are the raw JSON request fields. */
public final class LegacyParameters {
    private LegacyParameters() {
    }

    /** Expected (+ConditionalOperator, which may be null). */
    public static Condition expected(JsonNode expected, String conditionalOperator) {
        throw DynamoDbError.validation("Expected not supported yet");
    }

    /** QueryFilter / ScanFilter (+ConditionalOperator, which may be null). */
    public static Condition filter(JsonNode conditions, String conditionalOperator) {
        throw DynamoDbError.validation("QueryFilter not supported yet");
    }

    public static KeyCondition keyConditions(JsonNode keyConditions, String hashKey, String rangeKey) {
        throw DynamoDbError.validation("KeyConditions not supported yet");
    }

    /** AttributeUpdates: PUT/ADD/DELETE. */
    public static UpdateAction attributeUpdates(JsonNode attributeUpdates) {
        throw DynamoDbError.validation("AttributeUpdates not supported yet");
    }

    public static Projection attributesToGet(JsonNode attributesToGet) {
        throw DynamoDbError.validation("AttributesToGet not supported yet");
    }
}
