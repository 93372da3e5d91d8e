package dev.dynagate.partitions;

import java.util.function.ToLongFunction;

/** What the top-N chart ranks partitions by. */
public enum ChartMetric {
    ITEMS("Items", PartitionStats::items),
    BYTES("Bytes", PartitionStats::bytes);

    private final String label;
    private final ToLongFunction<PartitionStats> measure;

    ChartMetric(String label, ToLongFunction<PartitionStats> measure) {
        this.label = label;
        this.measure = measure;
    }

    public long of(PartitionStats partition) {
        return measure.applyAsLong(partition);
    }

    @Override
    public String toString() {
        return label;
    }
}
