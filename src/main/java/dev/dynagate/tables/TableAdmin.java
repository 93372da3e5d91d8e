package dev.dynagate.tables;

import java.util.List;
import java.util.Map;

/**
 * Creates and deletes tables on one connection, and sets their time to live. Each call blocks until DynamoDB has
 * done it (the new table ACTIVE, the old one gone); call them on the background executor.
 */
public interface TableAdmin {

    /**
     * A new table's key and billing.
     *
     * @param sort        null for a table without a sort key
     * @param readUnits   provisioned read capacity; ignored when {@code onDemand}
     * @param writeUnits  provisioned write capacity; ignored when {@code onDemand}
     * @param stream      the stream's view type (NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE, KEYS_ONLY), or null for
     *                    a table without a stream
     */
    record Spec(String name, TableDescription.Key partition, TableDescription.Key sort, boolean onDemand,
                long readUnits, long writeUnits, List<IndexSpec> indexes, String stream) {
        public Spec {
            indexes = List.copyOf(indexes);
        }

        /** A table without a stream. */
        public Spec(String name, TableDescription.Key partition, TableDescription.Key sort, boolean onDemand,
                    long readUnits, long writeUnits, List<IndexSpec> indexes) {
            this(name, partition, sort, onDemand, readUnits, writeUnits, indexes, null);
        }

        /** A table without secondary indexes. */
        public Spec(String name, TableDescription.Key partition, TableDescription.Key sort, boolean onDemand,
                    long readUnits, long writeUnits) {
            this(name, partition, sort, onDemand, readUnits, writeUnits, List.of());
        }
    }

    /**
     * A secondary index made with the table. A local index's partition key is the table's; a global one on a
     * provisioned table gets the table's capacity.
     *
     * @param sort             null for a global index without a sort key
     * @param projection       ALL, KEYS_ONLY or INCLUDE
     * @param nonKeyAttributes what INCLUDE adds to the keys; empty otherwise
     */
    record IndexSpec(String name, TableDescription.IndexKind kind, TableDescription.Key partition,
                     TableDescription.Key sort, String projection, List<String> nonKeyAttributes) {
        public IndexSpec {
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    void create(Spec spec);

    void delete(String table);

    /**
     * Adds a global index to an existing table (on a provisioned table, with the table's capacity) and waits until
     * DynamoDB has filled it from the table's items and it is ACTIVE. Interrupting the thread stops the waiting, not
     * the index being built.
     */
    void addGlobalIndex(String table, IndexSpec index) throws InterruptedException;

    /** Deletes a global index of a table and waits until it is gone; the table's items stay. */
    void deleteGlobalIndex(String table, String index) throws InterruptedException;

    /** Provisioned read and write capacity units. */
    record Units(long read, long write) {
    }

    /**
     * Moves the table to on demand, or to provisioned {@code units} with {@code indexUnits} for the global indexes
     * named there (an index not named keeps its units, or gets the table's when the table was on demand); sends only
     * what changes, and waits until the table is ACTIVE again.
     */
    void setCapacity(String table, boolean onDemand, Units units, Map<String, Units> indexUnits);

    /** As {@link #setCapacity(String, boolean, Units, Map)} with every global index keeping its units. */
    default void setCapacity(String table, boolean onDemand, long readUnits, long writeUnits) {
        setCapacity(table, onDemand, new Units(readUnits, writeUnits), Map.of());
    }

    /** Turns time to live on for {@code attribute}, or off ({@code enabled} false, with the attribute it had). */
    void setTimeToLive(String table, String attribute, boolean enabled);
}
