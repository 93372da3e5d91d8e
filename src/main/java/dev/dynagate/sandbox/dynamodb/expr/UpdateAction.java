package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Map;
import java.util.Set;

/** A parsed UpdateExpression or legacy AttributeUpdates. */
public interface UpdateAction {
    /** Returns a NEW item (the input is never mutated); throws DynamoDbError ValidationException as DynamoDB does. */
    Map<String, AttrValue> apply(Map<String, AttrValue> item);

    /** Top-level attribute names the update touches, for "part of the key" checks. */
    Set<String> topLevelAttributes();
}
