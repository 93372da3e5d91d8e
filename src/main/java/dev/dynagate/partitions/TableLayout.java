package dev.dynagate.partitions;

import java.util.List;

/**
 * What DescribeTable tells the partitions view: the table's key, its global secondary indexes, how many local
 * secondary indexes it has (they bound item collections to 10 GB) and DynamoDB's item-count and size estimates,
 * which it refreshes only every few hours.
 */
public record TableLayout(KeySchema table, List<KeySchema> globalIndexes, int localIndexCount, long itemCountEstimate,
                          long sizeBytesEstimate) {

    public TableLayout {
        globalIndexes = List.copyOf(globalIndexes);
    }

    /** The table key or the named global index, or null when there is no such index. */
    public KeySchema keys(String index) {
        if (index == null) {
            return table;
        }
        return globalIndexes.stream().filter(k -> k.index().equals(index)).findFirst().orElse(null);
    }
}
