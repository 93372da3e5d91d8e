package dev.dynagate.partitions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds scanned items into one small record per partition-key value, so memory grows with the number of distinct
 * keys and not with items. Safe to feed from several scan segments at once.
 */
public final class PartitionAggregator {
    /** Beyond this many prefixes in one collection the rest is counted as one group. */
    static final int MAX_PREFIXES = 12;
    static final String OTHER_PREFIXES = "(other)";

    private final KeySchema keys;
    private final Map<DdbValue, Collection> collections = new HashMap<>();
    private long items;
    private long bytes;

    public PartitionAggregator(KeySchema keys) {
        this.keys = keys;
    }

    public KeySchema keys() {
        return keys;
    }

    public synchronized void add(List<Map<String, DdbValue>> page) {
        for (Map<String, DdbValue> item : page) {
            DdbValue key = item.get(keys.partitionKey());
            if (key == null) {
                continue; // not in this index: sparse indexes skip items without their key
            }
            long size = ItemBytes.of(item);
            collections.computeIfAbsent(key, k -> new Collection())
                    .add(keys.hasSortKey() ? item.get(keys.sortKey()) : null, size);
            items++;
            bytes += size;
        }
    }

    public synchronized long items() {
        return items;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int partitions() {
        return collections.size();
    }

    public synchronized List<PartitionStats> snapshot() {
        List<PartitionStats> out = new ArrayList<>(collections.size());
        collections.forEach((key, c) -> out.add(new PartitionStats(key, c.items, c.bytes, c.first, c.last,
                c.prefixes)));
        return out;
    }

    private static final class Collection {
        long items;
        long bytes;
        DdbValue first;
        DdbValue last;
        final Map<String, Long> prefixes = new LinkedHashMap<>();

        void add(DdbValue sortKey, long size) {
            items++;
            bytes += size;
            if (sortKey == null) {
                return;
            }
            if (first == null || KeyOrder.INSTANCE.compare(sortKey, first) < 0) {
                first = sortKey;
            }
            if (last == null || KeyOrder.INSTANCE.compare(sortKey, last) > 0) {
                last = sortKey;
            }
            String prefix = SortKeyPrefix.of(sortKey);
            if (!prefixes.containsKey(prefix) && prefixes.size() >= MAX_PREFIXES) {
                prefix = OTHER_PREFIXES;
            }
            prefixes.merge(prefix, 1L, Long::sum);
        }
    }
}
