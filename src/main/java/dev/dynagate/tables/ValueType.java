package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.List;

/** The type a value typed into the query builder is sent as. */
public enum ValueType {
    S, N, B, BOOL, NULL;

    public Attr parse(String text) {
        String value = text == null ? "" : text;
        return switch (this) {
            case S -> new Attr.S(value);
            case N -> {
                try {
                    yield new Attr.N(value.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + value + "\" is not a number.");
                }
            }
            case B -> {
                try {
                    yield Attr.B.base64(value.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("\"" + value + "\" is not base64.");
                }
            }
            case BOOL -> {
                String v = value.strip().toLowerCase(java.util.Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException("A BOOL is true or false, not \"" + value + "\".");
                }
                yield new Attr.Bool(v.equals("true"));
            }
            case NULL -> new Attr.Null();
        };
    }

    /** Comma-separated values for IN; a comma inside a value is not supported here. */
    public List<Attr> parseList(String text) {
        List<Attr> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            if (!part.isBlank()) {
                out.add(parse(this == S ? part.strip() : part));
            }
        }
        return out;
    }

    public static ValueType of(KeyType key) {
        return valueOf(key.name());
    }
}
