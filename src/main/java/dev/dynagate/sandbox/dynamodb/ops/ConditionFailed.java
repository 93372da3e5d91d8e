package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.storage.StoredItem;

/** A write's condition did not hold; carries the item it was tested against (null if there was none). */
final class ConditionFailed extends RuntimeException {
    private final transient StoredItem old;

    ConditionFailed(StoredItem old) {
        super("The conditional request failed", null, false, false);
        this.old = old;
    }

    StoredItem old() {
        return old;
    }
}
