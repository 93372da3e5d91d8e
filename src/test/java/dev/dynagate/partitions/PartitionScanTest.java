package dev.dynagate.partitions;

import static dev.dynagate.partitions.SandboxTables.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Scans of sandbox tables with known shapes. "Shaped": HOT has 48 SAMPLE# items and 2 META# items, A…J two
 * SAMPLE# items each, every item also has v = 123 (3 bytes). HOT's first ten samples and A's two carry group.
 */
class PartitionScanTest {
    @TempDir
    static Path dir;
    static SandboxTables sandbox;
    static TableLayout shaped;
    private static final Executor direct = Runnable::run;

    @BeforeAll
    static void tables() throws Exception {
        sandbox = new SandboxTables(dir, false);
        sandbox.createShaped();
        shaped = sandbox.scanner().describe("Shaped");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static PartitionReport scan(TableLayout layout, KeySchema keys, boolean full, boolean sampling,
                                        Budget budget, KeyScanner scanner, Executor threads, Clock clock) {
        PartitionAggregator aggregator = new PartitionAggregator(keys);
        ParallelScan.Outcome outcome = new ParallelScan(scanner, threads, clock).run(keys, full, 4, budget,
                aggregator::add, p -> { });
        return PartitionReport.of(aggregator, layout, full, sampling, outcome.stop(), outcome.progress(),
                Hints.standard());
    }

    private static PartitionStats partition(PartitionReport report, String key) {
        return report.partitions().stream().filter(p -> p.key().equals(new DdbValue.S(key))).findFirst().orElseThrow();
    }

    @Test
    void describesKeysAndIndexes() {
        assertThat(shaped.table()).isEqualTo(new KeySchema("Shaped", null, "pk", KeyType.S, "sk", KeyType.S));
        assertThat(shaped.keys("byGroup")).isEqualTo(new KeySchema("Shaped", "byGroup", "group", KeyType.S, "sk",
                KeyType.S));
        assertThat(shaped.localIndexCount()).isZero();
    }

    @Test
    void fullScanGivesExactCountsBytesAndSortKeyRanges() {
        PartitionReport report = scan(shaped, shaped.table(), true, false, Budget.unlimited(), sandbox.scanner(),
                direct, Clock.systemUTC());

        assertThat(report.stop()).isEqualTo(ScanStop.COMPLETE);
        assertThat(report.items()).isEqualTo(70);
        assertThat(report.partitions()).hasSize(11);
        // HOT: 48 × (pk 2+3, sk 2+11, v 1+3) + 2 × (2+3, 2+6, 1+3) + 10 × group (5+2)
        PartitionStats hot = partition(report, "HOT");
        assertThat(hot.items()).isEqualTo(50);
        assertThat(hot.bytes()).isEqualTo(48 * 22 + 2 * 17 + 10 * 7);
        assertThat(hot.firstSortKey()).isEqualTo(new DdbValue.S("META#a"));
        assertThat(hot.lastSortKey()).isEqualTo(new DdbValue.S("SAMPLE#0048"));
        assertThat(hot.prefixGroups()).containsOnly(Map.entry("SAMPLE#", 48L), Map.entry("META#", 2L));
        assertThat(hot.prefixSummary()).isEqualTo("SAMPLE# 48 · META# 2");
        assertThat(partition(report, "C").bytes()).isEqualTo(2 * 20);
        assertThat(partition(report, "A").bytes()).isEqualTo(2 * 20 + 2 * 7);
        assertThat(report.bytes()).isEqualTo(1160 + 10 * 40 + 14);
        assertThat(report.basis().kind()).isEqualTo(Basis.Kind.EXACT);
        assertThat(report.basis().text()).startsWith("Exact: all 70 items; bytes by DynamoDB's item-size rules");
    }

    @Test
    void skewAndHintsNameTheHotKey() {
        PartitionReport report = scan(shaped, shaped.table(), true, false, Budget.unlimited(), sandbox.scanner(),
                direct, Clock.systemUTC());

        SkewFigures skew = report.skew();
        assertThat(skew.keys()).isEqualTo(11);
        assertThat(skew.topKeys()).isEqualTo(1);
        assertThat(skew.topItemShare()).isEqualTo(50.0 / 70);
        assertThat(skew.topByteShare()).isEqualTo(1160.0 / 1574);
        assertThat(skew.maxItems()).isEqualTo(50);
        assertThat(skew.medianItems()).isEqualTo(2);
        assertThat(skew.itemsMaxOverMedian()).isEqualTo(25);
        assertThat(report.skewText()).isEqualTo(
                "Top 1% of keys (1 of 11) hold 71% of items and 74% of bytes · largest/median 25× by items");
        assertThat(report.hints()).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(Hint.Kind.HOT_KEY);
            assertThat(h.text()).startsWith("Hot key: pk = HOT holds 71% of items (50). Its reads and writes share");
        });
    }

    @Test
    void keysOnlyScanCountsKeyBytesAndSaysSo() {
        PartitionReport report = scan(shaped, shaped.table(), false, false, Budget.unlimited(), sandbox.scanner(),
                direct, Clock.systemUTC());

        assertThat(report.items()).isEqualTo(70);
        assertThat(partition(report, "HOT").bytes()).isEqualTo(48 * 18 + 2 * 13);
        assertThat(report.basis().sizesAreItemSizes()).isFalse();
        assertThat(report.basis().text()).contains("bytes of key attributes only");
        assertThat(report.skewText()).doesNotContain("of bytes");
    }

    @Test
    void indexScanGroupsByTheIndexKeyAndSkipsItemsWithoutIt() {
        KeySchema index = shaped.keys("byGroup");
        PartitionReport report = scan(shaped, index, false, false, Budget.unlimited(), sandbox.scanner(), direct,
                Clock.systemUTC());

        assertThat(report.partitions()).extracting(p -> p.key().display() + "=" + p.items())
                .containsExactlyInAnyOrder("g1=10", "g2=2");
        assertThat(partition(report, "g1").lastSortKey()).isEqualTo(new DdbValue.S("SAMPLE#0010"));
    }

    @Test
    void parallelSegmentsTogetherReadEveryItemOnce() {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            PartitionReport report = scan(shaped, shaped.table(), true, false, Budget.unlimited(), sandbox.scanner(),
                    threads, Clock.systemUTC());
            assertThat(report.items()).isEqualTo(70);
            assertThat(report.bytes()).isEqualTo(1574);
            assertThat(report.progress().segmentsDone()).isEqualTo(4);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void itemBudgetStopsAtExactlyTheBudgetAndLabelsThePartialResult() {
        PartitionReport report = scan(shaped, shaped.table(), false, false, Budget.items(30), sandbox.scanner(),
                direct, Clock.systemUTC());

        assertThat(report.stop()).isEqualTo(ScanStop.ITEM_BUDGET);
        assertThat(report.items()).isEqualTo(30);
        assertThat(report.basis().kind()).isEqualTo(Basis.Kind.PARTIAL);
        assertThat(report.basis().text()).startsWith("Partial: 30 of ~70 items read before the item budget was reached");
        assertThat(report.skewText()).endsWith("(partial)");
    }

    @Test
    void samplingModeLabelsFiguresAsEstimatesWithTheirBasis() {
        PartitionReport report = scan(shaped, shaped.table(), false, true, Budget.items(30), sandbox.scanner(),
                direct, Clock.systemUTC());

        assertThat(report.basis().kind()).isEqualTo(Basis.Kind.ESTIMATE);
        assertThat(report.basis().text()).startsWith("Estimate from 30 of ~70 items");
        assertThat(report.skewText()).endsWith("(estimate)");
    }

    @Test
    void capacityAndTimeBudgetsStopTheScan() {
        PartitionReport byCapacity = scan(shaped, shaped.table(), true, false, new Budget(0, 0.1, Duration.ZERO),
                sandbox.scanner(), direct, Clock.systemUTC());
        assertThat(byCapacity.stop()).isEqualTo(ScanStop.CAPACITY_BUDGET);
        assertThat(byCapacity.progress().pages()).isEqualTo(1);
        assertThat(byCapacity.progress().capacityUnits()).isPositive();
        assertThat(byCapacity.items()).isLessThan(70);

        Clock ticking = new Clock() {
            private Instant now = Instant.EPOCH;
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now = now.plusSeconds(1); }
        };
        PartitionReport byTime = scan(shaped, shaped.table(), false, false, new Budget(0, 0, Duration.ofSeconds(3)),
                sandbox.scanner(), direct, ticking);
        assertThat(byTime.stop()).isEqualTo(ScanStop.TIME_BUDGET);
        assertThat(byTime.basis().text()).contains("before the time budget ran out");
    }

    @Test
    void cancellingKeepsWhatWasReadLabelledPartial() {
        AtomicInteger pages = new AtomicInteger();
        KeyScanner cancelAfterTwoPages = new ForwardingScanner(sandbox.scanner()) {
            @Override
            public Page scan(ScanRequest request) {
                Page page = super.scan(request);
                if (pages.incrementAndGet() == 2) {
                    Thread.currentThread().interrupt();
                }
                return page;
            }
        };
        PartitionReport report = scan(shaped, shaped.table(), false, false, Budget.unlimited(), cancelAfterTwoPages,
                direct, Clock.systemUTC());
        Thread.interrupted();

        assertThat(report.stop()).isEqualTo(ScanStop.CANCELLED);
        assertThat(report.progress().pages()).isEqualTo(2);
        assertThat(report.items()).isEqualTo(report.progress().items()).isLessThan(70);
        assertThat(report.basis().text()).startsWith("Partial: " + report.items() + " of ~70 items read before it was cancelled");
    }

    @Test
    void numericSortKeysRangeNumericallyAndOneKeyIsCalledOut() throws Exception {
        sandbox.create("Numbered", ScalarAttributeType.N, false, false);
        sandbox.put("Numbered", List.of(item("pk", "x", "sk", -5), item("pk", "x", "sk", 9), item("pk", "x", "sk", 10),
                item("pk", "x", "sk", 100)));
        TableLayout layout = sandbox.scanner().describe("Numbered");
        PartitionReport report = scan(layout, layout.table(), false, false, Budget.unlimited(), sandbox.scanner(),
                direct, Clock.systemUTC());

        PartitionStats only = report.partitions().get(0);
        assertThat(only.firstSortKey()).isEqualTo(new DdbValue.N("-5"));
        assertThat(only.lastSortKey()).isEqualTo(new DdbValue.N("100"));
        assertThat(report.hints()).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(Hint.Kind.SINGLE_PARTITION);
            assertThat(h.text()).startsWith("Every item has the same pk (x)");
        });
    }

    @Test
    void localIndexesBringTheCollectionSizeHint() {
        sandbox.create("WithLsi", ScalarAttributeType.S, false, true);
        sandbox.put("WithLsi", List.of(item("pk", "big", "sk", "1", "at", "2024", "blob", "x".repeat(200)),
                item("pk", "small", "sk", "1", "at", "2024"), item("pk", "tiny", "sk", "1")));
        TableLayout layout = sandbox.scanner().describe("WithLsi");
        assertThat(layout.localIndexCount()).isEqualTo(1);
        PartitionAggregator aggregator = new PartitionAggregator(layout.table());
        ParallelScan.Outcome outcome = new ParallelScan(sandbox.scanner(), direct, Clock.systemUTC())
                .run(layout.table(), true, 2, Budget.unlimited(), aggregator::add, p -> { });

        List<Hint> hints = new Hints(100).of(layout.table(), aggregator.snapshot(), 1, true);
        assertThat(hints).extracting(Hint::kind).contains(Hint.Kind.COLLECTION_SIZE);
        assertThat(hints).filteredOn(h -> h.kind() == Hint.Kind.COLLECTION_SIZE).singleElement()
                .satisfies(h -> assertThat(h.text()).startsWith("Item collection big holds 2"));
        assertThat(new Hints(100).of(layout.table(), aggregator.snapshot(), 1, false)).extracting(Hint::kind)
                .contains(Hint.Kind.SIZES_UNKNOWN);
        assertThat(outcome.stop()).isEqualTo(ScanStop.COMPLETE);
    }
}
