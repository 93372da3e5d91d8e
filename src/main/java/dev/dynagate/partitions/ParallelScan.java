package dev.dynagate.partitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A parallel Scan (Segment/TotalSegments) that hands each page to a sink and stops at the budget or when its
 * thread is interrupted, returning what it read so far rather than failing. Item budgets are reserved page by page
 * before each request, so a scan never reads more items than the budget allows.
 */
public final class ParallelScan {
    public static final int PAGE_LIMIT = 1000;

    /** How a finished (or stopped) scan went. */
    public record Outcome(ScanStop stop, ScanProgress progress) {
    }

    private final KeyScanner scanner;
    private final Executor segmentThreads;
    private final Clock clock;

    public ParallelScan(KeyScanner scanner, Executor segmentThreads, Clock clock) {
        this.scanner = scanner;
        this.segmentThreads = segmentThreads;
        this.clock = clock;
    }

    public Outcome run(KeySchema keys, boolean fullItems, int segments, Budget budget,
                       Consumer<List<Map<String, DdbValue>>> sink, Consumer<ScanProgress> progress) {
        return run(keys, fullItems, segments, budget, sink, progress, () -> false);
    }

    /** As above; {@code cancelRequested} is asked between pages, besides the thread's interrupt flag. */
    public Outcome run(KeySchema keys, boolean fullItems, int segments, Budget budget,
                       Consumer<List<Map<String, DdbValue>>> sink, Consumer<ScanProgress> progress,
                       BooleanSupplier cancelRequested) {
        Run run = new Run(keys, fullItems, segments, budget, sink, progress, cancelRequested);
        List<FutureTask<Void>> tasks = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            int s = segment;
            tasks.add(new FutureTask<>(() -> {
                run.segment(s);
                return null;
            }));
        }
        tasks.forEach(segmentThreads::execute);
        try {
            for (FutureTask<Void> task : tasks) {
                task.get();
            }
        } catch (InterruptedException | CancellationException e) {
            run.stop(ScanStop.CANCELLED);
            tasks.forEach(t -> t.cancel(true));
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            tasks.forEach(t -> t.cancel(true));
            if (run.stop.get() == null) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        ScanStop stop = run.stop.get();
        return new Outcome(stop == null ? ScanStop.COMPLETE : stop, run.progress());
    }

    private final class Run {
        final KeySchema keys;
        final boolean fullItems;
        final int segments;
        final Budget budget;
        final Consumer<List<Map<String, DdbValue>>> sink;
        final Consumer<ScanProgress> listener;
        final Instant started = clock.instant();
        final AtomicLong itemsLeft;
        final AtomicLong items = new AtomicLong();
        final AtomicLong capacityMillis = new AtomicLong();
        final AtomicInteger pages = new AtomicInteger();
        final AtomicInteger segmentsDone = new AtomicInteger();
        final AtomicReference<ScanStop> stop = new AtomicReference<>();
        final BooleanSupplier cancelRequested;

        Run(KeySchema keys, boolean fullItems, int segments, Budget budget,
            Consumer<List<Map<String, DdbValue>>> sink, Consumer<ScanProgress> listener,
            BooleanSupplier cancelRequested) {
            this.cancelRequested = cancelRequested;
            this.keys = keys;
            this.fullItems = fullItems;
            this.segments = segments;
            this.budget = budget;
            this.sink = sink;
            this.listener = listener;
            this.itemsLeft = new AtomicLong(budget.limitsItems() ? budget.maxItems() : Long.MAX_VALUE);
        }

        void segment(int segment) {
            Map<String, DdbValue> start = null;
            do {
                if (stop.get() != null) {
                    return;
                }
                if (Thread.currentThread().isInterrupted() || cancelRequested.getAsBoolean()) {
                    stop(ScanStop.CANCELLED);
                    return;
                }
                if (budget.limitsTime() && !clock.instant().isBefore(started.plus(budget.maxTime()))) {
                    stop(ScanStop.TIME_BUDGET);
                    return;
                }
                if (budget.limitsCapacity() && capacity() >= budget.maxCapacityUnits()) {
                    stop(ScanStop.CAPACITY_BUDGET);
                    return;
                }
                int limit = reserve();
                if (limit == 0) {
                    stop(ScanStop.ITEM_BUDGET);
                    return;
                }
                KeyScanner.Page page;
                try {
                    page = scanner.scan(new KeyScanner.ScanRequest(keys, fullItems, segment, segments, start, limit));
                } catch (RuntimeException e) {
                    if (stop.get() != null || Thread.currentThread().isInterrupted()
                            || cancelRequested.getAsBoolean()) {
                        stop(ScanStop.CANCELLED);
                        return;
                    }
                    throw e;
                }
                itemsLeft.addAndGet(limit - page.items().size());
                sink.accept(page.items());
                items.addAndGet(page.items().size());
                capacityMillis.addAndGet(Math.round(page.capacityUnits() * 1000));
                pages.incrementAndGet();
                start = page.lastKey();
                if (start == null) {
                    segmentsDone.incrementAndGet();
                }
                listener.accept(progress());
            } while (start != null);
        }

        private int reserve() {
            while (true) {
                long left = itemsLeft.get();
                int take = (int) Math.min(left, PAGE_LIMIT);
                if (take == 0 || itemsLeft.compareAndSet(left, left - take)) {
                    return take;
                }
            }
        }

        void stop(ScanStop reason) {
            stop.compareAndSet(null, reason);
        }

        double capacity() {
            return capacityMillis.get() / 1000.0;
        }

        ScanProgress progress() {
            return new ScanProgress(items.get(), capacity(), segmentsDone.get(), segments, pages.get(),
                    Duration.between(started, clock.instant()));
        }
    }
}
