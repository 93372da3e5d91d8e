package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;

/**
 * A validated key condition: equality on the partition key and an optional sort-key condition ({@code sort} may be
 * null). The values are not yet checked against the attribute types of the key schema, which only the engine knows;
 * {@link #checkTypes} does that with DynamoDB's message.
 */
public record KeyCondition(String partitionAttribute, AttrValue partitionValue, SortCondition sort) {

    /**
     * Fails as DynamoDB does when a value's type differs from the key attribute's declared type (S, N or B);
     * {@code sortType} may be null when the table or index has no sort key.
     */
    public void checkTypes(String partitionType, String sortType) {
        boolean matches = partitionValue.type().equals(partitionType)
                && (sort == null || sort.value().type().equals(sortType)
                        && (sort.upper() == null || sort.upper().type().equals(sortType)));
        if (!matches) {
            throw DynamoDbError.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }
}
