package dev.dynagate.tables;

import java.util.List;

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
     */
    record Spec(String name, TableDescription.Key partition, TableDescription.Key sort, boolean onDemand,
                long readUnits, long writeUnits, List<IndexSpec> indexes) {
        public Spec {
            indexes = List.copyOf(indexes);
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

    /** Turns time to live on for {@code attribute}, or off ({@code enabled} false, with the attribute it had). */
    void setTimeToLive(String table, String attribute, boolean enabled);
}
