package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The entries of one secondary index: the projected items of every table item that has the index's key. */
public final class IndexData {
    private final IndexSchema schema;
    private final TableSchema table;
    private final OrderedItems entries = new OrderedItems();
    private volatile long itemCount;
    private volatile long sizeBytes;

    IndexData(IndexSchema schema, TableSchema table) {
        this.schema = schema;
        this.table = table;
    }

    public IndexSchema schema() {
        return schema;
    }

    public OrderedItems entries() {
        return entries;
    }

    public long itemCount() {
        return itemCount;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** The index position of an item, or null when the item lacks (a correctly typed) index key. */
    public IndexKey keyOf(Map<String, AttrValue> item) {
        return keyOf(item::get);
    }

    /** The index position of a stored item, read from its key attributes alone. */
    public IndexKey keyOf(StoredItem item) {
        return keyOf(item::attribute);
    }

    /**
     * The position is the HASH values, the RANGE values, then the table key; an item lacking any of the index's key
     * attributes is not in the index. A key without RANGE attributes keeps a null part in their place, so an index's
     * positions all have the same layout.
     */
    private IndexKey keyOf(Function<String, AttrValue> attributes) {
        List<KeyAttr> hashes = schema.hashes();
        List<KeyAttr> ranges = schema.ranges();
        Object[] parts = new Object[hashes.size() + Math.max(1, ranges.size()) + 2];
        List<AttrValue> hashValues = new ArrayList<>(hashes.size());
        int at = 0;
        for (KeyAttr attr : hashes) {
            AttrValue v = typed(attributes, attr);
            if (v == null) {
                return null;
            }
            hashValues.add(v);
            parts[at++] = v;
        }
        for (KeyAttr attr : ranges) {
            AttrValue v = typed(attributes, attr);
            if (v == null) {
                return null;
            }
            parts[at++] = v;
        }
        at = hashes.size() + Math.max(1, ranges.size());
        parts[at++] = attributes.apply(table.hash().name());
        parts[at] = table.range() == null ? null : attributes.apply(table.range().name());
        return new IndexKey(PartitionToken.of(hashValues), parts);
    }

    /** The most bytes an index's HASH values, and its RANGE values, may hold together. */
    private static final int MAX_HASH_BYTES = 2048;
    private static final int MAX_RANGE_BYTES = 1024;

    /**
     * Whether filling a new index takes an item already in the table: DynamoDB leaves out an item whose key values
     * for the index a write would have been refused for (empty, or longer than a key may be).
     */
    boolean backfills(StoredItem item) {
        return withinLimit(schema.hashes(), item, MAX_HASH_BYTES) && withinLimit(schema.ranges(), item,
                MAX_RANGE_BYTES);
    }

    private static boolean withinLimit(List<KeyAttr> attributes, StoredItem item, int limit) {
        int total = 0;
        for (KeyAttr attr : attributes) {
            AttrValue v = item.attribute(attr.name());
            int bytes = v == null ? 0 : KeyBytes.of(v).length;
            if (v != null && bytes == 0) {
                return false;
            }
            total += bytes;
        }
        return total <= limit;
    }

    private static AttrValue typed(Function<String, AttrValue> attributes, KeyAttr attr) {
        AttrValue v = attributes.apply(attr.name());
        return v != null && v.type().equals(attr.type()) ? v : null;
    }

    void put(StoredItem old, StoredItem now) {
        IndexKey oldKey = old == null ? null : keyOf(old);
        if (oldKey != null) {
            StoredItem removed = entries.remove(oldKey);
            if (removed != null) {
                itemCount--;
                sizeBytes -= removed.size();
            }
        }
        IndexKey newKey = now == null ? null : keyOf(now);
        if (newKey != null) {
            StoredItem projected = project(now);
            entries.put(newKey, projected);
            itemCount++;
            sizeBytes += projected.size();
        }
    }

    private StoredItem project(StoredItem item) {
        if (schema.projectsAll()) {
            return item;
        }
        return StoredItem.of(java.util.Collections.unmodifiableMap(projected(item.item())));
    }

    private Map<String, AttrValue> projected(Map<String, AttrValue> item) {
        if (schema.projectsAll()) {
            return item;
        }
        Map<String, AttrValue> projected = new LinkedHashMap<>();
        for (Map.Entry<String, AttrValue> e : item.entrySet()) {
            String name = e.getKey();
            if (isKey(name) || (schema.nonKeyAttributes() != null && schema.nonKeyAttributes().contains(name))) {
                projected.put(name, e.getValue());
            }
        }
        return projected;
    }

    /** Whether replacing {@code old} by {@code now} leaves what this index holds for the item as it was. */
    public boolean holdsTheSame(StoredItem old, StoredItem now) {
        return projected(old.item()).equals(projected(now.item()));
    }

    private boolean isKey(String name) {
        return name.equals(table.hash().name()) || (table.range() != null && name.equals(table.range().name()))
                || schema.hasKey(name);
    }
}
