package dev.dynagate.partitions;

import java.util.List;

/** Everything one partitions scan found, with the basis every figure rests on. */
public record PartitionReport(KeySchema keys, List<PartitionStats> partitions, long items, long bytes,
                              SkewFigures skew, List<Hint> hints, Basis basis, ScanStop stop, ScanProgress progress) {

    public PartitionReport {
        partitions = List.copyOf(partitions);
        hints = List.copyOf(hints);
    }

    public static PartitionReport of(PartitionAggregator aggregator, TableLayout layout, boolean fullItems,
                                     boolean sampling, ScanStop stop, ScanProgress progress, Hints rules) {
        List<PartitionStats> partitions = aggregator.snapshot();
        long items = partitions.stream().mapToLong(PartitionStats::items).sum();
        long bytes = partitions.stream().mapToLong(PartitionStats::bytes).sum();
        KeySchema keys = aggregator.keys();
        long estimate = keys.isIndex() ? 0 : layout.itemCountEstimate();
        return new PartitionReport(keys, partitions, items, bytes, SkewFigures.of(partitions),
                rules.of(keys, partitions, layout.localIndexCount(), fullItems),
                Basis.of(stop, progress.items(), estimate, sampling, fullItems), stop, progress);
    }

    public boolean isPartial() {
        return stop != ScanStop.COMPLETE;
    }

    /** The skew line shown above the list, e.g. "Top 1% of keys (1 of 43) hold 51% of items · max/median 110×". */
    public String skewText() {
        if (skew.keys() == 0) {
            return "No items.";
        }
        String text = "Top 1% of keys (" + skew.topKeys() + " of " + Figures.count(skew.keys()) + ") hold "
                + Figures.percent(skew.topItemShare()) + " of items";
        if (basis.sizesAreItemSizes()) {
            text += " and " + Figures.percent(skew.topByteShare()) + " of bytes";
        }
        double ratio = skew.itemsMaxOverMedian();
        if (ratio > 0) {
            text += " · largest/median " + String.format(java.util.Locale.ROOT, "%.0f×", ratio) + " by items";
        }
        return basis.kind() == Basis.Kind.EXACT ? text : text + " (" + basis.kind().name().toLowerCase(
                java.util.Locale.ROOT) + ")";
    }
}
