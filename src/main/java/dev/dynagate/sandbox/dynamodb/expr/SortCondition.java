package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrOrder;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Arrays;

/**
 * A condition on the sort key. {@code upper} is set only for BETWEEN. Values of a type other than the key value's
 * never match.
 */
public record SortCondition(String attribute, SortOperator operator, AttrValue value, AttrValue upper) {

    public boolean test(AttrValue v) {
        if (v == null || !v.type().equals(value.type())) {
            return false;
        }
        return switch (operator) {
            case EQ -> AttrOrder.compareKeys(v, value) == 0;
            case LT -> AttrOrder.compareKeys(v, value) < 0;
            case LE -> AttrOrder.compareKeys(v, value) <= 0;
            case GT -> AttrOrder.compareKeys(v, value) > 0;
            case GE -> AttrOrder.compareKeys(v, value) >= 0;
            case BETWEEN -> AttrOrder.compareKeys(v, value) >= 0 && AttrOrder.compareKeys(v, upper) <= 0;
            case BEGINS_WITH -> beginsWith(v, value);
        };
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
