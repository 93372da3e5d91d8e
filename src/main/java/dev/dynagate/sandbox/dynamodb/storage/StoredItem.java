package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import java.util.Map;

/** An immutable item as stored, with its DynamoDB size computed once at write time. */
public record StoredItem(Map<String, AttrValue> item, int size) {
    public static StoredItem of(Map<String, AttrValue> item) {
        return new StoredItem(item, (int) ItemSize.of(item));
    }
}
