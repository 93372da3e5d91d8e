package dev.dynagate.sandbox.dynamodb;

/**
 * An error answered to the client exactly as DynamoDB words it: the short error code (for example
 * {@code ValidationException}), the message, and the HTTP status. The wire layer adds the namespace.
 */
public class DynamoDbError extends RuntimeException {
    private final String code;
    private final int status;

    public DynamoDbError(String code, String message) {
        this(code, message, 400);
    }

    public DynamoDbError(String code, String message, int status) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public static DynamoDbError validation(String message) {
        return new DynamoDbError("ValidationException", message);
    }

    public static DynamoDbError serialization(String message) {
        return new DynamoDbError("SerializationException", message);
    }

    public static DynamoDbError resourceNotFound(String message) {
        return new DynamoDbError("ResourceNotFoundException", message);
    }

    public static DynamoDbError conditionalCheckFailed() {
        return new DynamoDbError("ConditionalCheckFailedException", "The conditional request failed");
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The {@code __type} namespace DynamoDB uses for this code. */
    public String namespace() {
        return switch (code) {
            case "ValidationException" -> "com.amazon.coral.validate#";
            case "SerializationException", "UnknownOperationException", "InternalFailure",
                 "MissingAuthenticationTokenException", "IncompleteSignatureException" -> "com.amazon.coral.service#";
            default -> "com.amazonaws.dynamodb.v20120810#";
        };
    }
}
