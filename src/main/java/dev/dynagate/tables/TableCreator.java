package dev.dynagate.tables;

/** Creates tables on one connection. Blocks until the new table can be used; call it on the background executor. */
public interface TableCreator {

    /**
     * A new table's key and billing.
     *
     * @param sort        null for a table without a sort key
     * @param readUnits   provisioned read capacity; ignored when {@code onDemand}
     * @param writeUnits  provisioned write capacity; ignored when {@code onDemand}
     */
    record Spec(String name, TableDescription.Key partition, TableDescription.Key sort, boolean onDemand,
                long readUnits, long writeUnits) {
    }

    void create(Spec spec);
}
