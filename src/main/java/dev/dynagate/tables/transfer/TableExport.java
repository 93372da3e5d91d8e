package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Exports a whole table: a parallel Scan of {@code segments} segments, each page written as it arrives, so memory
 * holds a page per segment whatever the table's size. Items come out in no particular order (segments interleave).
 * The first segment that fails stops the others and the failure is thrown.
 */
public final class TableExport {
    /** How far an export has come; {@code approximateItems} is DynamoDB's estimate and may be stale. */
    public record Progress(long items, long approximateItems, Duration elapsed) {
        public double itemsPerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : items / seconds;
        }
    }

    /**
     * What is exported: a table, or one of its indexes ({@code index} not null); the key attributes, which lead a
     * CSV's columns; DynamoDB's approximate item count (updated about every six hours), for progress.
     */
    public record Source(String table, String index, List<String> keyAttributes, long approximateItems) {
        public Source {
            keyAttributes = List.copyOf(keyAttributes);
        }
    }

    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private final SegmentReader reader;
    private final Clock clock;

    public TableExport(SegmentReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    public static ItemWriter writer(ExportFormat format, Writer out, List<String> keyAttributes, Path spoolFolder)
            throws IOException {
        return switch (format) {
            case JSONL -> new JsonLinesWriter(out, false);
            case DDB_JSON -> new JsonLinesWriter(out, true);
            case CSV -> new CsvWriter(out, keyAttributes, spoolFolder);
        };
    }

    /** Reads every item of {@code table} into {@code writer} and finishes it; progress about once a second. */
    public Progress run(Source source, int segments, ItemWriter writer, Consumer<Progress> progress)
            throws IOException, InterruptedException {
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be at least 1, not " + segments);
        }
        Run run = new Run(source, segments, writer, progress);
        ExecutorService threads = Executors.newFixedThreadPool(segments, r -> {
            Thread thread = new Thread(r, "export-segment");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // segments are awaited as they end, so the first to fail stops the others at once
            CompletionService<Void> ended = new ExecutorCompletionService<>(threads);
            List<Future<Void>> tasks = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                int s = segment;
                tasks.add(ended.submit(() -> {
                    run.segment(s);
                    return null;
                }));
            }
            for (int i = 0; i < segments; i++) {
                try {
                    ended.take().get();
                } catch (ExecutionException e) {
                    tasks.forEach(t -> t.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    } else if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    } else if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            threads.shutdownNow();
        }
        writer.finish();
        return run.progress();
    }

    private final class Run {
        final Source source;
        final int segments;
        final ItemWriter writer;
        final Consumer<Progress> listener;
        final Instant started = clock.instant();
        final AtomicLong items = new AtomicLong();
        Instant lastReport = started;

        Run(Source source, int segments, ItemWriter writer, Consumer<Progress> listener) {
            this.source = source;
            this.segments = segments;
            this.writer = writer;
            this.listener = listener;
        }

        void segment(int segment) throws IOException {
            Map<String, Attr> start = null;
            do {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                SegmentReader.Page page = reader.scan(source.table(), source.index(), segment, segments, start);
                write(page.items());
                start = page.lastKey();
            } while (start != null && !start.isEmpty());
        }

        private void write(List<Map<String, Attr>> page) throws IOException {
            // one writer, many segments: a page goes out whole, and progress is reported by whoever passes the mark
            synchronized (writer) {
                for (Map<String, Attr> item : page) {
                    writer.write(item);
                }
                items.addAndGet(page.size());
                Instant now = clock.instant();
                if (Duration.between(lastReport, now).compareTo(REPORT_EVERY) >= 0) {
                    lastReport = now;
                    listener.accept(progress());
                }
            }
        }

        Progress progress() {
            return new Progress(items.get(), source.approximateItems(), Duration.between(started, clock.instant()));
        }
    }
}
