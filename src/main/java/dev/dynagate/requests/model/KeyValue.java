package dev.dynagate.requests.model;

/** A header, query parameter, form field or variable: a name, a value, and whether it is switched on. */
public record KeyValue(String key, String value, boolean enabled) {

    public static KeyValue of(String key, String value) {
        return new KeyValue(key, value, true);
    }
}
