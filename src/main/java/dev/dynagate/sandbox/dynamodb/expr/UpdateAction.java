package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Map;
import java.util.Set;

/** A parsed UpdateExpression or legacy AttributeUpdates. */
public interface UpdateAction {
    /**
     * Returns a NEW item (the input is never mutated); throws DynamoDbError ValidationException as DynamoDB does. For
     * an item that does not exist yet pass an empty map, or better {@link #applyToNewItem} with its key.
     */
    Map<String, AttrValue> apply(Map<String, AttrValue> item);

    /**
     * The update of an item that does not exist yet, starting from its key as DynamoDB does: the key attributes can
     * be read ({@code SET created = pk}) and removing nested paths is quietly ignored.
     */
    default Map<String, AttrValue> applyToNewItem(Map<String, AttrValue> key) {
        return apply(key);
    }

    /** Top-level attribute names the update touches, for "part of the key" checks. */
    Set<String> topLevelAttributes();
}
