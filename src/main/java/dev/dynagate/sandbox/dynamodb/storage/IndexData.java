package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.LinkedHashMap;
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

    private IndexKey keyOf(Function<String, AttrValue> attributes) {
        AttrValue h = attributes.apply(schema.hash().name());
        if (h == null || !h.type().equals(schema.hash().type())) {
            return null;
        }
        AttrValue r = null;
        if (schema.range() != null) {
            r = attributes.apply(schema.range().name());
            if (r == null || !r.type().equals(schema.range().type())) {
                return null;
            }
        }
        AttrValue th = attributes.apply(table.hash().name());
        AttrValue tr = table.range() == null ? null : attributes.apply(table.range().name());
        return new IndexKey(PartitionToken.of(h), h, r, th, tr);
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
                || name.equals(schema.hash().name()) || (schema.range() != null && name.equals(schema.range().name()));
    }
}
