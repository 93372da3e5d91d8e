package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;

/**
 * A ValidationException DynamoDB raises for the whole request before it runs: an empty string or binary where a table
 * or index key needs a value, or an item over the size limit. Inside a transaction it refuses the request rather than
 * cancelling one action.
 */
final class RefusedUpFront extends DynamoDbError {
    RefusedUpFront(String message) {
        super("ValidationException", message);
    }
}
