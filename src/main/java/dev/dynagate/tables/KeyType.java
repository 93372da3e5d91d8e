package dev.dynagate.tables;

/** The scalar types a key attribute can have. */
public enum KeyType {
    S, N, B;

    /** Parses what the user typed into a value of this key type. */
    public Attr parse(String text) {
        return switch (this) {
            case S -> new Attr.S(text);
            case N -> new Attr.N(text.strip());
            case B -> Attr.B.base64(text.strip());
        };
    }
}
