package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A table's items in key order (partition hash token, partition key, sort key) and its secondary indexes. Mutated
 * only by {@link Database} under its write lock; read concurrently.
 */
public final class TableData {
    private volatile TableSchema schema;
    private final OrderedItems items = new OrderedItems();
    private volatile Map<String, IndexData> indexes = Map.of();
    private volatile long itemCount;
    private volatile long sizeBytes;

    TableData(TableSchema schema) {
        this.schema = schema;
        setSchema(schema);
    }

    public TableSchema schema() {
        return schema;
    }

    public OrderedItems items() {
        return items;
    }

    public IndexData index(String name) {
        return indexes.get(name);
    }

    public Map<String, IndexData> indexes() {
        return indexes;
    }

    public long itemCount() {
        return itemCount;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** The table position of an item or key; the caller has checked the key attributes are present. */
    public IndexKey keyOf(Map<String, AttrValue> item) {
        return keyOf(item::get);
    }

    public IndexKey keyOf(StoredItem item) {
        return keyOf(item::attribute);
    }

    private IndexKey keyOf(Function<String, AttrValue> attributes) {
        TableSchema s = schema;
        AttrValue h = attributes.apply(s.hash().name());
        AttrValue r = s.range() == null ? null : attributes.apply(s.range().name());
        return new IndexKey(PartitionToken.of(h), h, r);
    }

    public StoredItem get(Map<String, AttrValue> key) {
        return items.get(keyOf(key));
    }

    /** Stores the item and answers the one it replaced, or null. */
    StoredItem put(StoredItem item) {
        StoredItem old = items.put(keyOf(item), item);
        if (old != null) {
            sizeBytes -= old.size();
        } else {
            itemCount++;
        }
        sizeBytes += item.size();
        for (IndexData index : indexes.values()) {
            index.put(old, item);
        }
        return old;
    }

    /** Removes the item with this key and answers it, or null when there was none. */
    StoredItem delete(Map<String, AttrValue> key) {
        StoredItem old = items.remove(keyOf(key));
        if (old != null) {
            itemCount--;
            sizeBytes -= old.size();
            for (IndexData index : indexes.values()) {
                index.put(old, null);
            }
        }
        return old;
    }

    /** Switches to a new schema, rebuilding indexes that are new (the backfill of a GSI added by UpdateTable). */
    void setSchema(TableSchema next) {
        Map<String, IndexData> rebuilt = new LinkedHashMap<>();
        for (IndexSchema index : next.indexes()) {
            IndexData existing = indexes.get(index.name());
            if (existing != null && existing.schema().hashes().equals(index.hashes())
                    && existing.schema().ranges().equals(index.ranges())) {
                rebuilt.put(index.name(), existing);
            } else {
                IndexData fresh = new IndexData(index, next);
                for (StoredItem item : items.values()) {
                    if (fresh.backfills(item)) {
                        fresh.put(null, item);
                    }
                }
                rebuilt.put(index.name(), fresh);
            }
        }
        schema = next;
        indexes = java.util.Collections.unmodifiableMap(rebuilt);
    }
}
