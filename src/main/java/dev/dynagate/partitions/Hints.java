package dev.dynagate.partitions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns partition figures into hints a developer can act on. */
public final class Hints {
    /** Local secondary indexes limit an item collection to 10 GB. */
    public static final long LSI_COLLECTION_LIMIT = 10L * 1024 * 1024 * 1024;
    /** A key holding this share of items or more is called hot. */
    static final double HOT_SHARE = 0.10;
    static final int MAX_HOT_KEYS = 3;

    private final long collectionWarning;

    /** @param collectionWarning collection size from which to warn about the LSI limit */
    public Hints(long collectionWarning) {
        this.collectionWarning = collectionWarning;
    }

    public static Hints standard() {
        return new Hints(LSI_COLLECTION_LIMIT / 2);
    }

    public List<Hint> of(KeySchema keys, List<PartitionStats> partitions, int localIndexes, boolean sizesKnown) {
        List<Hint> hints = new ArrayList<>();
        long items = partitions.stream().mapToLong(PartitionStats::items).sum();
        if (partitions.size() == 1 && items > 1) {
            hints.add(new Hint(Hint.Kind.SINGLE_PARTITION, Hint.Level.WARNING, "Every item has the same "
                    + keys.partitionKey() + " (" + partitions.get(0).key().display() + "): the whole "
                    + (keys.isIndex() ? "index" : "table") + " is one item collection, so all its traffic goes to "
                    + "one partition (at most 3,000 reads and 1,000 writes per second)."));
        } else if (partitions.size() >= 3) {
            List<PartitionStats> hot = partitions.stream()
                    .sorted(Comparator.comparingLong(PartitionStats::items).reversed()).limit(MAX_HOT_KEYS)
                    .filter(p -> (double) p.items() / items >= HOT_SHARE).toList();
            if (!hot.isEmpty()) {
                hints.add(hotKeys(keys, hot, items));
            }
            SkewFigures skew = SkewFigures.of(partitions);
            if (hints.isEmpty() && skew.topItemShare() >= 0.5 && skew.keys() >= 100) {
                hints.add(new Hint(Hint.Kind.SKEW, Hint.Level.WARNING, "The top " + skew.topKeys() + " of "
                        + Figures.count(skew.keys()) + " keys hold " + Figures.percent(skew.topItemShare())
                        + " of items: load is concentrated on a few partitions."));
            }
        }
        if (localIndexes > 0 && !keys.isIndex()) {
            if (!sizesKnown) {
                hints.add(new Hint(Hint.Kind.SIZES_UNKNOWN, Hint.Level.INFO, "This table has local secondary "
                        + "indexes, which limit each item collection to 10 GB. Scan with item sizes to check."));
            } else {
                partitions.stream().filter(p -> p.bytes() >= collectionWarning)
                        .sorted(Comparator.comparingLong(PartitionStats::bytes).reversed())
                        .forEach(p -> hints.add(new Hint(Hint.Kind.COLLECTION_SIZE, Hint.Level.WARNING,
                                "Item collection " + p.key().display() + " holds " + Figures.bytes(p.bytes())
                                        + " (" + Figures.percent((double) p.bytes() / LSI_COLLECTION_LIMIT)
                                        + " of the 10 GB a table with local secondary indexes allows; index "
                                        + "copies come on top). Writes to it fail once it is full.")));
            }
        }
        return hints;
    }

    private static Hint hotKeys(KeySchema keys, List<PartitionStats> hot, long items) {
        StringBuilder text = new StringBuilder(hot.size() == 1 ? "Hot key: " : "Hot keys: ");
        text.append(keys.partitionKey()).append(" = ");
        for (int i = 0; i < hot.size(); i++) {
            PartitionStats p = hot.get(i);
            text.append(i == 0 ? "" : i == hot.size() - 1 ? " and " : ", ").append(p.key().display())
                    .append(i == 0 ? " holds " : " ").append(Figures.percent((double) p.items() / items))
                    .append(i == 0 ? " of items (" : " (").append(Figures.count(p.items())).append(")");
        }
        text.append(hot.size() == 1 ? ". Its reads and writes share" : ". Each one's reads and writes share")
                .append(" one partition's limits (3,000 reads, 1,000 writes per second); if busy, spread it over"
                        + " several keys (write sharding).");
        return new Hint(Hint.Kind.HOT_KEY, Hint.Level.WARNING, text.toString());
    }
}
