package dev.dynagate.dynamodbrules;

import java.math.BigDecimal;

/**
 * DynamoDB's arithmetic for item sizes (the 400 KB limit, capacity units, item-collection sizes), shared by the
 * sandbox's engine and the client-side tools that estimate sizes, each over its own value model: names and strings
 * count their UTF-8 bytes, numbers their base-100 digits, and a map or list adds three bytes plus one per element.
 */
public final class SizeRules {
    /** The largest item DynamoDB stores: 400 KB, names and values together. */
    public static final long MAX_ITEM_BYTES = 409_600;
    /** What a map or list costs on top of its contents. */
    public static final int CONTAINER_OVERHEAD = 3;
    /** What each element of a map or list adds. */
    public static final int ELEMENT_OVERHEAD = 1;

    private SizeRules() {
    }

    /** The most base-100 digits a number holds; a negative one that uses them all needs no terminator. */
    private static final int MAX_PAIRS = 20;

    /**
     * A number is an exponent byte and its base-100 digits, with a terminator byte for negatives that do not use all
     * 20 digits; so {@code 1}, {@code 10} and {@code 100} take 2 bytes, {@code 123} takes 3 and
     * {@code -1.2345678901234567890123456789012345678} 21, as measured against DynamoDB.
     */
    public static long number(BigDecimal value) {
        if (value.signum() == 0) {
            return 1;
        }
        BigDecimal normal = value.stripTrailingZeros();
        int digits = normal.precision();
        int scale = normal.scale();
        // pad so the decimal point falls between two base-100 digits on both ends
        int padLeft = Math.floorMod(digits - scale, 2);
        int padRight = Math.floorMod(scale, 2);
        long pairs = (digits + padLeft + padRight) / 2;
        return 1 + pairs + (value.signum() < 0 && pairs < MAX_PAIRS ? 1 : 0);
    }

    /** The UTF-8 length of a string, without encoding it. */
    public static long utf8(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
