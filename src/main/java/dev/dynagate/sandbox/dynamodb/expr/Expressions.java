package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;

/** Parses the DynamoDB expression language; every failure is a DynamoDbError ValidationException worded as DynamoDB. */
public final class Expressions {
    private Expressions() {
    }

    /** A ConditionExpression. */
    public static Condition condition(String text, ExpressionContext ctx) {
        throw DynamoDbError.validation("ConditionExpression not supported yet");
    }

    /** A FilterExpression: the condition grammar, with errors naming FilterExpression. */
    public static Condition filter(String text, ExpressionContext ctx) {
        throw DynamoDbError.validation("FilterExpression not supported yet");
    }

    public static UpdateAction update(String text, ExpressionContext ctx) {
        throw DynamoDbError.validation("UpdateExpression not supported yet");
    }

    public static Projection projection(String text, ExpressionContext ctx) {
        throw DynamoDbError.validation("ProjectionExpression not supported yet");
    }

    /** Validates against the key schema of the table or index queried (rangeKey may be null). */
    public static KeyCondition keyCondition(String text, ExpressionContext ctx, String hashKey, String rangeKey) {
        throw DynamoDbError.validation("KeyConditionExpression not supported yet");
    }
}
