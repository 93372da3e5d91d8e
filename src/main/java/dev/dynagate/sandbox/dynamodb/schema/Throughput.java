package dev.dynagate.sandbox.dynamodb.schema;

/**
 * Provisioned throughput as DescribeTable reports it; kept, never enforced. Times are epoch millis, 0 if never.
 * DynamoDB keeps a table's or index's old capacity while the change is UPDATING, and its answer to UpdateTable
 * shows the old units: so the units before the last change are kept, with the time the change completes.
 */
public record Throughput(long read, long write, long lastIncrease, long lastDecrease, long decreasesToday,
                         long previousRead, long previousWrite, long changingUntil) {
    public static final Throughput NONE = new Throughput(0, 0, 0, 0, 0);

    public Throughput(long read, long write, long lastIncrease, long lastDecrease, long decreasesToday) {
        this(read, write, lastIncrease, lastDecrease, decreasesToday, read, write, 0);
    }

    /** New units, which take effect at {@code until}; the time of the change counts as a change either way. */
    public Throughput changedTo(long newRead, long newWrite, long now, long until) {
        boolean up = newRead > read || newWrite > write;
        boolean down = newRead < read || newWrite < write;
        return new Throughput(newRead, newWrite, up ? now : lastIncrease, down ? now : lastDecrease,
                down ? decreasesToday + 1 : decreasesToday, read, write, until);
    }

    /** Whether a change is still under way at {@code now} (or was made at {@code now}, with no delay). */
    public boolean changing(long now) {
        return now <= changingUntil;
    }
}
