package dev.dynagate.sandbox.dynamodb.schema;

/** Provisioned throughput as DescribeTable reports it; kept, never enforced. Times are epoch millis, 0 if never. */
public record Throughput(long read, long write, long lastIncrease, long lastDecrease, long decreasesToday) {
    public static final Throughput NONE = new Throughput(0, 0, 0, 0, 0);

    public Throughput changedTo(long newRead, long newWrite, long now) {
        boolean up = newRead > read || newWrite > write;
        boolean down = newRead < read || newWrite < write;
        return new Throughput(newRead, newWrite, up ? now : lastIncrease, down ? now : lastDecrease,
                down ? decreasesToday + 1 : decreasesToday);
    }
}
