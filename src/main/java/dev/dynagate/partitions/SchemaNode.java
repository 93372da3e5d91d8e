package dev.dynagate.partitions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was seen at one attribute path: in how many items, with which types how often, whether numbers were whole
 * and fitted a long or a double, a few example values, and the paths below it (map members, list elements as
 * {@code []}). Only {@link SchemaProfiler} changes it, under its lock.
 */
public final class SchemaNode {
    static final int EXAMPLES = 3;
    private static final int EXAMPLE_LENGTH = 40;

    final String name;
    final String path;
    final Map<String, Long> types = new LinkedHashMap<>();
    final Map<String, SchemaNode> members = new LinkedHashMap<>();
    final List<String> examples = new ArrayList<>();
    SchemaNode element;
    long presentItems;
    long lastItem = -1;
    long numbers;
    long beyondDouble;
    String beyondDoubleExample;
    boolean allWhole = true;
    boolean fitLong = true;

    SchemaNode(String name, String path) {
        this.name = name;
        this.path = path;
    }

    public String name() { return name; }
    public String path() { return path; }
    public long presentItems() { return presentItems; }
    public Map<String, Long> types() { return Collections.unmodifiableMap(types); }
    public Map<String, SchemaNode> members() { return Collections.unmodifiableMap(members); }
    public SchemaNode element() { return element; }
    public List<String> examples() { return List.copyOf(examples); }
    public long beyondDouble() { return beyondDouble; }
    public String beyondDoubleExample() { return beyondDoubleExample; }
    public boolean numbersAllWhole() { return allWhole; }
    public boolean numbersFitLong() { return fitLong; }

    public long occurrences() {
        return types.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The most frequent type, NULL only when nothing else was seen. */
    public String mainType() {
        return types.entrySet().stream().filter(e -> !e.getKey().equals("NULL") || types.size() == 1)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("NULL");
    }

    /** More than one type besides NULL: the drift a schema should know about. */
    public boolean drifts() {
        return types.keySet().stream().filter(t -> !t.equals("NULL")).count() > 1;
    }

    void example(String text) {
        String shortened = text.length() > EXAMPLE_LENGTH ? text.substring(0, EXAMPLE_LENGTH - 1) + "…" : text;
        if (examples.size() < EXAMPLES && !examples.contains(shortened)) {
            examples.add(shortened);
        }
    }
}
