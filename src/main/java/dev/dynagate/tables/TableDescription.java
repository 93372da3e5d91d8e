package dev.dynagate.tables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What DescribeTable (and DescribeTimeToLive) say about a table.
 *
 * @param ttlAttribute the TTL attribute, or null when TTL is off or unknown
 * @param stream       the stream view type ("NEW_AND_OLD_IMAGES"…), or null when there is no stream
 */
public record TableDescription(String name, String arn, String status, Instant created, KeySchema keys,
                               List<Index> indexes, String billingMode, Long readCapacity, Long writeCapacity,
                               String ttlAttribute, String stream, long itemCount, long sizeBytes) {

    public record Key(String name, KeyType type) {
    }

    /**
     * @param sort       null for a table or index without a sort key
     * @param partitions every HASH attribute, the first being {@code partition}; more than one only for a global
     *                   index with a multi-attribute key
     * @param sorts      every RANGE attribute, the first being {@code sort}
     */
    public record KeySchema(Key partition, Key sort, List<Key> partitions, List<Key> sorts) {
        public KeySchema {
            partitions = List.copyOf(partitions);
            sorts = List.copyOf(sorts);
        }

        public KeySchema(Key partition, Key sort) {
            this(partition, sort, List.of(partition), sort == null ? List.of() : List.of(sort));
        }

        /** Whether the key has more than one partition or more than one sort attribute. */
        public boolean multiAttribute() {
            return partitions.size() > 1 || sorts.size() > 1;
        }

        public List<String> names() {
            List<String> names = new ArrayList<>();
            partitions.forEach(k -> names.add(k.name()));
            sorts.forEach(k -> names.add(k.name()));
            return names;
        }
    }

    public enum IndexKind { GSI, LSI }

    /**
     * @param projection ALL, KEYS_ONLY or INCLUDE; nonKeyAttributes lists what INCLUDE adds
     * @param pending    null when the index can be read; otherwise what DynamoDB is doing to it, in words ("being
     *                   built", "being deleted")
     * @param readCapacity a global index's own provisioned units on a provisioned table; null otherwise (a local
     *                   index uses the table's)
     */
    public record Index(String name, IndexKind kind, KeySchema keys, String projection, List<String> nonKeyAttributes,
                        String pending, Long readCapacity, Long writeCapacity) {
        /** An index that can be read, on demand or sharing the table's units. */
        public Index(String name, IndexKind kind, KeySchema keys, String projection, List<String> nonKeyAttributes) {
            this(name, kind, keys, projection, nonKeyAttributes, null);
        }

        public Index(String name, IndexKind kind, KeySchema keys, String projection, List<String> nonKeyAttributes,
                     String pending) {
            this(name, kind, keys, projection, nonKeyAttributes, pending, null, null);
        }

        public boolean hidesAttributes() {
            return !"ALL".equals(projection);
        }
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /** The key schema used when reading {@code indexName} (null = the table itself). */
    public KeySchema keysOf(String indexName) {
        return indexName == null ? keys : index(indexName).map(Index::keys).orElse(keys);
    }

    /** Table key names first, then the index keys, without repeats: the columns shown first in the grid. */
    public List<String> keyColumns(String indexName) {
        List<String> names = new ArrayList<>(keys.names());
        if (indexName != null) {
            keysOf(indexName).names().stream().filter(n -> !names.contains(n)).forEach(names::add);
        }
        return names;
    }
}
