package dev.dynagate.dynamodbrules;

import java.math.BigDecimal;

/**
 * DynamoDB's number limits, shared by the sandbox's engine and the client-side checks: at most 38 significant digits,
 * a magnitude from 1E-130 up to (not including) 1E+126, zero aside.
 */
public final class NumberRules {
    public static final int MAX_DIGITS = 38;
    /** The smallest magnitude that no longer fits. */
    public static final BigDecimal TOO_LARGE = new BigDecimal("1E+126");
    /** The smallest magnitude that fits. */
    public static final BigDecimal SMALLEST = new BigDecimal("1E-130");

    private NumberRules() {
    }

    /** What DynamoDB would refuse about this number, as a predicate ("has more than…"); null when it stores it. */
    public static String problem(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        BigDecimal normal = value.stripTrailingZeros();
        if (normal.precision() > MAX_DIGITS) {
            return "has more than 38 significant digits";
        }
        if (normal.abs().compareTo(TOO_LARGE) >= 0) {
            return "is larger than DynamoDB stores (below 1E+126)";
        }
        if (normal.abs().compareTo(SMALLEST) < 0) {
            return "is smaller than DynamoDB stores (1E-130 or more)";
        }
        return null;
    }
}
