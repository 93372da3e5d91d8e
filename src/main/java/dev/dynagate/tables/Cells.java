package dev.dynagate.tables;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Compact text for a grid cell: scalars as they are, containers abbreviated with a type marker. */
public final class Cells {
    static final int MAX = 200;

    private Cells() {
    }

    public static String render(Attr value) {
        if (value == null) {
            return "";
        }
        String text = inline(value);
        return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
    }

    private static String inline(Attr value) {
        if (value instanceof Attr.S s) {
            return s.value();
        } else if (value instanceof Attr.N n) {
            return n.value();
        } else if (value instanceof Attr.B b) {
            return "B " + abbreviate(b.base64(), 24) + " (" + b.bytes().length + " bytes)";
        } else if (value instanceof Attr.Bool b) {
            return Boolean.toString(b.value());
        } else if (value instanceof Attr.Null) {
            return "null";
        } else if (value instanceof Attr.SS ss) {
            return "SS {" + ss.values().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ")) + "}";
        } else if (value instanceof Attr.NS ns) {
            return "NS {" + String.join(", ", ns.values()) + "}";
        } else if (value instanceof Attr.BS bs) {
            return "BS {" + bs.values().size() + " binary}";
        } else if (value instanceof Attr.L l) {
            return "L[" + l.values().size() + "] [" + l.values().stream().map(Cells::nested)
                    .collect(Collectors.joining(", ")) + "]";
        }
        Map<String, Attr> members = ((Attr.M) value).values();
        return "M{" + members.size() + "} {" + members.entrySet().stream()
                .map(e -> e.getKey() + ": " + nested(e.getValue())).collect(Collectors.joining(", ")) + "}";
    }

    private static String nested(Attr value) {
        return value instanceof Attr.S s ? "\"" + s.value() + "\"" : inline(value);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** 1234567 → "1,234,567"; fractions to one decimal. */
    public static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }

    /** Bytes for people: 0 B, 12.3 KB, 4.5 MB. */
    public static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
