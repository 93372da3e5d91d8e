package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copy-on-write edits of an item along a document path; the item given is never changed. */
final class Documents {
    private Documents() {
    }

    static DynamoDbError invalidPath() {
        return DynamoDbError.validation("The document path provided in the update expression is invalid for update");
    }

    /** Sets the value at the path; an index past the end of a list appends. Parents must exist. */
    static Map<String, AttrValue> set(Map<String, AttrValue> item, DocPath path, AttrValue value) {
        Map<String, AttrValue> copy = new LinkedHashMap<>(item);
        if (path.length() == 1) {
            copy.put(path.top(), value);
            return copy;
        }
        AttrValue child = item.get(path.top());
        if (child == null) {
            throw invalidPath();
        }
        copy.put(path.top(), setIn(child, path.elements(), 1, value));
        return copy;
    }

    private static AttrValue setIn(AttrValue container, List<Object> elements, int i, AttrValue value) {
        boolean last = i == elements.size() - 1;
        if (elements.get(i) instanceof String key) {
            if (!(container instanceof AttrValue.M m)) {
                throw invalidPath();
            }
            Map<String, AttrValue> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.put(key, value);
            } else {
                AttrValue child = copy.get(key);
                if (child == null) {
                    throw invalidPath();
                }
                copy.put(key, setIn(child, elements, i + 1, value));
            }
            return new AttrValue.M(copy);
        }
        int index = (Integer) elements.get(i);
        if (!(container instanceof AttrValue.L l)) {
            throw invalidPath();
        }
        List<AttrValue> copy = new ArrayList<>(l.value());
        if (last) {
            if (index >= copy.size()) {
                copy.add(value);
            } else {
                copy.set(index, value);
            }
        } else {
            if (index >= copy.size()) {
                throw invalidPath();
            }
            copy.set(index, setIn(copy.get(index), elements, i + 1, value));
        }
        return new AttrValue.L(List.copyOf(copy));
    }

    /** Removes the value at the path; a missing last step is no change, a missing or mistyped parent an error. */
    static Map<String, AttrValue> remove(Map<String, AttrValue> item, DocPath path) {
        Map<String, AttrValue> copy = new LinkedHashMap<>(item);
        if (path.length() == 1) {
            copy.remove(path.top());
            return copy;
        }
        AttrValue child = item.get(path.top());
        if (child == null) {
            throw invalidPath();
        }
        copy.put(path.top(), removeIn(child, path.elements(), 1));
        return copy;
    }

    private static AttrValue removeIn(AttrValue container, List<Object> elements, int i) {
        boolean last = i == elements.size() - 1;
        if (elements.get(i) instanceof String key) {
            if (!(container instanceof AttrValue.M m)) {
                throw invalidPath();
            }
            Map<String, AttrValue> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.remove(key);
            } else {
                AttrValue child = copy.get(key);
                if (child == null) {
                    throw invalidPath();
                }
                copy.put(key, removeIn(child, elements, i + 1));
            }
            return new AttrValue.M(copy);
        }
        int index = (Integer) elements.get(i);
        if (!(container instanceof AttrValue.L l)) {
            throw invalidPath();
        }
        List<AttrValue> copy = new ArrayList<>(l.value());
        if (last) {
            if (index < copy.size()) {
                copy.remove(index);
            }
        } else {
            if (index >= copy.size()) {
                throw invalidPath();
            }
            copy.set(index, removeIn(copy.get(index), elements, i + 1));
        }
        return new AttrValue.L(List.copyOf(copy));
    }
}
