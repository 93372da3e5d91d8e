package dev.dynagate.partitions;

import java.util.Base64;

/**
 * A request to open one item collection in the item explorer: a Query on {@code keyAttribute = keyValue} on the
 * table or index, read in sort-key order. Binary key values are given in base64, numbers as their decimal text.
 */
public record PartitionDrill(String table, String index, String keyAttribute, KeyType keyType, String keyValue) {

    public static PartitionDrill of(KeySchema keys, DdbValue key) {
        String text = key instanceof DdbValue.B b ? Base64.getEncoder().encodeToString(b.value()) : key.display();
        return new PartitionDrill(keys.table(), keys.index(), keys.partitionKey(), keys.partitionType(), text);
    }
}
