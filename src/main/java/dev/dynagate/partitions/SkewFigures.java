package dev.dynagate.partitions;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How unevenly items and bytes spread over partition keys: the share held by the top 1% of keys (at least one
 * key), and the largest collection against the median one.
 */
public record SkewFigures(int keys, int topKeys, double topItemShare, double topByteShare, long maxItems,
                          double medianItems, long maxBytes, double medianBytes) {

    public static SkewFigures of(List<PartitionStats> partitions) {
        int n = partitions.size();
        if (n == 0) {
            return new SkewFigures(0, 0, 0, 0, 0, 0, 0, 0);
        }
        int top = Math.max(1, (int) Math.ceil(n / 100.0));
        return new SkewFigures(n, top, topShare(partitions, top, PartitionStats::items),
                topShare(partitions, top, PartitionStats::bytes), max(partitions, PartitionStats::items),
                median(partitions, PartitionStats::items), max(partitions, PartitionStats::bytes),
                median(partitions, PartitionStats::bytes));
    }

    /** Largest collection over the median one, by items; 0 when there is nothing to compare. */
    public double itemsMaxOverMedian() {
        return medianItems == 0 ? 0 : maxItems / medianItems;
    }

    public double bytesMaxOverMedian() {
        return medianBytes == 0 ? 0 : maxBytes / medianBytes;
    }

    private static double topShare(List<PartitionStats> all, int top, ToLongFunction<PartitionStats> measure) {
        long total = all.stream().mapToLong(measure).sum();
        if (total == 0) {
            return 0;
        }
        long topSum = all.stream().mapToLong(measure).boxed().sorted(Comparator.reverseOrder()).limit(top)
                .mapToLong(Long::longValue).sum();
        return (double) topSum / total;
    }

    private static long max(List<PartitionStats> all, ToLongFunction<PartitionStats> measure) {
        return all.stream().mapToLong(measure).max().orElse(0);
    }

    private static double median(List<PartitionStats> all, ToLongFunction<PartitionStats> measure) {
        long[] sorted = all.stream().mapToLong(measure).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
