package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.ItemPage;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.ReadRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;

/**
 * Exports what a Query or Scan of the item explorer selects (a slice: one partition, a key range, a filter, a
 * projection), every page of it rather than only the pages loaded in the grid. A Query reads its partition page by
 * page, in sort-key order; a Scan reads {@link #SCAN_SEGMENTS} segments in parallel, whose items interleave.
 */
public final class ResultExport {
    /** As the command line's default: enough to keep DynamoDB busy from a workstation, few enough not to throttle. */
    public static final int SCAN_SEGMENTS = 4;

    private final ItemStore store;

    public ResultExport(ItemStore store) {
        this.store = store;
    }

    /**
     * Writes every item of {@code request} to {@code file} in {@code format}; {@code progress} hears the count after
     * each page of a Query and about once a second during a Scan. Stops with {@link CancellationException} or
     * {@link InterruptedException}, leaving no file, when the thread is interrupted.
     */
    public long run(ReadRequest request, List<String> keyAttributes, ExportFormat format, Path file,
                    LongConsumer progress) throws IOException, InterruptedException {
        Path folder = file.toAbsolutePath().getParent();
        return ExportFile.write(file, out -> {
            try (ItemWriter writer = TableExport.writer(format, out, keyAttributes, folder)) {
                if (!request.isQuery()) {
                    return scanInSegments(request, keyAttributes, writer, progress);
                }
                long written = writeTo(request, writer, progress);
                writer.finish();
                return written;
            }
        });
    }

    /** The Scan's segments read in parallel through the item store, its expressions applied to each. */
    private long scanInSegments(ReadRequest scan, List<String> keyAttributes, ItemWriter writer,
                                LongConsumer progress) throws IOException, InterruptedException {
        SegmentReader segments = SegmentReader.of(store, scan);
        TableExport.Source source = new TableExport.Source(scan.table(), scan.index(), keyAttributes, 0);
        return new TableExport(segments, Clock.systemUTC()).run(source, SCAN_SEGMENTS, writer,
                done -> progress.accept(done.items())).items();
    }

    /** Writes every item of {@code request} into {@code writer} (not finished); answers how many. */
    public long writeTo(ReadRequest request, ItemWriter writer, LongConsumer progress) throws IOException {
        long written = 0;
        Map<String, Attr> next = null;
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
            ItemPage page = store.read(request, next);
            for (Map<String, Attr> item : page.items()) {
                writer.write(item);
            }
            written += page.items().size();
            progress.accept(written);
            next = page.hasMore() ? page.lastEvaluatedKey() : null;
        } while (next != null);
        return written;
    }
}
