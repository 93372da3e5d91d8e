package dev.dynagate.partitions;

/**
 * The key of a table or of one of its secondary indexes: what a partitions scan groups by.
 *
 * @param index null for the table itself
 * @param sortKey null when there is no sort key
 */
public record KeySchema(String table, String index, String partitionKey, KeyType partitionType, String sortKey,
                        KeyType sortType) {

    public boolean hasSortKey() {
        return sortKey != null;
    }

    public boolean isIndex() {
        return index != null;
    }

    /** "Experiments" or "Experiments · bySubject". */
    public String label() {
        return index == null ? table : table + " · " + index;
    }
}
