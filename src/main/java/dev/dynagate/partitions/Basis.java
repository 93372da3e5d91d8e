package dev.dynagate.partitions;

/**
 * What a set of figures rests on, said in one line next to them: exact over the whole table, partial because the
 * scan stopped, or an estimate from a sample; and whether bytes are whole items or key attributes only.
 */
public record Basis(Kind kind, String text, boolean sizesAreItemSizes) {

    public enum Kind { EXACT, PARTIAL, ESTIMATE }

    public static Basis of(ScanStop stop, long scanned, long tableEstimate, boolean sampling, boolean fullItems) {
        String sizes = fullItems ? "bytes by DynamoDB's item-size rules"
                : "bytes of key attributes only (keys-only scan; scan with item sizes for collection sizes)";
        if (stop == ScanStop.COMPLETE) {
            return new Basis(Kind.EXACT, "Exact: all " + Figures.count(scanned) + " items; " + sizes, fullItems);
        }
        String of = tableEstimate > 0 ? " of ~" + Figures.count(tableEstimate) : "";
        if (sampling && stop.isBudget()) {
            return new Basis(Kind.ESTIMATE, "Estimate from " + Figures.count(scanned) + of + " items (sample "
                    + "stopped because " + stop.reason() + "); " + sizes, fullItems);
        }
        return new Basis(Kind.PARTIAL, "Partial: " + Figures.count(scanned) + of + " items read before "
                + stop.reason() + "; " + sizes, fullItems);
    }

    public boolean isExact() {
        return kind == Kind.EXACT;
    }
}
