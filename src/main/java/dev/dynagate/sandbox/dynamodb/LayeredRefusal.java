package dev.dynagate.sandbox.dynamodb;

/**
 * A ValidationException that DynamoDB words two ways, depending on which of its two request-validation layers reads
 * the operation. The current layer (PutItem, UpdateItem and DeleteItem, inside a "1 validation error detected: "
 * envelope; GetItem, BatchGetItem and Query, bare) quotes set members in order and names no
 * ExpressionAttributeValues key; the older one (BatchWriteItem, the transactions, Scan) echoes the value as sent and
 * wraps an expression value's error as "ExpressionAttributeValues contains invalid value: … for key :v". The
 * message is the older wording; {@link #current()} the current one.
 */
public final class LayeredRefusal extends DynamoDbError {
    private final String current;

    public LayeredRefusal(String older, String current) {
        super("ValidationException", older);
        this.current = current;
    }

    /** A refusal both layers word alike. */
    public static LayeredRefusal alike(String message) {
        return new LayeredRefusal(message, message);
    }

    public String current() {
        return current;
    }
}
