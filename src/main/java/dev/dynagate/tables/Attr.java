package dev.dynagate.tables;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, as stored: numbers keep their exact text, sets stay sets, binary stays bytes.
 * The explorer and editor work on these so nothing is rounded or retyped on its way through the UI.
 */
public sealed interface Attr {

    /** The DynamoDB type descriptor: S, N, B, BOOL, NULL, SS, NS, BS, L or M. */
    String type();

    record S(String value) implements Attr {
        public String type() {
            return "S";
        }
    }

    /** A number exactly as DynamoDB returned it (up to 38 significant digits). */
    record N(String value) implements Attr {
        public N {
            new BigDecimal(value); // rejects what DynamoDB would reject as a number
        }

        public BigDecimal decimal() {
            return new BigDecimal(value);
        }

        public String type() {
            return "N";
        }
    }

    final class B implements Attr {
        private final byte[] bytes;

        public B(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        public static B base64(String text) {
            return new B(Base64.getDecoder().decode(text));
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof B b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "B[" + base64() + "]";
        }
    }

    record Bool(boolean value) implements Attr {
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements Attr {
        public String type() {
            return "NULL";
        }
    }

    record SS(Set<String> values) implements Attr {
        public SS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "SS";
        }
    }

    /** A number set; members keep their exact text, and two members equal as numbers count once. */
    record NS(Set<String> values) implements Attr {
        public NS {
            values.forEach(BigDecimal::new);
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "NS";
        }
    }

    record BS(Set<B> values) implements Attr {
        public BS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        public String type() {
            return "BS";
        }
    }

    record L(List<Attr> values) implements Attr {
        public L {
            values = List.copyOf(values);
        }

        public String type() {
            return "L";
        }
    }

    record M(Map<String, Attr> values) implements Attr {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public String type() {
            return "M";
        }
    }

    static S s(String value) {
        return new S(value);
    }

    static N n(String value) {
        return new N(value);
    }

    static N n(long value) {
        return new N(Long.toString(value));
    }

    /** Equal as DynamoDB compares: numbers by value (1.50 = 1.5), everything else structurally. */
    static boolean sameValue(Attr a, Attr b) {
        if (a instanceof N x && b instanceof N y) {
            return x.decimal().compareTo(y.decimal()) == 0;
        }
        if (a instanceof NS x && b instanceof NS y) {
            return x.values().size() == y.values().size() && x.values().stream().allMatch(v -> y.values().stream()
                    .anyMatch(w -> new BigDecimal(v).compareTo(new BigDecimal(w)) == 0));
        }
        if (a instanceof L x && b instanceof L y) {
            if (x.values().size() != y.values().size()) {
                return false;
            }
            for (int i = 0; i < x.values().size(); i++) {
                if (!sameValue(x.values().get(i), y.values().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof M x && b instanceof M y) {
            return x.values().keySet().equals(y.values().keySet()) && x.values().entrySet().stream()
                    .allMatch(e -> sameValue(e.getValue(), y.values().get(e.getKey())));
        }
        return a.equals(b);
    }
}
