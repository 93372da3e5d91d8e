package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrOrder;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One condition of the legacy parameters (Expected, QueryFilter, ScanFilter, KeyConditions): a ComparisonOperator on
 * one top-level attribute with its AttributeValueList, validated as DynamoDB does.
 */
record LegacyComparison(String attribute, String operator, List<AttrValue> arguments) implements Condition {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> SCALARS = Set.of("S", "N", "B");

    LegacyComparison {
        arguments = List.copyOf(arguments);
        int expected = switch (operator) {
            case "EQ", "NE", "LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH" -> 1;
            case "NULL", "NOT_NULL" -> 0;
            case "BETWEEN" -> 2;
            case "IN" -> arguments.isEmpty() ? -1 : arguments.size();
            default -> throw DynamoDbError.validation("1 validation error detected: Value '" + operator
                    + "' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        };
        if (expected != arguments.size()) {
            throw DynamoDbError.validation(INVALID + "Invalid number of argument(s) for the " + operator
                    + " ComparisonOperator");
        }
        for (AttrValue argument : arguments) {
            checkType(operator, argument);
        }
        if ((operator.equals("BETWEEN") || operator.equals("IN"))
                && arguments.stream().map(AttrValue::type).distinct().count() > 1) {
            throw DynamoDbError.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
        }
        if (operator.equals("BETWEEN")) {
            if (AttrOrder.compare(arguments.get(0), arguments.get(1)) > 0) {
                throw DynamoDbError.validation("The BETWEEN condition was provided a range where the lower bound is "
                        + "greater than the upper bound");
            }
        }
    }

    private static void checkType(String operator, AttrValue argument) {
        String type = argument.type();
        boolean ok = switch (operator) {
            case "EQ", "NE" -> true;
            case "BEGINS_WITH" -> type.equals("S") || type.equals("B");
            default -> SCALARS.contains(type);
        };
        if (!ok) {
            throw DynamoDbError.validation(INVALID + "ComparisonOperator " + operator + " is not valid for " + type
                    + " AttributeValue type");
        }
    }

    @Override
    public boolean test(Map<String, AttrValue> item) {
        AttrValue v = item.get(attribute);
        return switch (operator) {
            case "NULL" -> v == null;
            case "NOT_NULL" -> v != null;
            case "EQ" -> v != null && v.equals(arguments.get(0));
            case "NE" -> v == null || !v.equals(arguments.get(0));
            case "LT" -> ordered(v, arguments.get(0), -1, false);
            case "LE" -> ordered(v, arguments.get(0), -1, true);
            case "GT" -> ordered(v, arguments.get(0), 1, false);
            case "GE" -> ordered(v, arguments.get(0), 1, true);
            case "BETWEEN" -> ordered(v, arguments.get(0), 1, true) && ordered(v, arguments.get(1), -1, true);
            case "BEGINS_WITH" -> Cond.Function.beginsWith(v, arguments.get(0));
            case "CONTAINS" -> Cond.Function.contains(v, arguments.get(0));
            // unlike NE, NOT_CONTAINS is false for a missing attribute
            case "NOT_CONTAINS" -> v != null && !Cond.Function.contains(v, arguments.get(0));
            default -> v != null && arguments.contains(v);
        };
    }

    private static boolean ordered(AttrValue v, AttrValue bound, int direction, boolean orEqual) {
        if (v == null) {
            return false;
        }
        int order = AttrOrder.compare(v, bound);
        return order != AttrOrder.INCOMPARABLE && (order == direction || orEqual && order == 0);
    }

    /** The sort-key operator this comparison stands for in KeyConditions, or null when it has none. */
    SortOperator sortOperator() {
        return switch (operator) {
            case "EQ" -> SortOperator.EQ;
            case "LT" -> SortOperator.LT;
            case "LE" -> SortOperator.LE;
            case "GT" -> SortOperator.GT;
            case "GE" -> SortOperator.GE;
            case "BETWEEN" -> SortOperator.BETWEEN;
            case "BEGINS_WITH" -> SortOperator.BEGINS_WITH;
            default -> null;
        };
    }
}
