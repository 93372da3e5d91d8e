package dev.dynagate.partitions;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.LatestOnly;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Partitions tab of one table: picks the table or a global index, scans it in parallel in the background
 * (keys only, or whole items for sizes) within a budget, shows live progress and consumed capacity, and ends with
 * the partitions, the top N for the chart, skew figures, hints and the basis of every figure. Cancel keeps what was
 * read, labelled partial.
 */
public final class PartitionsPresenter {
    public static final int TOP_N = 15;
    static final int SORT_KEY_LIMIT = 1000;
    static final long LIVE_UPDATE_NANOS = 250_000_000L;
    /** Above this many partitions the list is shown at the end only; progress stays live. */
    static final int LIVE_LIST_LIMIT = 20_000;

    public enum Phase { IDLE, DESCRIBING, READY, SCANNING, DONE, FAILED }

    private final String table;
    private final KeyScanner scanner;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final Executor segmentThreads;
    private final Consumer<PartitionDrill> drill;
    private final Hints rules;
    private final LatestOnly latest = new LatestOnly();
    private final LatestOnly latestSortKeys = new LatestOnly();
    private final AtomicReference<CompletableFuture<?>> running = new AtomicReference<>();
    /** Also asked by the scan itself: with a direct executor the future is known only once the scan has ended. */
    private final java.util.concurrent.atomic.AtomicBoolean cancelRequested =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final ObjectProperty<TableLayout> layout = new SimpleObjectProperty<>();
    private final ObservableList<KeySchema> targets = FXCollections.observableArrayList();
    private final ObjectProperty<KeySchema> target = new SimpleObjectProperty<>();
    private final BooleanProperty withSizes = new SimpleBooleanProperty(false);
    private final BooleanProperty sampling = new SimpleBooleanProperty(false);
    private final StringProperty itemBudget = new SimpleStringProperty("");
    private final StringProperty capacityBudget = new SimpleStringProperty("");
    private final StringProperty secondsBudget = new SimpleStringProperty("");
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObservableList<PartitionStats> partitions = FXCollections.observableArrayList();
    private final ObjectProperty<ChartMetric> chartMetric = new SimpleObjectProperty<>(ChartMetric.ITEMS);
    private final ObservableList<PartitionStats> top = FXCollections.observableArrayList();
    private final ObjectProperty<PartitionReport> report = new SimpleObjectProperty<>();
    private final StringProperty skewText = new SimpleStringProperty("");
    private final StringProperty basisText = new SimpleStringProperty("");
    private final ObservableList<Hint> hints = FXCollections.observableArrayList();
    private final ObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<PartitionStats> opened = new SimpleObjectProperty<>();
    private final ObservableList<String> sortKeys = FXCollections.observableArrayList();
    private final StringProperty sortKeySummary = new SimpleStringProperty("");

    public PartitionsPresenter(String table, KeyScanner scanner, ErrorDescriber errors, Operations operations,
                               Executor segmentThreads, Consumer<PartitionDrill> drill, Hints rules) {
        this.table = table;
        this.scanner = scanner;
        this.errors = errors;
        this.operations = operations;
        this.segmentThreads = segmentThreads;
        this.drill = drill;
        this.rules = rules;
        chartMetric.addListener((obs, old, metric) -> rankTop());
        withSizes.addListener((obs, old, sizes) -> chartMetric.set(sizes ? ChartMetric.BYTES : ChartMetric.ITEMS));
    }

    /** Reads the table's keys and indexes; the scan can start once this is done. */
    public CompletableFuture<TableLayout> load() {
        phase.set(Phase.DESCRIBING);
        problem.set(null);
        CompletableFuture<TableLayout> describing = operations.run("Describing " + table,
                () -> scanner.describe(table));
        // the returned stage completes after the layout is shown, so callers may start a scan from it
        return describing.whenCompleteAsync((value, error) -> {
            if (error != null) {
                fail(error);
                return;
            }
            layout.set(value);
            List<KeySchema> all = new ArrayList<>();
            all.add(value.table());
            all.addAll(value.globalIndexes());
            targets.setAll(all);
            target.set(value.table());
            phase.set(Phase.READY);
        }, operations.ui());
    }

