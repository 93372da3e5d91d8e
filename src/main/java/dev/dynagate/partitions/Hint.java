package dev.dynagate.partitions;

/** A plain-language finding about the key design, with how serious it is. */
public record Hint(Kind kind, Level level, String text) {

    public enum Kind { HOT_KEY, COLLECTION_SIZE, SINGLE_PARTITION, SIZES_UNKNOWN, SKEW }

    public enum Level { INFO, WARNING }
}
