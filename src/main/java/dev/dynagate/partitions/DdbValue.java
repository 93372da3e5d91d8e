package dev.dynagate.partitions;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB attribute value as the partitions feature reads it. Numbers stay decimal strings so no digit is lost;
 * the {@code aws} adapter maps SDK values into this model.
 */
public sealed interface DdbValue {

    /** DynamoDB's type descriptor: S, N, B, BOOL, NULL, L, M, SS, NS, BS. */
    String type();

    /** A short human rendering, for example values and key columns. */
    String display();

    record S(String value) implements DdbValue {
        public String type() { return "S"; }
        public String display() { return value; }
    }

    record N(String value) implements DdbValue {
        public String type() { return "N"; }
        public String display() { return value; }
    }

    record B(byte[] value) implements DdbValue {
        public String type() { return "B"; }
        public String display() { return "0x" + HexFormat.of().formatHex(value, 0, Math.min(value.length, 16))
                + (value.length > 16 ? "…" : ""); }
        @Override public boolean equals(Object o) { return o instanceof B b && Arrays.equals(value, b.value); }
        @Override public int hashCode() { return Arrays.hashCode(value); }
    }

    record Bool(boolean value) implements DdbValue {
        public String type() { return "BOOL"; }
        public String display() { return Boolean.toString(value); }
    }

    record Null() implements DdbValue {
        public String type() { return "NULL"; }
        public String display() { return "null"; }
    }

    record L(List<DdbValue> value) implements DdbValue {
        public String type() { return "L"; }
        public String display() { return "[" + value.size() + " elements]"; }
    }

    record M(Map<String, DdbValue> value) implements DdbValue {
        public String type() { return "M"; }
        public String display() { return "{" + value.size() + " attributes}"; }
    }

    record SS(List<String> value) implements DdbValue {
        public String type() { return "SS"; }
        public String display() { return value.toString(); }
    }

    record NS(List<String> value) implements DdbValue {
        public String type() { return "NS"; }
        public String display() { return value.toString(); }
    }

    record BS(List<byte[]> value) implements DdbValue {
        public String type() { return "BS"; }
        public String display() { return "<" + value.size() + " binaries>"; }
    }
}
