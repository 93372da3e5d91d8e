package dev.dynagate.partitions;

import java.time.Duration;
import java.util.Locale;

/** Reads the budget fields as people type them: blank means no limit, separators and spaces are allowed. */
public final class BudgetForm {
    /** Sampling without an item budget reads this many items. */
    public static final long DEFAULT_SAMPLE = 10_000;

    private BudgetForm() {
    }

    public static Budget parse(String items, String capacity, String seconds, boolean sampling) {
        long maxItems = (long) number(items, "Item budget");
        if (sampling && maxItems <= 0) {
            maxItems = DEFAULT_SAMPLE;
        }
        return new Budget(maxItems, number(capacity, "Capacity budget"),
                Duration.ofMillis(Math.round(number(seconds, "Time budget") * 1000)));
    }

    private static double number(String text, String field) {
        String clean = text == null ? "" : text.replace(",", "").replace("_", "").strip().toLowerCase(Locale.ROOT);
        if (clean.isEmpty()) {
            return 0;
        }
        try {
            double value = Double.parseDouble(clean);
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a positive number or empty for no limit, not \""
                    + text.strip() + "\".");
        }
    }
}
