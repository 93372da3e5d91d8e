package dev.dynagate.partitions;

/** Why a scan ended. Everything but COMPLETE leaves partial results. */
public enum ScanStop {
    COMPLETE("the whole table was read"),
    ITEM_BUDGET("the item budget was reached"),
    CAPACITY_BUDGET("the capacity budget was reached"),
    TIME_BUDGET("the time budget ran out"),
    CANCELLED("it was cancelled");

    private final String reason;

    ScanStop(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public boolean isBudget() {
        return this == ITEM_BUDGET || this == CAPACITY_BUDGET || this == TIME_BUDGET;
    }
}
