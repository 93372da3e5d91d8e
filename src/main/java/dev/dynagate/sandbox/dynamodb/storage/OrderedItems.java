package dev.dynagate.sandbox.dynamodb.storage;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Stored entries in key order, split by the top bits of the partition token into buckets, each an ordered map of its
 * own. A key starts with its token, so bucket order is key order and a partition lies in one bucket: a lookup or an
 * insert walks a map about a thousand times smaller than the table, so puts and gets do not slow down as a table
 * grows deeper. Buckets are made on first use. Written by one writer at a time (the database's write lock) and read
 * concurrently.
 */
public final class OrderedItems {
    private static final int BITS = 10;
    private static final int BUCKETS = 1 << BITS;

    private final AtomicReferenceArray<ConcurrentSkipListMap<IndexKey, StoredItem>> buckets =
            new AtomicReferenceArray<>(BUCKETS);

    private static int bucket(long token) {
        return (int) (token >>> (64 - BITS));
    }

    public StoredItem get(IndexKey key) {
        NavigableMap<IndexKey, StoredItem> bucket = buckets.get(bucket(key.token()));
        return bucket == null ? null : bucket.get(key);
    }

    StoredItem put(IndexKey key, StoredItem item) {
        int index = bucket(key.token());
        ConcurrentSkipListMap<IndexKey, StoredItem> bucket = buckets.get(index);
        if (bucket == null) {
            buckets.compareAndSet(index, null, new ConcurrentSkipListMap<>());
            bucket = buckets.get(index);
        }
        return bucket.put(key, item);
    }

    StoredItem remove(IndexKey key) {
        NavigableMap<IndexKey, StoredItem> bucket = buckets.get(bucket(key.token()));
        return bucket == null ? null : bucket.remove(key);
    }

    /**
     * The ordered map that holds every entry with this token, among those of other partitions in its bucket: a
     * caller bounds it to one partition with {@code subMap}.
     */
    public NavigableMap<IndexKey, StoredItem> partition(long token) {
        NavigableMap<IndexKey, StoredItem> bucket = buckets.get(bucket(token));
        return bucket == null ? Collections.emptyNavigableMap() : bucket;
    }

    /** Every entry in key order. */
    public Iterable<Map.Entry<IndexKey, StoredItem>> all() {
        return range(null, true, null);
    }

    /** Every stored item in key order. */
    public Iterable<StoredItem> values() {
        return () -> new Iterator<>() {
            private final Iterator<Map.Entry<IndexKey, StoredItem>> entries = all().iterator();

            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public StoredItem next() {
                return entries.next().getValue();
            }
        };
    }

    /**
     * The entries in key order from {@code from} (null: the first; included or not) to {@code to} (null: the last;
     * never included). Like the maps' own views, the walk is weakly consistent: it sees a write made meanwhile or not.
     */
    public Iterable<Map.Entry<IndexKey, StoredItem>> range(IndexKey from, boolean inclusive, IndexKey to) {
        int first = from == null ? 0 : bucket(from.token());
        int last = to == null ? BUCKETS - 1 : bucket(to.token());
        return () -> new Iterator<>() {
            private int next = first;
            private Iterator<Map.Entry<IndexKey, StoredItem>> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next <= last) {
                    current = part(next++).entrySet().iterator();
                }
                return current.hasNext();
            }

            @Override
            public Map.Entry<IndexKey, StoredItem> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }

            private NavigableMap<IndexKey, StoredItem> part(int index) {
                NavigableMap<IndexKey, StoredItem> bucket = buckets.get(index);
                if (bucket == null) {
                    return Collections.emptyNavigableMap();
                }
                if (from != null && index == first) {
                    bucket = bucket.tailMap(from, inclusive);
                }
                if (to != null && index == last) {
                    bucket = bucket.headMap(to, false);
                }
                return bucket;
            }
        };
    }
}
