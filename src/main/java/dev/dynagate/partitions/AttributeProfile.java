package dev.dynagate.partitions;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of the schema view: an attribute path, the share of items that have it, each type with its share of the
 * values seen there, numbers a double cannot hold exactly, examples, and whether its type drifts.
 */
public record AttributeProfile(String path, int depth, long presentItems, double presence,
                               List<TypeShare> types, long beyondDouble, String beyondDoubleExample,
                               List<String> examples, boolean drifts) {

    /** A type and how often it was seen at the path. */
    public record TypeShare(String type, long count, double share) {
    }

    static AttributeProfile of(SchemaNode node, int depth, long items) {
        long occurrences = node.occurrences();
        List<TypeShare> types = node.types.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new TypeShare(e.getKey(), e.getValue(), (double) e.getValue() / occurrences))
                .toList();
        return new AttributeProfile(node.path, depth, node.presentItems,
                items == 0 ? 0 : (double) node.presentItems / items, types, node.beyondDouble,
                node.beyondDoubleExample, node.examples(), node.drifts());
    }

    /** "N 98% · S 2%". */
    public String typesText() {
        return types.stream().map(t -> t.type() + " " + Figures.percent(t.share())).collect(Collectors.joining(" · "));
    }
}
