package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Semantic problems found while parsing. DynamoDB reports one error per expression and picks it by category rather
 * than by position, so the parser records the first problem of each category and reports by priority at the end.
 */
final class Problems {
    enum Category {
        PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION, REFERENCE, NAME, VALUE, OVERLAP, CONFLICT,
        OPERAND_COUNT, DISTINCT, OPERAND_TYPE, FUNCTION,
        /** The first comparison or function condition with a problem of its own, see {@link #beginCondition}. */
        CONDITION
    }

    /** The priorities DynamoDB applies to condition-grammar expressions. */
    static final List<Category> CONDITION_ORDER = List.of(Category.PARENS, Category.UNKNOWN_FUNCTION,
            Category.MISUSED_FUNCTION, Category.RESERVED, Category.CONDITION);
    /** Within one comparison or function condition. */
    private static final List<Category> WITHIN_CONDITION = List.of(Category.REFERENCE, Category.OPERAND_COUNT,
            Category.DISTINCT, Category.FUNCTION);
    /** The priorities DynamoDB applies to update expressions. */
    static final List<Category> UPDATE_ORDER = List.of(Category.RESERVED, Category.UNKNOWN_FUNCTION,
            Category.MISUSED_FUNCTION, Category.SECTION, Category.NAME, Category.VALUE, Category.OVERLAP,
            Category.CONFLICT, Category.OPERAND_TYPE, Category.OPERAND_COUNT, Category.FUNCTION);
    /** The priorities for projection expressions. */
    static final List<Category> PROJECTION_ORDER = List.of(Category.RESERVED, Category.NAME, Category.OVERLAP,
            Category.CONFLICT);

    private final Map<Category, String> first = new EnumMap<>(Category.class);
    /** Problems of the condition being parsed, or null outside one. */
    private Map<Category, String> condition;

    void add(Category category, String message) {
        if (condition != null && WITHIN_CONDITION.contains(category)) {
            condition.putIfAbsent(category, message);
        } else {
            first.putIfAbsent(category, message);
        }
    }

    /**
     * DynamoDB judges undefined references, operand counts, distinct operands and operand types condition by
     * condition: the first comparison or function with any of them decides, by their own priority.
     */
    void beginCondition() {
        condition = new EnumMap<>(Category.class);
    }

    void endCondition() {
        for (Category category : WITHIN_CONDITION) {
            String message = condition.get(category);
            if (message != null) {
                first.putIfAbsent(Category.CONDITION, message);
                break;
            }
        }
        condition = null;
    }

    /** Undefined #names and :values share one slot in conditions and have their own in updates. */
    void undefinedName(String ref) {
        String message = "An expression attribute name used in the document path is not defined; attribute name: " + ref;
        add(Category.REFERENCE, message);
        add(Category.NAME, message);
    }

    void undefinedValue(String ref) {
        String message = "An expression attribute value used in expression is not defined; attribute value: " + ref;
        add(Category.REFERENCE, message);
        add(Category.VALUE, message);
    }

    void throwFirst(List<Category> order, String expressionKind) {
        for (Category category : order) {
            String message = first.get(category);
            if (message != null) {
                throw DynamoDbError.validation("Invalid " + expressionKind + ": " + message);
            }
        }
    }
}
