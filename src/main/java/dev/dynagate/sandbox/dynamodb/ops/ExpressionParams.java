package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.LayeredRefusal;
import dev.dynagate.sandbox.dynamodb.expr.Condition;
import dev.dynagate.sandbox.dynamodb.expr.ExpressionContext;
import dev.dynagate.sandbox.dynamodb.expr.Expressions;
import dev.dynagate.sandbox.dynamodb.expr.LegacyParameters;
import dev.dynagate.sandbox.dynamodb.expr.Projection;
import java.util.ArrayList;
import java.util.List;

/**
 * The expression parameters of one request: checks that legacy and expression parameters are not mixed, that
 * placeholders come only with expressions, and parses each expression against the request's shared context.
 */
final class ExpressionParams {
    /** Which expression parameters an operation has, in DynamoDB's order, and their legacy counterparts. */
    enum Kind {
        READ_ITEM(List.of("ProjectionExpression"), List.of("AttributesToGet"), null),
        WRITE_ITEM(List.of("ConditionExpression"), List.of("Expected", "ConditionalOperator"), "Expected"),
        UPDATE_ITEM(List.of("UpdateExpression", "ConditionExpression"),
                List.of("AttributeUpdates", "Expected", "ConditionalOperator"), "Expected"),
        QUERY(List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
                List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"), "QueryFilter"),
        SCAN(List.of("ProjectionExpression", "FilterExpression"),
                List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"), "ScanFilter");

        private final List<String> expressions;
        private final List<String> legacy;
        /** The expressions that may use ExpressionAttributeValues: all but ProjectionExpression. */
        private final List<String> withValues;
        /** The legacy conditions ConditionalOperator joins (Expected, QueryFilter, ScanFilter), or null. */
        private final String joinedConditions;

        Kind(List<String> expressions, List<String> legacy, String joinedConditions) {
            this.expressions = expressions;
            this.legacy = legacy;
            this.joinedConditions = joinedConditions;
            withValues = expressions.stream().filter(e -> !e.equals("ProjectionExpression")).toList();
        }
    }

    private final Request request;
    private final ExpressionContext context;
    /** A transaction's element with placeholders but no expression: DynamoDB lets them be, unused. */
    private final boolean placeholdersIgnored;

    ExpressionParams(Request request, Kind kind) {
        this(request, kind, false);
    }

    /**
     * {@code inTransaction}: the request is one element of TransactWriteItems or TransactGetItems, which DynamoDB
     * lets carry ExpressionAttributeNames and Values without an expression to use them.
     */
    ExpressionParams(Request request, Kind kind, boolean inTransaction) {
        this.request = request;
        List<String> expressions = present(request, kind.expressions);
        placeholdersIgnored = inTransaction && expressions.isEmpty()
                && present(request, kind.legacy).isEmpty();
        if (!expressions.isEmpty()) {
            // KeyConditions may go with the other expressions: only KeyConditionExpression replaces it
            boolean keyConditionsAllowed = request.has("KeyConditions") && !request.has("KeyConditionExpression");
            List<String> legacy = new ArrayList<>(present(request, kind.legacy));
            if (keyConditionsAllowed) {
                legacy.remove("KeyConditions");
            }
            if (!legacy.isEmpty()) {
                throw DynamoDbError.validation("Can not use both expression and non-expression parameters in the same "
                        + "request: Non-expression parameters: {" + String.join(", ", legacy)
                        + "} Expression parameters: {" + String.join(", ", expressions) + "}");
            }
        }
        if (expressions.isEmpty() && request.has("ExpressionAttributeNames") && !placeholdersIgnored) {
            throw DynamoDbError.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (request.has("ExpressionAttributeValues") && kind.withValues.size() > 0
                && present(request, kind.withValues).isEmpty() && !placeholdersIgnored) {
            // as recorded from DynamoDB, the current validation layer (a Query's included) names no expression, the
            // older one does
            String message = "ExpressionAttributeValues can only be specified when using expressions";
            throw new LayeredRefusal(kind == Kind.QUERY ? message : message + ": "
                    + String.join(" and ", kind.withValues) + (kind.withValues.size() > 1 ? " are" : " is") + " null",
                    message);
        }
        checkConditionalOperator(kind);
        context = ExpressionContext.fromJson(request.node("ExpressionAttributeNames"),
                request.node("ExpressionAttributeValues"));
    }

    /** ConditionalOperator joins two or more legacy conditions; with fewer DynamoDB refuses it. */
    private void checkConditionalOperator(Kind kind) {
        if (!request.has("ConditionalOperator") || kind.joinedConditions == null) {
            return;
        }
        JsonNode conditions = request.node(kind.joinedConditions);
        int count = conditions == null || !conditions.isObject() ? 0 : conditions.size();
        if (count == 0) {
            throw DynamoDbError.validation("ConditionalOperator cannot be used without Filter or Expected");
        }
        if (count == 1) {
            throw DynamoDbError.validation(
                    "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        }
    }

    /** The fields of {@code names} the request has, in the order given; no list allocated when none. */
    private static List<String> present(Request request, List<String> names) {
        List<String> found = List.of();
        for (String name : names) {
            if (request.has(name)) {
                if (found.isEmpty()) {
                    found = new ArrayList<>(names.size());
                }
                found.add(name);
            }
        }
        return found;
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
        if (!placeholdersIgnored) {
            context.checkAllUsed();
        }
    }
}
