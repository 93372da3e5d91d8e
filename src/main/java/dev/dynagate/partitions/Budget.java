package dev.dynagate.partitions;

import java.time.Duration;

/**
 * Limits on one scan; whichever is reached first stops it. Zero or negative means no limit.
 *
 * @param maxItems items read
 * @param maxCapacityUnits read capacity units consumed, as DynamoDB reports them
 * @param maxTime wall-clock time
 */
public record Budget(long maxItems, double maxCapacityUnits, Duration maxTime) {

    public static Budget unlimited() {
        return new Budget(0, 0, Duration.ZERO);
    }

    public static Budget items(long maxItems) {
        return new Budget(maxItems, 0, Duration.ZERO);
    }

    public boolean limitsItems() {
        return maxItems > 0;
    }

    public boolean limitsCapacity() {
        return maxCapacityUnits > 0;
    }

    public boolean limitsTime() {
        return maxTime != null && !maxTime.isZero() && !maxTime.isNegative();
    }

    public boolean isUnlimited() {
        return !limitsItems() && !limitsCapacity() && !limitsTime();
    }
}
