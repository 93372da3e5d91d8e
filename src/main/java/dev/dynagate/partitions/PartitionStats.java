package dev.dynagate.partitions;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One item collection: its partition-key value, item count, bytes, first and last sort key in DynamoDB's order and
 * the sort-key prefix groups with their counts (in first-seen order).
 */
public record PartitionStats(DdbValue key, long items, long bytes, DdbValue firstSortKey, DdbValue lastSortKey,
                             Map<String, Long> prefixGroups) {

    public PartitionStats {
        prefixGroups = Map.copyOf(prefixGroups);
    }

    /** "SAMPLE# 2,500 · META# 2", largest group first. */
    public String prefixSummary() {
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        return prefixGroups.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + format.format(e.getValue()))
                .collect(Collectors.joining(" · "));
    }
}
