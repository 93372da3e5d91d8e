package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A position in a table or index: the partition's hash token first (so a full scan walks partitions in a stable
 * hash order, never insertion order), then the key parts in key order. Table keys have the parts
 * {@code [hash, range]}; index keys add the table key after the index key so ties on the index key are broken by
 * the table key. A part may be {@link #LOW} or {@link #HIGH} to bound a range of keys, or null (no range key).
 *
 * <p>The parts are held as one array whose unsigned byte order is the key order, so a stored position is two
 * objects however many parts it has. Each part is a mark (LOW &lt; null &lt; B &lt; N &lt; S &lt; HIGH; types
 * differ only across tables), and a value continues with its bytes (UTF-8 for S, which orders as code points; the
 * raw bytes for B; a base-100 form for N that orders numerically), a 0 byte escaped as 0 255, and the end as 0 0.
 * Trailing null parts are dropped, and a key that ends reads as null parts from there on.
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

    private static final int LOW_MARK = 1;
    private static final int NULL_MARK = 2;
    private static final int B_MARK = 3;
    private static final int N_MARK = 4;
    private static final int S_MARK = 5;
    private static final int HIGH_MARK = 6;

    private final long token;
    private final byte[] parts;

    public IndexKey(long token, Object... parts) {
        this.token = token;
        this.parts = encode(parts);
    }

    public long token() {
        return token;
    }

    private static byte[] encode(Object[] parts) {
        int count = parts.length;
        while (count > 0 && parts[count - 1] == null) {
            count--;
        }
        byte[][] values = new byte[count][];
        int size = 0;
        for (int i = 0; i < count; i++) {
            size++;
            if (parts[i] instanceof AttrValue value) {
                values[i] = value instanceof AttrValue.N n ? PartitionToken.numberBytes(n.value()) : KeyBytes.of(value);
                size += values[i].length + 2;
                for (byte b : values[i]) {
                    size += b == 0 ? 1 : 0;
                }
            }
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < count; i++) {
            Object part = parts[i];
            out[at++] = (byte) mark(part);
            if (values[i] != null) {
                for (byte b : values[i]) {
                    out[at++] = b;
                    if (b == 0) {
                        out[at++] = (byte) 0xff;
                    }
                }
                at += 2; // the value's end, 0 0, is already there
            }
        }
        return out;
    }

    private static int mark(Object part) {
        if (part == LOW) {
            return LOW_MARK;
        }
        if (part == HIGH) {
            return HIGH_MARK;
        }
        if (part == null) {
            return NULL_MARK;
        }
        if (part instanceof AttrValue.N) {
            return N_MARK;
        }
        if (part instanceof AttrValue.S) {
            return S_MARK;
        }
        if (part instanceof AttrValue.B) {
            return B_MARK;
        }
        throw new IllegalArgumentException("not a key part: " + part);
    }

    @Override
    public int compareTo(IndexKey other) {
        int c = Long.compareUnsigned(token, other.token);
        if (c != 0) {
            return c;
        }
        byte[] a = parts;
        byte[] b = other.parts;
        int mismatch = Arrays.mismatch(a, b);
        if (mismatch < 0) {
            return 0;
        }
        if (mismatch < a.length && mismatch < b.length) {
            return Integer.compare(a[mismatch] & 0xff, b[mismatch] & 0xff);
        }
        // one key ended at a part boundary: it goes on as null parts, so only what follows in the other decides
        return mismatch == a.length ? -afterNulls(b, mismatch) : afterNulls(a, mismatch);
    }

    /** How the rest of a longer key, from a part boundary, compares with null parts: the first non-null mark. */
    private static int afterNulls(byte[] key, int from) {
        for (int i = from; i < key.length; i++) {
            if (key[i] != NULL_MARK) {
                return key[i] == LOW_MARK ? -1 : 1;
            }
        }
        return 0; // unreachable: trailing null parts are dropped when a key is made
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexKey k && token == k.token && Arrays.equals(parts, k.parts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(token) * 31 + Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return Long.toHexString(token) + ":" + HexFormat.of().formatHex(parts);
    }
}
