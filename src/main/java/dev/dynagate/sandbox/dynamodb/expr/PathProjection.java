package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the projected paths of an item. Nested maps keep only the projected keys and lists only the projected
 * elements, in their original order (so {@code l[3], l[1]} yields a two-element list); missing paths are skipped.
 */
final class PathProjection implements Projection {
    private final List<DocPath> paths;
    private final Node root = new Node();

    /** A tree of the projected paths: a leaf takes the whole value below it. */
    private static final class Node {
        final Map<String, Node> keys = new LinkedHashMap<>();
        final TreeMap<Integer, Node> indexes = new TreeMap<>();
        boolean whole;
    }

    PathProjection(List<DocPath> paths) {
        this.paths = List.copyOf(paths);
        for (DocPath path : paths) {
            Node node = root;
            for (Object element : path.elements()) {
                node = element instanceof String key ? node.keys.computeIfAbsent(key, k -> new Node())
                        : node.indexes.computeIfAbsent((Integer) element, k -> new Node());
            }
            node.whole = true;
        }
    }

    @Override
    public Map<String, AttrValue> apply(Map<String, AttrValue> item) {
        Map<String, AttrValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttrValue> entry : item.entrySet()) {
            Node node = root.keys.get(entry.getKey());
            if (node != null) {
                AttrValue kept = keep(entry.getValue(), node);
                if (kept != null) {
                    out.put(entry.getKey(), kept);
                }
            }
        }
        return out;
    }

    private static AttrValue keep(AttrValue value, Node node) {
        if (node.whole) {
            return value;
        }
        if (value instanceof AttrValue.M m && !node.keys.isEmpty()) {
            Map<String, AttrValue> out = new LinkedHashMap<>();
            m.value().forEach((key, child) -> {
                Node next = node.keys.get(key);
                AttrValue kept = next == null ? null : keep(child, next);
                if (kept != null) {
                    out.put(key, kept);
                }
            });
            return out.isEmpty() ? null : new AttrValue.M(out);
        }
        if (value instanceof AttrValue.L l && !node.indexes.isEmpty()) {
            List<AttrValue> out = new ArrayList<>();
            node.indexes.forEach((index, next) -> {
                AttrValue kept = index < l.value().size() ? keep(l.value().get(index), next) : null;
                if (kept != null) {
                    out.add(kept);
                }
            });
            return out.isEmpty() ? null : new AttrValue.L(List.copyOf(out));
        }
        return null;
    }

    @Override
    public List<List<Object>> paths() {
        return paths.stream().map(DocPath::elements).toList();
    }
}
