package dev.dynagate.sandbox.dynamodb.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import java.io.IOException;
import java.util.Map;

/**
 * An immutable item as stored: its {@link ValueCodec encoded} bytes and its DynamoDB size, computed once at write
 * time. The item is decoded on each {@link #item()}, so a caller that needs it twice keeps the map it got.
 */
public final class StoredItem {
    private final byte[] encoded;
    private final int size;

    private StoredItem(byte[] encoded, int size) {
        this.encoded = encoded;
        this.size = size;
    }

    public static StoredItem of(Map<String, AttrValue> item) {
        return of(item, ItemSize.of(item));
    }

    /** As {@link #of(Map)}, with the item's {@link ItemSize DynamoDB size} already computed by the caller. */
    public static StoredItem of(Map<String, AttrValue> item, long size) {
        return new StoredItem(ValueCodec.encodeItem(item), (int) size);
    }

    /** An item read back from the log or a snapshot, already in its encoded form. */
    static StoredItem decoded(byte[] encoded) {
        return new StoredItem(encoded, (int) ValueCodec.size(encoded));
    }

    /** A fresh, unmodifiable map of the item's attributes, in the order they were written. */
    public Map<String, AttrValue> item() {
        return ValueCodec.decodeItem(encoded);
    }

    /** One attribute, or null, without decoding the others. */
    public AttrValue attribute(String name) {
        return ValueCodec.attribute(encoded, name);
    }

    /** Writes the item as DynamoDB's JSON straight from its encoded form. */
    public void writeJson(JsonGenerator out) throws IOException {
        ValueCodec.writeJson(encoded, out);
    }

    /** Whether both hold the same attributes with the same values, in whatever order they were written. */
    public boolean sameData(StoredItem other) {
        return other != null && size == other.size
                && (java.util.Arrays.equals(encoded, other.encoded) || item().equals(other.item()));
    }

    public int size() {
        return size;
    }

    byte[] encoded() {
        return encoded;
    }

    @Override
    public String toString() {
        return item().toString();
    }
}
