package dev.dynagate.sandbox.dynamodb.value;

import dev.dynagate.dynamodbrules.NumberRules;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.LayeredRefusal;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DynamoDB's number rules: at most 38 significant digits, magnitude 1E-130 to 9.99…E+125, normalised output. */
public final class Numbers {
    public static final int MAX_DIGITS = NumberRules.MAX_DIGITS;
    private static final BigDecimal MAX = NumberRules.TOO_LARGE;
    private static final BigDecimal MIN = NumberRules.SMALLEST;
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;
    private static final String OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    private static final String UNDERFLOW =
            "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    private static final Pattern HUGE_EXPONENT = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)[eE]([+-]?)(\\d+)");

    private Numbers() {
    }

    /** Parses and normalises a number as DynamoDB stores it, or fails with DynamoDB's message. */
    public static BigDecimal parse(String text) {
        BigDecimal parsed;
        try {
            String trimmed = text.strip();
            if (trimmed.isEmpty() || !trimmed.equals(text)) {
                throw new NumberFormatException();
            }
            parsed = new BigDecimal(text);
        } catch (NumberFormatException e) {
            // a well-formed number whose exponent does not fit 32 bits is out of range, not malformed; one whose
            // exponent does not even fit 64 bits cannot be read as a number at all
            Matcher huge = HUGE_EXPONENT.matcher(text);
            if (huge.matches() && fitsLong(huge.group(2))) {
                throw huge.group(1).equals("-") ? underflow() : overflow();
            }
            throw LayeredRefusal.alike("The parameter cannot be converted to a numeric value: " + text);
        }
        if ((long) parsed.precision() - parsed.scale() > Integer.MAX_VALUE) {
            // the older validation layer works the exponent out in 32 bits, where 1E+2147483647 wraps below zero
            throw new LayeredRefusal(UNDERFLOW, OVERFLOW);
        }
        if (parsed.signum() == 0) {
            // DynamoDB holds a zero to the same exponent range as any other number: 0E+126 overflows
            long exponent = (long) parsed.precision() - parsed.scale() - 1;
            if (exponent > MAX_EXPONENT) {
                throw overflow();
            }
            if (exponent < MIN_EXPONENT) {
                throw underflow();
            }
        }
        return checked(parsed);
    }

    private static boolean fitsLong(String digits) {
        try {
            Long.parseLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static DynamoDbError overflow() {
        return LayeredRefusal.alike(OVERFLOW);
    }

    private static DynamoDbError underflow() {
        return LayeredRefusal.alike(UNDERFLOW);
    }

    /** Checks the precision and range rules on a computed value (for example {@code SET n = n + :v}). */
    public static BigDecimal checked(BigDecimal value) {
        BigDecimal normal = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (normal.precision() > MAX_DIGITS) {
            throw LayeredRefusal.alike("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal magnitude = normal.abs();
        if (normal.signum() != 0 && magnitude.compareTo(MAX) >= 0) {
            throw overflow();
        }
        if (normal.signum() != 0 && magnitude.compareTo(MIN) < 0) {
            throw underflow();
        }
        return normal;
    }

    /**
     * Checks the result of arithmetic ({@code SET n = n + :v}, ADD). DynamoDB refuses a sum that needs more than 38
     * significant digits (1E+50 + 1) with its overflow message, not the one for a number sent with too many digits.
     */
    public static BigDecimal computed(BigDecimal value) {
        BigDecimal normal = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (normal.precision() > MAX_DIGITS) {
            throw overflow();
        }
        return checked(normal);
    }

    /** The text DynamoDB answers for a stored number: plain notation, no trailing zeros. */
    public static String format(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
