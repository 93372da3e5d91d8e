package dev.dynagate.sandbox.http;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request's headers as the parser found them: names case-insensitive (the first spelling seen is kept), each
 * name's values in arrival order, entries iterated in case-insensitive name order. Read-only once parsed.
 *
 * <p>A request has a dozen headers at most and is asked for a few of them, so a lookup is a scan that compares
 * lengths before letters; that is several times cheaper than a case-insensitive tree, which compares letters at every
 * step, and the request path asks on every request.
 */
final class HeaderMap extends AbstractMap<String, List<String>> {
    private String[] names = new String[12];
    private Object[] values = new Object[12]; // a String while a name has one value, then a List of them
    private int size;
    private Set<Entry<String, List<String>>> sorted;

    void add(String name, String value) {
        int at = indexOf(name);
        if (at >= 0) {
            List<String> more = new ArrayList<>(get(name));
            more.add(value);
            values[at] = more;
            return;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size++] = value;
    }

    private int indexOf(Object key) {
        if (key instanceof String name) {
            for (int i = 0; i < size; i++) {
                if (sameName(names[i], name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Most names arrive spelled as they are asked for; the letter-by-letter comparison is for the others. */
    private static boolean sameName(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        char x = a.charAt(0);
        char y = b.charAt(0);
        return (x == y || Character.toLowerCase(x) == Character.toLowerCase(y)) && a.equalsIgnoreCase(b);
    }

    @SuppressWarnings("unchecked")
    private List<String> valuesAt(int at) {
        Object value = values[at];
        return value instanceof String one ? List.of(one) : Collections.unmodifiableList((List<String>) value);
    }

    @Override
    public List<String> get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : valuesAt(at);
    }

    /** The first value of a header, or null; without building a list. */
    String first(String name) {
        int at = indexOf(name);
        if (at < 0) {
            return null;
        }
        return values[at] instanceof String one ? one : valuesAt(at).get(0);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        if (sorted == null) {
            TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < size; i++) {
                byName.put(names[i], valuesAt(i));
            }
            sorted = Collections.unmodifiableMap(byName).entrySet();
        }
        return sorted;
    }

    /** A copy of any header map, names compared without case. */
    static HeaderMap of(Map<String, List<String>> headers) {
        HeaderMap copy = new HeaderMap();
        headers.forEach((name, list) -> list.forEach(value -> copy.add(name, value)));
        return copy;
    }
}
