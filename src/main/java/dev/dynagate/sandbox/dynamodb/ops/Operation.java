package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One DynamoDB API operation: a parsed JSON request in, the JSON response out, or a DynamoDbError thrown. */
@FunctionalInterface
public interface Operation {
    /** The answer's JSON object, or null for an operation DynamoDB answers with an empty body (TagResource). */
    ObjectNode handle(Request request);
}