    /** Scans the chosen table or index within the budget; a running scan is cancelled first. */
    public CompletableFuture<PartitionReport> start() {
        TableLayout shape = layout.get();
        KeySchema keys = target.get();
        if (shape == null || keys == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("table not described yet"));
        }
        Budget budget;
        try {
            budget = BudgetForm.parse(itemBudget.get(), capacityBudget.get(), secondsBudget.get(), sampling.get());
        } catch (IllegalArgumentException e) {
            problem.set(new UserMessage(e.getMessage(), "", false));
            return CompletableFuture.failedFuture(e);
        }
        boolean full = withSizes.get();
        boolean sample = sampling.get();
        int segments = sample ? 8 : 4;
        long ticket = latest.next();
        cancelRequested.set(false);
        PartitionAggregator aggregator = new PartitionAggregator(keys);
        AtomicReference<ScanProgress> lastProgress = new AtomicReference<>(
                new ScanProgress(0, 0, 0, segments, 0, java.time.Duration.ZERO));
        long expected = expectedItems(shape, keys, budget);
        clearResults();
        phase.set(Phase.SCANNING);
        progress.set(expected > 0 ? 0 : -1);
        progressText.set("Starting " + segments + " parallel segments…");
        basisText.set("Scanning " + keys.label() + " (" + (full ? "whole items, for sizes" : "keys only") + ")…");
        AtomicLong nextLive = new AtomicLong();
        CompletableFuture<PartitionReport> scan = operations.run("Partitions of " + keys.label(), () -> {
            ParallelScan.Outcome outcome = new ParallelScan(scanner, segmentThreads, Clock.systemUTC()).run(keys, full,
                    segments, budget, aggregator::add, p -> {
                        lastProgress.set(p);
                        long now = System.nanoTime();
                        long due = nextLive.get();
                        if (now >= due && nextLive.compareAndSet(due, now + LIVE_UPDATE_NANOS)) {
                            // past a point, copying every partition four times a second costs more than it shows
                            List<PartitionStats> soFar = aggregator.partitions() <= LIVE_LIST_LIMIT
                                    ? aggregator.snapshot() : null;
                            operations.ui().execute(() -> showLive(ticket, p, expected, soFar));
                        }
                    }, () -> cancelRequested.get() && latest.isCurrent(ticket));
            if (outcome.stop() == ScanStop.CANCELLED) {
                throw new CancellationException();
            }
            return PartitionReport.of(aggregator, shape, full, sample, outcome.stop(), outcome.progress(), rules);
        });
        latest.attach(ticket, scan);
        running.set(scan);
        scan.whenCompleteAsync((result, error) -> {
            if (!latest.isCurrent(ticket)) {
                return;
            }
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof CancellationException) {
                show(PartitionReport.of(aggregator, shape, full, sample, ScanStop.CANCELLED, lastProgress.get(), rules));
            } else if (cause != null) {
                fail(cause);
            } else {
                show(result);
            }
        }, operations.ui());
        return scan;
    }

    /** Stops the running scan; what it read so far stays, labelled partial. */
    public void cancel() {
        cancelRequested.set(true);
        CompletableFuture<?> scan = running.get();
        if (scan != null) {
            scan.cancel(true);
        }
    }

    private static long expectedItems(TableLayout shape, KeySchema keys, Budget budget) {
        long estimate = keys.isIndex() ? 0 : shape.itemCountEstimate();
        if (budget.limitsItems()) {
            return estimate > 0 ? Math.min(estimate, budget.maxItems()) : budget.maxItems();
        }
        return estimate;
    }

    private void showLive(long ticket, ScanProgress p, long expected, List<PartitionStats> soFar) {
        if (!latest.isCurrent(ticket) || phase.get() != Phase.SCANNING) {
            return;
        }
        progress.set(expected > 0 ? Math.min(1, (double) p.items() / expected) : -1);
        progressText.set(progressLine(p));
        if (soFar != null) {
            partitions.setAll(soFar);
            rankTop();
        }
    }

    private static String progressLine(ScanProgress p) {
        return Figures.count(p.items()) + " items · " + Figures.capacity(p.capacityUnits()) + " RCU consumed · "
                + p.segmentsDone() + "/" + p.segments() + " segments done · "
                + Figures.count(Math.round(p.itemsPerSecond())) + " items/s";
    }

    private void show(PartitionReport result) {
        report.set(result);
        partitions.setAll(result.partitions());
        rankTop();
        skewText.set(result.skewText());
        basisText.set(result.basis().text());
        hints.setAll(result.hints());
        progress.set(result.isPartial() ? progress.get() : 1);
        progressText.set(progressLine(result.progress()) + (result.isPartial() ? " · stopped: " + result.stop().reason()
                : " · finished"));
        phase.set(Phase.DONE);
    }

    private void fail(Throwable error) {
        problem.set(errors.describe(error));
        phase.set(Phase.FAILED);
    }

    private void clearResults() {
        report.set(null);
        partitions.clear();
        top.clear();
        hints.clear();
        skewText.set("");
        problem.set(null);
    }

    private void rankTop() {
        ChartMetric metric = chartMetric.get();
        top.setAll(partitions.stream().sorted(Comparator.comparingLong(metric::of).reversed()
                .thenComparing(p -> p.key().display())).limit(TOP_N).toList());
    }

    /** Opens a collection: tells the item explorer (if wired) and lists its sort keys here, in sort-key order. */
    public CompletableFuture<List<String>> open(PartitionStats partition) {
        KeySchema keys = report.get() != null ? report.get().keys() : target.get();
        opened.set(partition);
        drill.accept(PartitionDrill.of(keys, partition.key()));
        sortKeys.clear();
        sortKeySummary.set("Reading sort keys of " + partition.key().display() + "…");
        long ticket = latestSortKeys.next();
        CompletableFuture<List<String>> reading = operations.run("Sort keys of " + partition.key().display(),
                () -> readSortKeys(keys, partition.key()));
        latestSortKeys.attach(ticket, reading);
        reading.whenCompleteAsync((list, error) -> {
            if (!latestSortKeys.isCurrent(ticket)) {
                return;
            }
            if (error != null) {
                sortKeySummary.set(errors.describe(error).oneLine());
                return;
            }
            sortKeys.setAll(list);
            String groups = partition.prefixSummary();
            sortKeySummary.set((groups.isEmpty() ? "" : groups + " — ") + (list.size() >= SORT_KEY_LIMIT
                    ? "first " + Figures.count(list.size()) + " keys" : Figures.count(list.size()) + " keys")
                    + " in sort-key order");
        }, operations.ui());
        return reading;
    }

    private List<String> readSortKeys(KeySchema keys, DdbValue partitionKey) {
        List<String> out = new ArrayList<>();
        Map<String, DdbValue> start = null;
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
            KeyScanner.Page page = scanner.querySortKeys(keys, partitionKey, start, SORT_KEY_LIMIT - out.size());
            for (Map<String, DdbValue> item : page.items()) {
                DdbValue sortKey = keys.hasSortKey() ? item.get(keys.sortKey()) : null;
                out.add(sortKey == null ? partitionKey.display() : sortKey.display());
            }
            start = page.lastKey();
        } while (start != null && out.size() < SORT_KEY_LIMIT);
        return out;
    }

    public String table() { return table; }
    public ObjectProperty<TableLayout> layout() { return layout; }
    public ObservableList<KeySchema> targets() { return targets; }
    public ObjectProperty<KeySchema> target() { return target; }
    public BooleanProperty withSizes() { return withSizes; }
    public BooleanProperty sampling() { return sampling; }
    public StringProperty itemBudget() { return itemBudget; }
    public StringProperty capacityBudget() { return capacityBudget; }
    public StringProperty secondsBudget() { return secondsBudget; }
    public ObjectProperty<Phase> phase() { return phase; }
    public DoubleProperty progress() { return progress; }
    public StringProperty progressText() { return progressText; }
    public ObservableList<PartitionStats> partitions() { return partitions; }
    public ObjectProperty<ChartMetric> chartMetric() { return chartMetric; }
    public ObservableList<PartitionStats> top() { return top; }
    public ObjectProperty<PartitionReport> report() { return report; }
    public StringProperty skewText() { return skewText; }
    public StringProperty basisText() { return basisText; }
    public ObservableList<Hint> hints() { return hints; }
    public ObjectProperty<UserMessage> problem() { return problem; }
    public ObjectProperty<PartitionStats> opened() { return opened; }
    public ObservableList<String> sortKeys() { return sortKeys; }
    public StringProperty sortKeySummary() { return sortKeySummary; }
}
