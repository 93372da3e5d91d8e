package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrOrder;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Arrays;

/**
 * A condition on the sort key. {@code upper} is set only for BETWEEN. Values of a type other than the key value's
 * never match.
 */
public record SortCondition(String attribute, SortOperator operator, AttrValue value, AttrValue upper) {

    /** Whether a sort-key value satisfies the condition; values of another type, or not of S, N or B, never do. */
    public boolean test(AttrValue v) {
        if (v == null || !v.type().equals(value.type())) {
            return false;
        }
        if (operator == SortOperator.BEGINS_WITH) {
            return beginsWith(v, value);
        }
        int order = AttrOrder.compare(v, value);
        if (order == AttrOrder.INCOMPARABLE) {
            return false;
        }
        return switch (operator) {
            case EQ -> order == 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            default -> order >= 0 && atMostUpper(v);
        };
    }

    private boolean atMostUpper(AttrValue v) {
        int order = upper == null ? AttrOrder.INCOMPARABLE : AttrOrder.compare(v, upper);
        return order != AttrOrder.INCOMPARABLE && order <= 0;
    }

    static boolean beginsWith(AttrValue v, AttrValue prefix) {
        if (v instanceof AttrValue.S s && prefix instanceof AttrValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (v instanceof AttrValue.B b && prefix instanceof AttrValue.B p) {
            return b.value().length >= p.value().length
                    && Arrays.equals(b.value(), 0, p.value().length, p.value(), 0, p.value().length);
        }
        return false;
    }
}
