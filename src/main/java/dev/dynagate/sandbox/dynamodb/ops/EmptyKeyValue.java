package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;

/**
 * A ValidationException for an empty string or binary where a table or index key needs a value. DynamoDB checks it
 * up front for the whole request: inside a transaction it refuses the request rather than cancelling one action.
 */
final class EmptyKeyValue extends DynamoDbError {
    EmptyKeyValue(String message) {
        super("ValidationException", message);
    }
}
