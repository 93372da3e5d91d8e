package dev.dynagate.partitions;

import dev.dynagate.dynamodbrules.SizeRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Item sizes by DynamoDB's rules (the figure behind the 400 KB limit, capacity units and item-collection sizes):
 * names and strings in UTF-8 bytes, binaries in bytes, numbers as an exponent byte plus one byte per pair of
 * significant digits (plus one for negatives), one byte for BOOL and NULL, and for maps and lists three bytes plus
 * one per element on top of their contents.
 */
public final class ItemBytes {
    private static final int CONTAINER_OVERHEAD = SizeRules.CONTAINER_OVERHEAD;

    private ItemBytes() {
    }

    public static long of(Map<String, DdbValue> item) {
        long size = 0;
        for (Map.Entry<String, DdbValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static long of(DdbValue value) {
        if (value instanceof DdbValue.S s) {
            return utf8(s.value());
        }
        if (value instanceof DdbValue.N n) {
            return number(n.value());
        }
        if (value instanceof DdbValue.B b) {
            return b.value().length;
        }
        if (value instanceof DdbValue.M m) {
            return CONTAINER_OVERHEAD + m.value().size() + of(m.value());
        }
        if (value instanceof DdbValue.L l) {
            return CONTAINER_OVERHEAD + l.value().size() + sum(l.value());
        }
        if (value instanceof DdbValue.SS ss) {
            return ss.value().stream().mapToLong(ItemBytes::utf8).sum();
        }
        if (value instanceof DdbValue.NS ns) {
            return ns.value().stream().mapToLong(ItemBytes::number).sum();
        }
        if (value instanceof DdbValue.BS bs) {
            return bs.value().stream().mapToLong(b -> b.length).sum();
        }
        return 1; // BOOL and NULL
    }

    private static long sum(List<DdbValue> values) {
        long size = 0;
        for (DdbValue v : values) {
            size += of(v);
        }
        return size;
    }

    static long number(String text) {
        return SizeRules.number(new BigDecimal(text));
    }

    static long utf8(String s) {
        return SizeRules.utf8(s);
    }
}
