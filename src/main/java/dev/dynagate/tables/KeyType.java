package dev.dynagate.tables;

/** The scalar types a key attribute can have. */
public enum KeyType {
    S, N, B
}
