package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset assertions and captures need: {@code $}, {@code .name}, {@code ['name']}, {@code [0]},
 * {@code [-1]}, {@code [*]}, {@code .*} and the recursive {@code ..name}. A path that matches nothing selects an
 * empty list; a malformed path is an {@link IllegalArgumentException} naming the position.
 */
public final class JsonPath {
    private sealed interface Step permits Field, Index, Wildcard, Descendant {
    }

    private record Field(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private record Descendant(String name) implements Step {
    }

    private final String text;
    private final List<Step> steps;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    public static JsonPath compile(String path) {
        String text = path == null ? "" : path.strip();
        if (!text.startsWith("$")) {
            // Postman/Bruno habit: "data.id" or "res.body.id" means "$.data.id"
            text = text.startsWith("res.body") ? "$" + text.substring("res.body".length())
                    : "$" + (text.startsWith("[") ? "" : ".") + text;
        }
        return new JsonPath(text, parse(text));
    }

    /** Whether the path can select several nodes (wildcards, recursion), so an array of results is expected. */
    public boolean isMulti() {
        return steps.stream().anyMatch(s -> s instanceof Wildcard || s instanceof Descendant);
    }

    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                apply(step, node, next);
            }
            current = next;
        }
        return current;
    }

    private static void apply(Step step, JsonNode node, List<JsonNode> out) {
        if (step instanceof Field field) {
            if (node.isObject() && node.has(field.name())) {
                out.add(node.get(field.name()));
            }
        } else if (step instanceof Index index) {
            if (node.isArray()) {
                int i = index.index() < 0 ? node.size() + index.index() : index.index();
                if (i >= 0 && i < node.size()) {
                    out.add(node.get(i));
                }
            }
        } else if (step instanceof Wildcard) {
            if (node.isContainerNode()) {
                node.forEach(out::add);
            }
        } else if (step instanceof Descendant descendant) {
            descend(node, descendant.name(), out);
        }
    }

    private static void descend(JsonNode node, String name, List<JsonNode> out) {
        if (node.isObject()) {
            if (name == null) {
                node.forEach(out::add);
            } else if (node.has(name)) {
                out.add(node.get(name));
            }
        } else if (name == null && node.isArray()) {
            node.forEach(out::add);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> descend(child, name, out));
        }
    }

    private static List<Step> parse(String text) {
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("..", i)) {
                i += 2;
                if (i < text.length() && text.charAt(i) == '*') {
                    steps.add(new Descendant(null));
                    i++;
                } else {
                    int end = nameEnd(text, i);
                    steps.add(new Descendant(requireName(text, i, end)));
                    i = end;
                }
            } else if (c == '.') {
                i++;
                if (i < text.length() && text.charAt(i) == '*') {
                    steps.add(new Wildcard());
                    i++;
                } else {
                    int end = nameEnd(text, i);
                    steps.add(new Field(requireName(text, i, end)));
                    i = end;
                }
            } else if (c == '[') {
                int close = bracketEnd(text, i);
                steps.add(bracket(text, text.substring(i + 1, close).strip(), i));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("JSONPath " + text + ": unexpected '" + c + "' at " + (i + 1));
            }
        }
        return List.copyOf(steps);
    }

    private static Step bracket(String text, String inner, int at) {
        if (inner.equals("*")) {
            return new Wildcard();
        }
        if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'") || inner.startsWith("\"") && inner.endsWith("\""))) {
            return new Field(inner.substring(1, inner.length() - 1));
        }
        try {
            return new Index(Integer.parseInt(inner));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JSONPath " + text + ": cannot read [" + inner + "] at " + (at + 1));
        }
    }

    private static int bracketEnd(String text, int open) {
        char quote = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return i;
            }
        }
        throw new IllegalArgumentException("JSONPath " + text + ": '[' at " + (open + 1) + " is never closed");
    }

    private static int nameEnd(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    private static String requireName(String text, int start, int end) {
        if (end == start) {
            throw new IllegalArgumentException("JSONPath " + text + ": a name is missing at " + (start + 1));
        }
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
