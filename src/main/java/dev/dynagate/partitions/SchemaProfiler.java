package dev.dynagate.partitions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Infers a schema from scanned items: per attribute path (nested maps as {@code a.b}, list elements as
 * {@code a[]}), presence, types with counts, numbers a double cannot hold, examples. Memory grows with distinct
 * paths, capped so a map used as a dictionary cannot exhaust it. Safe to feed from several scan segments.
 */
public final class SchemaProfiler {
    static final int MAX_PATHS = 2000;

    private final SchemaNode root = new SchemaNode("", "");
    private long items;
    private int paths;
    private boolean truncated;

    public synchronized void add(List<Map<String, DdbValue>> page) {
        for (Map<String, DdbValue> item : page) {
            long seq = items++;
            visitMembers(root, item, seq);
        }
    }

    private void visitMembers(SchemaNode parent, Map<String, DdbValue> members, long seq) {
        for (Map.Entry<String, DdbValue> e : members.entrySet()) {
            SchemaNode node = parent.members.get(e.getKey());
            if (node == null) {
                if (paths >= MAX_PATHS) {
                    truncated = true;
                    continue;
                }
                String path = parent.path.isEmpty() ? e.getKey() : parent.path + "." + e.getKey();
                node = new SchemaNode(e.getKey(), path);
                parent.members.put(e.getKey(), node);
                paths++;
            }
            visit(node, e.getValue(), seq);
        }
    }

    private void visit(SchemaNode node, DdbValue value, long seq) {
        if (node.lastItem != seq) {
            node.lastItem = seq;
            node.presentItems++;
        }
        node.types.merge(value.type(), 1L, Long::sum);
        if (value instanceof DdbValue.N n) {
            number(node, n.value());
        } else if (value instanceof DdbValue.NS ns) {
            ns.value().forEach(v -> number(node, v));
        }
        if (value instanceof DdbValue.M m) {
            visitMembers(node, m.value(), seq);
        } else if (value instanceof DdbValue.L l) {
            if (node.element == null && !l.value().isEmpty()) {
                node.element = new SchemaNode("[]", node.path + "[]");
                paths++;
            }
            l.value().forEach(v -> visit(node.element, v, seq));
        } else {
            node.example(value.display());
        }
    }

    private static void number(SchemaNode node, String text) {
        BigDecimal value = new BigDecimal(text);
        node.numbers++;
        boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        node.allWhole &= whole;
        node.fitLong &= whole && value.toBigInteger().bitLength() < 64;
        if (new BigDecimal(Double.toString(value.doubleValue())).compareTo(value) != 0) {
            node.beyondDouble++;
            if (node.beyondDoubleExample == null) {
                node.beyondDoubleExample = text;
            }
        }
    }

    public synchronized long items() {
        return items;
    }

    public synchronized boolean truncated() {
        return truncated;
    }

    /** The inferred tree; read it only after the scan has stopped feeding this profiler. */
    public synchronized SchemaNode root() {
        return root;
    }

    /** Every path, depth first, with its figures taken now. */
    public synchronized List<AttributeProfile> profiles() {
        List<AttributeProfile> out = new ArrayList<>();
        root.members.values().forEach(n -> collect(n, 0, out));
        return out;
    }

    private void collect(SchemaNode node, int depth, List<AttributeProfile> out) {
        out.add(AttributeProfile.of(node, depth, items));
        node.members.values().forEach(n -> collect(n, depth + 1, out));
        if (node.element != null) {
            collect(node.element, depth + 1, out);
        }
    }
}
