package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;

/**
 * A validated key condition: equality on the partition key and an optional sort-key condition. Values are not yet
 * checked against the attribute types of the key schema; the engine does that, as only it knows the types.
 */
public record KeyCondition(String partitionAttribute, AttrValue partitionValue, SortCondition sort) {
}
