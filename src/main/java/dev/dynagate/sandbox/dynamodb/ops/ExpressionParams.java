package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.Condition;
import dev.dynagate.sandbox.dynamodb.expr.ExpressionContext;
import dev.dynagate.sandbox.dynamodb.expr.Expressions;
import dev.dynagate.sandbox.dynamodb.expr.LegacyParameters;
import dev.dynagate.sandbox.dynamodb.expr.Projection;
import java.util.List;

/**
 * The expression parameters of one request: checks that legacy and expression parameters are not mixed, that
 * placeholders come only with expressions, and parses each expression against the request's shared context.
 */
final class ExpressionParams {
    private static final List<String> EXPRESSIONS = List.of("ConditionExpression", "FilterExpression",
            "KeyConditionExpression", "ProjectionExpression", "UpdateExpression");
    private static final List<String> LEGACY = List.of("AttributesToGet", "Expected", "QueryFilter", "ScanFilter",
            "KeyConditions", "AttributeUpdates", "ConditionalOperator");

    private final Request request;
    private final ExpressionContext context;

    ExpressionParams(Request request) {
        this.request = request;
        List<String> legacy = LEGACY.stream().filter(request::has).toList();
        List<String> expressions = EXPRESSIONS.stream().filter(request::has).toList();
        if (!legacy.isEmpty() && !expressions.isEmpty()) {
            throw DynamoDbError.validation("Can not use both expression and non-expression parameters in the same "
                    + "request: Non-expression parameters: {" + String.join(", ", legacy)
                    + "} Expression parameters: {" + String.join(", ", expressions) + "}");
        }
        if (expressions.isEmpty() && request.has("ExpressionAttributeNames")) {
            throw DynamoDbError.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (expressions.isEmpty() && request.has("ExpressionAttributeValues")) {
            throw DynamoDbError.validation("ExpressionAttributeValues can only be specified when using expressions");
        }
        context = new ExpressionContext(request.names(), request.values());
    }

    ExpressionContext context() {
        return context;
    }

    /** ConditionExpression or Expected, or null. */
    Condition condition() {
        String text = request.string("ConditionExpression");
        if (text != null) {
            return Expressions.condition(text, context);
        }
        JsonNode expected = request.node("Expected");
        return expected == null ? null : LegacyParameters.expected(expected, request.string("ConditionalOperator"));
    }

    /** FilterExpression or the given legacy filter (QueryFilter/ScanFilter), or null. */
    Condition filter(String legacyField) {
        String text = request.string("FilterExpression");
        if (text != null) {
            return Expressions.filter(text, context);
        }
        JsonNode legacy = request.node(legacyField);
        return legacy == null ? null : LegacyParameters.filter(legacy, request.string("ConditionalOperator"));
    }

    /** ProjectionExpression or AttributesToGet, or null for whole items. */
    Projection projection() {
        String text = request.string("ProjectionExpression");
        if (text != null) {
            return Expressions.projection(text, context);
        }
        JsonNode legacy = request.node("AttributesToGet");
        return legacy == null ? null : LegacyParameters.attributesToGet(legacy);
    }

    void checkAllUsed() {
        context.checkAllUsed();
    }
}
