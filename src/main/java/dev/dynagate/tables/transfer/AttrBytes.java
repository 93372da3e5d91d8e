package dev.dynagate.tables.transfer;

import dev.dynagate.dynamodbrules.SizeRules;
import dev.dynagate.tables.Attr;
import java.math.BigDecimal;
import java.util.Map;

/** An item's size by DynamoDB's rules ({@link SizeRules}), over the tables feature's value model. */
final class AttrBytes {
    private AttrBytes() {
    }

    static long of(Map<String, Attr> item) {
        long size = 0;
        for (Map.Entry<String, Attr> e : item.entrySet()) {
            size += SizeRules.utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    private static long of(Attr value) {
        if (value instanceof Attr.S s) {
            return SizeRules.utf8(s.value());
        } else if (value instanceof Attr.N n) {
            return number(n.value());
        } else if (value instanceof Attr.B b) {
            return b.bytes().length;
        } else if (value instanceof Attr.SS ss) {
            return ss.values().stream().mapToLong(SizeRules::utf8).sum();
        } else if (value instanceof Attr.NS ns) {
            return ns.values().stream().mapToLong(AttrBytes::number).sum();
        } else if (value instanceof Attr.BS bs) {
            return bs.values().stream().mapToLong(b -> b.bytes().length).sum();
        } else if (value instanceof Attr.L l) {
            return SizeRules.CONTAINER_OVERHEAD + l.values().size() + l.values().stream().mapToLong(AttrBytes::of).sum();
        } else if (value instanceof Attr.M m) {
            return SizeRules.CONTAINER_OVERHEAD + m.values().size() + of(m.values());
        }
        return 1; // BOOL and NULL
    }

    private static long number(String text) {
        return SizeRules.number(new BigDecimal(text));
    }
}
