package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.List;

/**
 * A validated key condition: equality on every partition (HASH) attribute, equality on the sort (RANGE) attributes
 * before the last one the condition names ({@code sortEquals}, only for a multi-attribute index key), and an optional
 * condition on that last one ({@code sort}, null when no sort attribute is named). The values are not yet checked
 * against the attribute types of the key schema, which only the engine knows; {@link #checkTypes} does that with
 * DynamoDB's message.
 */
public record KeyCondition(List<String> partitionAttributes, List<AttrValue> partitionValues,
                           List<AttrValue> sortEquals, SortCondition sort) {

    public KeyCondition {
        partitionAttributes = List.copyOf(partitionAttributes);
        partitionValues = List.copyOf(partitionValues);
        sortEquals = List.copyOf(sortEquals);
    }

    /** A condition on a key of one HASH and at most one RANGE attribute. */
    public KeyCondition(String partitionAttribute, AttrValue partitionValue, SortCondition sort) {
        this(List.of(partitionAttribute), List.of(partitionValue), List.of(), sort);
    }

    /** The value of the first (for most keys the only) partition attribute. */
    public AttrValue partitionValue() {
        return partitionValues.get(0);
    }

    /** As {@link #checkTypes(List, List)}, for a key of one HASH and at most one RANGE attribute (sortType: null). */
    public void checkTypes(String partitionType, String sortType) {
        checkTypes(List.of(partitionType), sortType == null ? List.of() : List.of(sortType));
    }

    /**
     * Fails as DynamoDB does when a value's type differs from the key attribute's declared type (S, N or B):
     * {@code partitionTypes} in HASH order, {@code sortTypes} in RANGE order (empty without a sort key).
     */
    public void checkTypes(List<String> partitionTypes, List<String> sortTypes) {
        boolean matches = true;
        for (int i = 0; i < partitionValues.size(); i++) {
            matches &= partitionValues.get(i).type().equals(partitionTypes.get(i));
        }
        for (int i = 0; i < sortEquals.size(); i++) {
            matches &= sortEquals.get(i).type().equals(sortTypes.get(i));
        }
        if (sort != null) {
            String sortType = sortEquals.size() < sortTypes.size() ? sortTypes.get(sortEquals.size()) : null;
            matches &= sort.value().type().equals(sortType) && (sort.upper() == null
                    || sort.upper().type().equals(sortType));
        }
        if (!matches) {
            throw DynamoDbError.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }
}
