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

    /**
     * What UpdateItem charges this update against the item size limit on top of the finished item (see
     * {@link StatementCharge}); 0 for AttributeUpdates, which is measured by the finished item alone.
     */
    default long statementCharge() {
        return 0;
    }

    /** Top-level attribute names the update touches, for "part of the key" checks. */
    Set<String> topLevelAttributes();

    /**
     * Whether the update only takes away (REMOVE, DELETE): DynamoDB does not create a missing item for such an
     * update, while any other update, even an empty AttributeUpdates, creates it with its key.
     */
    boolean onlyRemoves();

    /**
     * The paths the update writes, as a projection: ReturnValues UPDATED_OLD and UPDATED_NEW are these paths read from
     * the item before and after, as DynamoDB answers them ({@code SET a.c[1] = :v} returns {@code a} holding only
     * {@code c} holding only that element; a path that does not exist on a side is left out).
     */
    Projection updatedPaths();
}
