package dev.dynagate.sandbox.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte in an array eight bytes at a time: the request head is scanned for line ends on every request, and a
 * byte-at-a-time loop over a few hundred header bytes was a measurable part of answering a GetItem.
 */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** The index of the first {@code wanted} in {@code bytes[from, to)}, or -1. */
    static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        long pattern = (wanted & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            // a zero byte in word is a match; the lowest flagged byte is always a true one
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
