package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Map;

/** A parsed ConditionExpression, FilterExpression or legacy Expected/QueryFilter/ScanFilter. */
@FunctionalInterface
public interface Condition {
    /** Evaluates against an item; a missing item is passed as an empty map. */
    boolean test(Map<String, AttrValue> item);
}
