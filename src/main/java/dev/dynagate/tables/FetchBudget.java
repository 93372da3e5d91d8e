package dev.dynagate.tables;

import java.time.Duration;

/** How far "Fetch all" may go before it stops and says so. */
public record FetchBudget(int maxItems, double maxCapacityUnits, Duration maxTime) {

    public static FetchBudget standard() {
        return new FetchBudget(10_000, 500, Duration.ofSeconds(60));
    }

    /** Why the budget is spent, or null while it is not. */
    String exhausted(int items, double capacity, Duration elapsed) {
        if (items >= maxItems) {
            return "stopped at the budget of " + maxItems + " items";
        }
        if (capacity >= maxCapacityUnits) {
            return "stopped at the budget of " + Cells.number(maxCapacityUnits) + " read capacity units";
        }
        if (elapsed.compareTo(maxTime) >= 0) {
            return "stopped at the budget of " + maxTime.toSeconds() + " s";
        }
        return null;
    }
}
