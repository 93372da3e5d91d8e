package dev.dynagate.sandbox.dynamodb.storage;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Stored entries in key order. A key starts with its partition's token, so the entries are held as a sorted array of
 * tokens, split by the tokens' top bits into buckets of 8 to 16 on average: finding a key is a binary search over a few
 * cache lines of {@code long}s, not a walk down an ordered map whose every step loads another node from memory (a
 * skip list spent half a put's time there once the table outgrew the cache). A token that holds one entry keeps it in
 * the bucket's arrays; a token shared by several (the items of one partition, or an index partition) keeps them in an
 * ordered map of their own, a run. The buckets double in number as the table grows.
 *
 * <p>Written by one writer at a time (the database's write lock) and read concurrently: a bucket is never changed once
 * published; a write publishes a changed copy, so a reader sees each bucket as it was at one moment. Like the maps'
 * own views, a walk over several buckets is weakly consistent: it sees a write made meanwhile or not.
 */
public final class OrderedItems {
    private static final int MIN_BITS = 4;
    private static final int MAX_BITS = 20;
    /** Tokens per bucket, on average, above which the buckets double. */
    private static final int FILL = 16;

    private volatile Buckets buckets = new Buckets(MIN_BITS);
    /** Distinct tokens held: the writer's count, which decides when the buckets double. */
    private int tokens;

    public StoredItem get(IndexKey key) {
        Bucket bucket = buckets.of(key.token());
        int at = bucket == null ? -1 : bucket.find(key.token());
        if (at < 0) {
            return null;
        }
        Object value = bucket.values[at];
        if (value instanceof StoredItem item) {
            return bucket.keys[at].compareTo(key) == 0 ? item : null;
        }
        return run(value).get(key);
    }

    StoredItem put(IndexKey key, StoredItem item) {
        Buckets all = buckets;
        int index = all.index(key.token());
        Bucket bucket = all.get(index);
        int at = bucket == null ? -1 : bucket.find(key.token());
        if (at < 0) {
            all.set(index, Bucket.inserting(bucket, -at - 1, key, item));
            tokens++;
            if (tokens > FILL << all.bits && all.bits < MAX_BITS) {
                buckets = all.doubled();
            }
            return null;
        }
        Object value = bucket.values[at];
        if (value instanceof StoredItem old) {
            IndexKey held = bucket.keys[at];
            if (held.compareTo(key) == 0) {
                all.set(index, bucket.replacing(at, held, item));
                return old;
            }
            ConcurrentSkipListMap<IndexKey, StoredItem> run = new ConcurrentSkipListMap<>();
            run.put(held, old);
            run.put(key, item);
            all.set(index, bucket.replacing(at, null, run));
            return null;
        }
        return run(value).put(key, item);
    }

    StoredItem remove(IndexKey key) {
        Buckets all = buckets;
        int index = all.index(key.token());
        Bucket bucket = all.get(index);
        int at = bucket == null ? -1 : bucket.find(key.token());
        if (at < 0) {
            return null;
        }
        Object value = bucket.values[at];
        StoredItem old;
        if (value instanceof StoredItem item) {
            old = bucket.keys[at].compareTo(key) == 0 ? item : null;
        } else {
            ConcurrentSkipListMap<IndexKey, StoredItem> run = run(value);
            old = run.remove(key);
            if (!run.isEmpty()) {
                return old;
            }
        }
        if (old != null || value instanceof ConcurrentSkipListMap) {
            all.set(index, bucket.removing(at));
            tokens--;
        }
        return old;
    }

    /**
     * An ordered map that holds every entry with this token (and possibly others): a caller bounds it to one
     * partition with {@code subMap}. Take and read it under the database's read lock: a write may replace the map
     * rather than change it (a one-entry partition is answered as a copy, a run that empties is dropped), so a map
     * kept across a write can miss it.
     */
    public NavigableMap<IndexKey, StoredItem> partition(long token) {
        Bucket bucket = buckets.of(token);
        int at = bucket == null ? -1 : bucket.find(token);
        if (at < 0) {
            return Collections.emptyNavigableMap();
        }
        Object value = bucket.values[at];
        if (value instanceof StoredItem item) {
            TreeMap<IndexKey, StoredItem> one = new TreeMap<>();
            one.put(bucket.keys[at], item);
            return Collections.unmodifiableNavigableMap(one);
        }
        return Collections.unmodifiableNavigableMap(run(value));
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
     * never included).
     */
    public Iterable<Map.Entry<IndexKey, StoredItem>> range(IndexKey from, boolean inclusive, IndexKey to) {
        return () -> new Walk(buckets, from, inclusive, to);
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentSkipListMap<IndexKey, StoredItem> run(Object value) {
        return (ConcurrentSkipListMap<IndexKey, StoredItem>) value;
    }

    /** The buckets at one size: replaced as a whole when they double, each element when its bucket changes. */
    private static final class Buckets {
        final int bits;
        final AtomicReferenceArray<Bucket> array;

        Buckets(int bits) {
            this.bits = bits;
            this.array = new AtomicReferenceArray<>(1 << bits);
        }

        int index(long token) {
            return (int) (token >>> (64 - bits));
        }

        Bucket get(int index) {
            return array.get(index);
        }

        Bucket of(long token) {
            return array.get(index(token));
        }

        void set(int index, Bucket bucket) {
            array.set(index, bucket);
        }

        /** Twice as many buckets, each old one split in two by the next bit of its tokens. */
        Buckets doubled() {
            Buckets next = new Buckets(bits + 1);
            long bit = 1L << (63 - bits);
            for (int i = 0; i < array.length(); i++) {
                Bucket bucket = array.get(i);
                if (bucket != null) {
                    int split = 0;
                    while (split < bucket.tokens.length && (bucket.tokens[split] & bit) == 0) {
                        split++;
                    }
                    next.set(2 * i, bucket.slice(0, split));
                    next.set(2 * i + 1, bucket.slice(split, bucket.tokens.length));
                }
            }
            return next;
        }
    }

    /**
     * One bucket's tokens in unsigned order, each with its entry (key and item) or its run (key null, value an
     * ordered map of the token's entries). Never changed once published.
     */
    private static final class Bucket {
        final long[] tokens;
        final IndexKey[] keys;
        final Object[] values;

        private Bucket(long[] tokens, IndexKey[] keys, Object[] values) {
            this.tokens = tokens;
            this.keys = keys;
            this.values = values;
        }

        /** The index of the token, or (-(insertion point) - 1). */
        int find(long token) {
            int low = 0;
            int high = tokens.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int c = Long.compareUnsigned(tokens[mid], token);
                if (c < 0) {
                    low = mid + 1;
                } else if (c > 0) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(low + 1);
        }

        static Bucket inserting(Bucket bucket, int at, IndexKey key, StoredItem item) {
            if (bucket == null) {
                return new Bucket(new long[] {key.token()}, new IndexKey[] {key}, new Object[] {item});
            }
            int n = bucket.tokens.length;
            long[] tokens = new long[n + 1];
            IndexKey[] keys = new IndexKey[n + 1];
            Object[] values = new Object[n + 1];
            System.arraycopy(bucket.tokens, 0, tokens, 0, at);
            System.arraycopy(bucket.keys, 0, keys, 0, at);
            System.arraycopy(bucket.values, 0, values, 0, at);
            tokens[at] = key.token();
            keys[at] = key;
            values[at] = item;
            System.arraycopy(bucket.tokens, at, tokens, at + 1, n - at);
            System.arraycopy(bucket.keys, at, keys, at + 1, n - at);
            System.arraycopy(bucket.values, at, values, at + 1, n - at);
            return new Bucket(tokens, keys, values);
        }

        Bucket replacing(int at, IndexKey key, Object value) {
            IndexKey[] keys = this.keys;
            if (keys[at] != key) {
                keys = keys.clone();
                keys[at] = key;
            }
            Object[] values = this.values.clone();
            values[at] = value;
            return new Bucket(tokens, keys, values);
        }

        /** This bucket without the token at {@code at}, or null when that was its last. */
        Bucket removing(int at) {
            int n = tokens.length;
            if (n == 1) {
                return null;
            }
            long[] tokens = new long[n - 1];
            IndexKey[] keys = new IndexKey[n - 1];
            Object[] values = new Object[n - 1];
            System.arraycopy(this.tokens, 0, tokens, 0, at);
            System.arraycopy(this.keys, 0, keys, 0, at);
            System.arraycopy(this.values, 0, values, 0, at);
            System.arraycopy(this.tokens, at + 1, tokens, at, n - at - 1);
            System.arraycopy(this.keys, at + 1, keys, at, n - at - 1);
            System.arraycopy(this.values, at + 1, values, at, n - at - 1);
            return new Bucket(tokens, keys, values);
        }

        Bucket slice(int from, int to) {
            if (from == to) {
                return null;
            }
            return new Bucket(Arrays.copyOfRange(tokens, from, to), Arrays.copyOfRange(keys, from, to),
                    Arrays.copyOfRange(values, from, to));
        }
    }

    /** A walk over the entries from one key to another, bucket by bucket, each bucket as it was when reached. */
    private static final class Walk implements Iterator<Map.Entry<IndexKey, StoredItem>> {
        private final Buckets buckets;
        private final IndexKey from;
        private final boolean inclusive;
        private final IndexKey to;
        private final int lastBucket;
        private int nextBucket;
        private Bucket bucket;
        private int at;
        private Iterator<Map.Entry<IndexKey, StoredItem>> run = Collections.emptyIterator();
        private Map.Entry<IndexKey, StoredItem> next;
        private boolean done;

        Walk(Buckets buckets, IndexKey from, boolean inclusive, IndexKey to) {
            this.buckets = buckets;
            this.from = from;
            this.inclusive = inclusive;
            this.to = to;
            this.nextBucket = from == null ? 0 : buckets.index(from.token());
            this.lastBucket = to == null ? buckets.array.length() - 1 : buckets.index(to.token());
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                advance();
            }
            return next != null;
        }

        @Override
        public Map.Entry<IndexKey, StoredItem> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<IndexKey, StoredItem> entry = next;
            next = null;
            return entry;
        }

        /** Finds the next entry, or moves one token or bucket on. */
        private void advance() {
            if (run.hasNext()) {
                next = run.next();
                return;
            }
            if (bucket == null || at == bucket.tokens.length) {
                if (nextBucket > lastBucket) {
                    done = true;
                    return;
                }
                bucket = buckets.get(nextBucket++);
                at = 0;
                if (bucket != null && from != null) {
                    int found = bucket.find(from.token());
                    at = found < 0 ? -found - 1 : found;
                }
                return;
            }
            long token = bucket.tokens[at];
            if (to != null && Long.compareUnsigned(token, to.token()) > 0) {
                done = true;
                return;
            }
            Object value = bucket.values[at];
            IndexKey key = bucket.keys[at];
            at++;
            if (value instanceof StoredItem item) {
                if (after(key) && before(key)) {
                    next = Map.entry(key, item);
                } else if (!before(key)) {
                    done = true;
                }
                return;
            }
            NavigableMap<IndexKey, StoredItem> entries = run(value);
            if (from != null && from.token() == token) {
                entries = entries.tailMap(from, inclusive);
            }
            if (to != null && to.token() == token) {
                entries = entries.headMap(to, false);
            }
            run = entries.entrySet().iterator();
        }

        private boolean after(IndexKey key) {
            if (from == null) {
                return true;
            }
            int c = key.compareTo(from);
            return c > 0 || (c == 0 && inclusive);
        }

        private boolean before(IndexKey key) {
            return to == null || key.compareTo(to) < 0;
        }
    }
}
