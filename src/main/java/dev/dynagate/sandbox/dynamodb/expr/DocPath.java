package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A document path: a top-level attribute name followed by map keys ({@code String}) and list indexes ({@code Integer}). */
record DocPath(List<Object> elements) {

    DocPath {
        elements = List.copyOf(elements);
    }

    String top() {
        return (String) elements.get(0);
    }

    int length() {
        return elements.size();
    }

    /** The value at this path, or null when any step is missing or of the wrong type. */
    AttrValue resolve(Map<String, AttrValue> item) {
        AttrValue current = item.get(top());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return current;
    }

    static AttrValue step(AttrValue container, Object element) {
        if (element instanceof String key && container instanceof AttrValue.M m) {
            return m.value().get(key);
        }
        if (element instanceof Integer index && container instanceof AttrValue.L l) {
            return index < l.value().size() ? l.value().get(index) : null;
        }
        return null;
    }

    /** DynamoDB's rendering in messages: {@code [a, b, [0]]}. */
    String display() {
        return elements.stream().map(e -> e instanceof Integer i ? "[" + i + "]" : (String) e)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
