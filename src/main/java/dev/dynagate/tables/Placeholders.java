package dev.dynagate.tables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands out {@code #p0}, {@code :p0}… placeholders for one expression under a prefix of its own, so a condition and
 * an update expression sent together never collide, and builds the finished {@link Condition}.
 */
final class Placeholders {
    private final String prefix;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Attr> values = new LinkedHashMap<>();

    Placeholders(String prefix) {
        this.prefix = prefix;
    }

    String name(String attribute) {
        String placeholder = "#" + prefix + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    String value(Attr value) {
        String placeholder = ":" + prefix + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    Condition expression(String text) {
        return new Condition(text, Collections.unmodifiableMap(names), Collections.unmodifiableMap(values));
    }
}
