package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;

/**
 * A ValidationException about one item's key or attributes. A single write answers it as any other; a transaction
 * turns it into a ValidationError cancellation reason for that item, as DynamoDB does.
 */
final class InvalidItem extends DynamoDbError {
    InvalidItem(String message) {
        super("ValidationException", message);
    }
}
