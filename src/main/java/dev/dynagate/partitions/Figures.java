package dev.dynagate.partitions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formats shared by the partitions texts: grouped counts, binary sizes, percentages. */
public final class Figures {
    private Figures() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Axis labels: 2,500 → "2.5k", 1,250 → "1.25k", 1,200,000 → "1.2M". Two decimals at most, so the ticks of an
     * axis stepping by 250 read as they are and not rounded onto their neighbours.
     */
    public static String compact(long n) {
        if (Math.abs(n) < 1000) {
            return Long.toString(n);
        }
        boolean millions = Math.abs(n) >= 1_000_000;
        BigDecimal value = BigDecimal.valueOf(n).movePointLeft(millions ? 6 : 3).setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return value.toPlainString() + (millions ? "M" : "k");
    }

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    public static String percent(double share) {
        double p = share * 100;
        boolean whole = p >= 10 || Math.abs(p - Math.rint(p)) < 0.05;
        return String.format(Locale.ROOT, whole ? "%.0f%%" : "%.1f%%", p);
    }

    public static String capacity(double units) {
        return String.format(Locale.ROOT, "%,.1f", units);
    }
}
