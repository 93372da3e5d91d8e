package dev.dynagate.partitions;

/** The scalar types a key attribute may have. */
public enum KeyType { S, N, B }
