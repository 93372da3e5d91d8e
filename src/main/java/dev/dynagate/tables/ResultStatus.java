package dev.dynagate.tables;

/**
 * The line under the grid. It never says "no results" while pages remain: a filter that matched nothing on the
 * pages read so far says how much was scanned and that more remains.
 */
public final class ResultStatus {
    private ResultStatus() {
    }

    public static String describe(int loaded, long scanned, double capacity, boolean more, boolean filtered) {
        String cost = capacity > 0 ? " · " + Cells.number(capacity) + " RCU" : "";
        if (loaded == 0 && more) {
            return "0 of " + Cells.number(scanned) + " scanned match — more pages remain" + cost;
        }
        if (loaded == 0) {
            return (filtered ? "No items match: " + Cells.number(scanned) + " scanned, all pages read"
                    : "No items: all pages read") + cost;
        }
        return Cells.number(loaded) + (loaded == 1 ? " item" : " items") + " · " + Cells.number(scanned) + " scanned"
                + cost + (more ? " — more pages remain" : " — all pages read");
    }
}
