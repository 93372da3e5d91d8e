package dev.dynagate.sandbox.dynamodb.partiql;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;

/** The ValidationExceptions DynamoDB answers for PartiQL statements it cannot run. */
final class PartiqlErrors {
    private PartiqlErrors() {
    }

    /** A statement that does not parse. */
    static DynamoDbError malformed(String detail) {
        return DynamoDbError.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    /** A statement that parses but that DynamoDB does not run (a feature of PartiQL it leaves out). */
    static DynamoDbError unsupported(String detail) {
        return DynamoDbError.validation("Unsupported operation: " + detail);
    }
}
