package dev.dynagate.sandbox.dynamodb.expr;

/**
 * Parses the DynamoDB expression language. Every failure is a DynamoDbError ValidationException worded as DynamoDB
 * words it ("Invalid ConditionExpression: Syntax error; token: ..."). Parsing marks the #names and :values used in
 * {@code ctx}; call {@link ExpressionContext#checkAllUsed()} once all expressions of a request are parsed.
 */
public final class Expressions {
    private Expressions() {
    }

    /** A ConditionExpression. */
    public static Condition condition(String text, ExpressionContext ctx) {
        return ConditionParser.parse("ConditionExpression", text, ctx);
    }

    /** A FilterExpression: the condition grammar, with errors naming FilterExpression. */
    public static Condition filter(String text, ExpressionContext ctx) {
        return ConditionParser.parse("FilterExpression", text, ctx);
    }

    /** An UpdateExpression; {@link UpdateAction#apply} then reports the errors that depend on the item. */
    public static UpdateAction update(String text, ExpressionContext ctx) {
        return UpdateParser.parse(text, ctx);
    }

    /** A ProjectionExpression. */
    public static Projection projection(String text, ExpressionContext ctx) {
        return ProjectionParser.parse(text, ctx);
    }

    /**
     * A KeyConditionExpression, validated against the key schema of the table or index queried (rangeKey may be
     * null). The values are not checked against the key attribute types; see {@link KeyCondition}.
     */
    public static KeyCondition keyCondition(String text, ExpressionContext ctx, String hashKey, String rangeKey) {
        Cond cond = ConditionParser.parse("KeyConditionExpression", text, ctx);
        return KeyConditions.from(cond, hashKey, rangeKey);
    }
}
