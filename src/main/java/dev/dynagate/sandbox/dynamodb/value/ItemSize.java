package dev.dynagate.sandbox.dynamodb.value;

import dev.dynagate.dynamodbrules.SizeRules;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Item sizes as DynamoDB counts them for the 400 KB limit and for capacity units: attribute names and strings in UTF-8
 * bytes, binaries in bytes, numbers by their base-100 digits, one byte for BOOL and NULL, and for maps and lists three
 * bytes plus one per element on top of their contents.
 */
public final class ItemSize {
    public static final long MAX_ITEM_BYTES = SizeRules.MAX_ITEM_BYTES;
    /** What a map or list costs on top of its contents, and what each of its elements adds. */
    public static final int CONTAINER_OVERHEAD = SizeRules.CONTAINER_OVERHEAD;
    public static final int ELEMENT_OVERHEAD = SizeRules.ELEMENT_OVERHEAD;

    private ItemSize() {
    }

    public static long of(Map<String, AttrValue> item) {
        long size = 0;
        for (Map.Entry<String, AttrValue> entry : item.entrySet()) {
            size += SizeRules.utf8(entry.getKey()) + of(entry.getValue());
        }
        return size;
    }

    /** The size of a value without its attribute name. */
    public static long of(AttrValue v) {
        if (v instanceof AttrValue.S s) {
            return SizeRules.utf8(s.value());
        }
        if (v instanceof AttrValue.N n) {
            return number(n.value());
        }
        if (v instanceof AttrValue.B b) {
            return b.value().length;
        }
        if (v instanceof AttrValue.Bool || v instanceof AttrValue.Null) {
            return 1;
        }
        if (v instanceof AttrValue.M m) {
            return CONTAINER_OVERHEAD + m.value().size() * (long) ELEMENT_OVERHEAD + of(m.value());
        }
        if (v instanceof AttrValue.L l) {
            long size = CONTAINER_OVERHEAD + l.value().size() * (long) ELEMENT_OVERHEAD;
            for (AttrValue element : l.value()) {
                size += of(element);
            }
            return size;
        }
        if (v instanceof AttrValue.SS ss) {
            return ss.value().stream().mapToLong(SizeRules::utf8).sum();
        }
        if (v instanceof AttrValue.NS ns) {
            return ns.value().stream().mapToLong(ItemSize::number).sum();
        }
        return ((AttrValue.BS) v).value().stream().mapToLong(b -> b.length).sum();
    }

    /** See {@link SizeRules#number}. */
    public static long number(BigDecimal value) {
        return SizeRules.number(value);
    }

    /** The UTF-8 length of a string, without encoding it. */
    public static long utf8Bytes(String s) {
        return SizeRules.utf8(s);
    }
}
