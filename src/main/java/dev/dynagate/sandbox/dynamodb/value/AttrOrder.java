package dev.dynagate.sandbox.dynamodb.value;

import java.util.Arrays;

/** DynamoDB's orderings: key order for S, N and B, and the ordering the expression comparators use. */
public final class AttrOrder {
    /** What {@link #compare} answers for values that have no order between them. */
    public static final int INCOMPARABLE = Integer.MIN_VALUE;

    private AttrOrder() {
    }

    /**
     * Orders two key values of the same key type: S by UTF-8 bytes (unsigned, which is code point order), N
     * numerically, B by unsigned bytes.
     *
     * @throws IllegalArgumentException when the values are not of one key type
     */
    public static int compareKeys(AttrValue a, AttrValue b) {
        int result = compare(a, b);
        if (result == INCOMPARABLE) {
            throw new IllegalArgumentException("not comparable as keys: " + a.type() + " and " + b.type());
        }
        return result;
    }

    /**
     * Orders two values for the expression comparators {@code < <= > >=} and BETWEEN. Only S, N and B values of the
     * same type are ordered; any other pair answers {@link #INCOMPARABLE} (which DynamoDB treats as "false").
     */
    public static int compare(AttrValue a, AttrValue b) {
        if (a instanceof AttrValue.S x && b instanceof AttrValue.S y) {
            return Integer.signum(compareCodePoints(x.value(), y.value()));
        }
        if (a instanceof AttrValue.N x && b instanceof AttrValue.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttrValue.B x && b instanceof AttrValue.B y) {
            return Integer.signum(Arrays.compareUnsigned(x.value(), y.value()));
        }
        return INCOMPARABLE;
    }

    /**
     * Code point order, which is the unsigned order of the UTF-8 encodings, without encoding anything. UTF-16 units
     * already sort in code point order except a surrogate (part of a code point above U+FFFF) against a unit from
     * U+E000 up, so only that pair is shifted before comparing.
     */
    static int compareCodePoints(String a, String b) {
        if (a.equals(b)) {
            return 0; // the common case in an ordered map: the same partition key on both sides
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
                    return Integer.compare(codePointRank(x), codePointRank(y));
                }
                return Integer.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Moves surrogates above U+E000..U+FFFF, where the code points they encode belong. */
    private static int codePointRank(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
