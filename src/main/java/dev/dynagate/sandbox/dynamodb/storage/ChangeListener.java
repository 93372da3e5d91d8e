package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.schema.TableSchema;

/** Hears each committed change, in commit order, while the database's write lock is held (see Database#listen). */
public interface ChangeListener {
    /**
     * An item written or deleted: {@code before} is null for a new item, {@code after} null for a deleted one.
     * {@code expired}: the delete was Time to Live's.
     */
    void itemChanged(TableSchema schema, StoredItem before, StoredItem after, boolean expired);

    /** A table created ({@code before} null), changed, or deleted ({@code after} null). */
    void schemaChanged(TableSchema before, TableSchema after);
}
