package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How a stream's change reads in the list: what happened, to which item, and which attributes it changed. */
final class StreamChanges {
    private StreamChanges() {
    }

    static String describe(StreamReader.Change change) {
        return switch (change.event()) {
            case "INSERT" -> "Added";
            case "MODIFY" -> "Changed";
            case "REMOVE" -> change.expired() ? "Expired (TTL)" : "Removed";
            default -> change.event();
        };
    }

    /** The key attributes as {@code name = value}, partition key first as the stream gives them. */
    static String key(Map<String, Attr> keys) {
        return keys.entrySet().stream().map(e -> e.getKey() + " = " + Cells.render(e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    /**
     * The attributes whose value differs between the two images, by name; empty when the stream keeps only one of
     * them (KEYS_ONLY, NEW_IMAGE or OLD_IMAGE), which cannot tell.
     */
    static List<String> changedAttributes(StreamReader.Change change) {
        Map<String, Attr> before = change.oldImage();
        Map<String, Attr> after = change.newImage();
        if (change.event().equals("INSERT")) {
            return names(after, change.keys());
        }
        if (change.event().equals("REMOVE") || before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        TreeSet<String> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : all) {
            Attr was = before.get(name);
            Attr now = after.get(name);
            if (was == null || now == null || !Attr.sameValue(was, now)) {
                changed.add(after.containsKey(name) ? name : name + " (removed)");
            }
        }
        return changed;
    }

    private static List<String> names(Map<String, Attr> item, Map<String, Attr> keys) {
        return item.keySet().stream().filter(name -> !keys.containsKey(name)).sorted().toList();
    }
}
