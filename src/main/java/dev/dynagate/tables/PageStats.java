package dev.dynagate.tables;

/** What one page cost and gave, shown per page under the grid. */
public record PageStats(int number, int returned, int scanned, double consumedCapacity) {

    @Override
    public String toString() {
        return "Page " + number + ": " + returned + " returned of " + scanned + " scanned"
                + (consumedCapacity > 0 ? ", " + Cells.number(consumedCapacity) + " RCU" : "");
    }
}
