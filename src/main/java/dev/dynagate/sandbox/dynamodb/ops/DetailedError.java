package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;

/** An error whose body carries more than the message: the old Item of a failed condition, cancellation reasons. */
public final class DetailedError extends DynamoDbError {
    private final transient ObjectNode details;

    public DetailedError(String code, String message, ObjectNode details) {
        super(code, message);
        this.details = details;
    }

    public ObjectNode details() {
        return details;
    }
}
