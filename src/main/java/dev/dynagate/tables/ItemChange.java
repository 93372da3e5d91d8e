package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an edit changed in an item with the same key: the attributes to set (new or with another value) and the ones
 * to remove. Saved as an UpdateItem, it leaves alone any attribute it does not name, so one that someone else added
 * after the item was loaded is kept instead of being dropped by a whole-item PutItem.
 */
public record ItemChange(Map<String, Attr> set, List<String> remove) {

    public static ItemChange between(Map<String, Attr> loaded, Map<String, Attr> edited, List<String> keyNames) {
        Map<String, Attr> set = new LinkedHashMap<>();
        edited.forEach((name, value) -> {
            if (!keyNames.contains(name) && !Objects.equals(loaded.get(name), value)) {
                set.put(name, value);
            }
        });
        List<String> remove = new ArrayList<>();
        loaded.keySet().stream().filter(name -> !edited.containsKey(name)).forEach(remove::add);
        return new ItemChange(Collections.unmodifiableMap(set), List.copyOf(remove));
    }

    public boolean isEmpty() {
        return set.isEmpty() && remove.isEmpty();
    }

    /**
     * The UpdateExpression with its placeholders ({@code #u…}, {@code :u…}, apart from a condition's
     * {@code #c…}).
     */
    public Condition expression() {
        Placeholders placeholders = new Placeholders("u");
        List<String> sets = new ArrayList<>();
        set.forEach((name, value) -> sets.add(placeholders.name(name) + " = " + placeholders.value(value)));
        List<String> removes = remove.stream().map(placeholders::name).toList();
        String text = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
                + (removes.isEmpty() ? "" : (sets.isEmpty() ? "" : " ") + "REMOVE " + String.join(", ", removes));
        return placeholders.expression(text);
    }
}
