package dev.dynagate.sandbox.dynamodb.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB attribute value inside the sandbox engine, one record per DynamoDB type. Maps keep insertion order
 * ({@link java.util.LinkedHashMap}); sets hold their members in DynamoDB's order, whatever order they were given in
 * (strings and binaries by unsigned bytes, numbers by value, as DynamoDB answers them), and never hold duplicates
 * (numbers are compared by value, so {@code 1} and {@code 1.0} are one element). Numbers are normalised
 * {@link BigDecimal}s.
 */
public sealed interface AttrValue {

    /** DynamoDB's one- or two-letter type descriptor: S, N, B, BOOL, NULL, M, L, SS, NS, BS. */
    String type();

    record S(String value) implements AttrValue {
        public String type() { return "S"; }
    }

    /** A number already normalised by {@link Numbers#parse(String)}. */
    record N(BigDecimal value) implements AttrValue {
        public String type() { return "N"; }
        public String text() { return value.toPlainString(); }
        @Override public boolean equals(Object o) { return o instanceof N n && n.value.compareTo(value) == 0; }
        @Override public int hashCode() { return value.stripTrailingZeros().hashCode(); }
    }

    record B(byte[] value) implements AttrValue {
        public String type() { return "B"; }
        @Override public boolean equals(Object o) { return o instanceof B b && Arrays.equals(b.value, value); }
        @Override public int hashCode() { return Arrays.hashCode(value); }
        @Override public String toString() { return "B[" + value.length + " bytes]"; }
    }

    record Bool(boolean value) implements AttrValue {
        public String type() { return "BOOL"; }
    }

    record Null() implements AttrValue {
        public String type() { return "NULL"; }
    }

    record M(Map<String, AttrValue> value) implements AttrValue {
        public String type() { return "M"; }
    }

    record L(List<AttrValue> value) implements AttrValue {
        public String type() { return "L"; }
    }

    record SS(List<String> value) implements AttrValue {
        public SS {
            value = Sets.inOrder(value, AttrOrder::compareCodePoints);
        }

        public String type() { return "SS"; }
        @Override public boolean equals(Object o) { return o instanceof SS s && Sets.sameElements(s.value, value); }
        @Override public int hashCode() { return Sets.orderFreeHash(value); }
    }

    record NS(List<BigDecimal> value) implements AttrValue {
        public NS {
            value = Sets.inOrder(value, BigDecimal::compareTo);
        }

        public String type() { return "NS"; }
        @Override public boolean equals(Object o) { return o instanceof NS s && Sets.sameNumbers(s.value, value); }
        @Override public int hashCode() { return Sets.orderFreeHash(value.stream().map(BigDecimal::stripTrailingZeros).toList()); }
    }

    record BS(List<byte[]> value) implements AttrValue {
        public BS {
            value = Sets.inOrder(value, Arrays::compareUnsigned);
        }

        public String type() { return "BS"; }
        @Override public boolean equals(Object o) { return o instanceof BS s && Sets.sameBinaries(s.value, value); }
        @Override public int hashCode() { return Sets.orderFreeHash(value.stream().map(Arrays::hashCode).toList()); }
    }
}
