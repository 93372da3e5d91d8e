package dev.dynagate.tables;

/**
 * Creates and deletes tables on one connection, and sets their time to live. Each call blocks until DynamoDB has done it (the new table ACTIVE, the
 * old one gone); call them on the background executor.
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
                long readUnits, long writeUnits) {
    }

    void create(Spec spec);

    void delete(String table);

    /** Turns time to live on for {@code attribute}, or off ({@code enabled} false, with the attribute it had). */
    void setTimeToLive(String table, String attribute, boolean enabled);
}
