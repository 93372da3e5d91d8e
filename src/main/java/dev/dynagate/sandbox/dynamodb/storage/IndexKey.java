package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.value.AttrOrder;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Arrays;

/**
 * A position in a table or index: the partition's hash token first (so a full scan walks partitions in a stable
 * hash order, never insertion order), then the key parts in key order. Table keys have the parts
 * {@code [hash, range]}; index keys add the table key after the index key so ties on the index key are broken by
 * the table key. A part may be {@link #LOW} or {@link #HIGH} to bound a range of keys.
 */
public final class IndexKey implements Comparable<IndexKey> {
    /** Sorts before every value at its position. */
    public static final Object LOW = new Object() {
        @Override public String toString() { return "LOW"; }
    };
    /** Sorts after every value at its position. */
    public static final Object HIGH = new Object() {
        @Override public String toString() { return "HIGH"; }
    };

    private final long token;
    private final Object[] parts;

    public IndexKey(long token, Object... parts) {
        this.token = token;
        this.parts = parts;
    }

    public long token() {
        return token;
    }

    public Object part(int i) {
        return parts[i];
    }

    @Override
    public int compareTo(IndexKey other) {
        int c = Long.compareUnsigned(token, other.token);
        if (c != 0) {
            return c;
        }
        int n = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < n; i++) {
            Object a = i < parts.length ? parts[i] : null;
            Object b = i < other.parts.length ? other.parts[i] : null;
            if (a == b) {
                continue;
            }
            if (a == LOW || b == HIGH) {
                return -1;
            }
            if (a == HIGH || b == LOW) {
                return 1;
            }
            if (a == null) {
                return -1;
            }
            if (b == null) {
                return 1;
            }
            AttrValue x = (AttrValue) a;
            AttrValue y = (AttrValue) b;
            // one map never mixes key types; across maps (a set of keys of many tables) any fixed order will do
            c = x.type().equals(y.type()) ? AttrOrder.compareKeys(x, y) : x.type().compareTo(y.type());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexKey k && compareTo(k) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(token) * 31 + Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return Long.toHexString(token) + Arrays.toString(parts);
    }
}
