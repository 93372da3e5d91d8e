package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.ReadRequest;
import dev.dynagate.tables.TableAdmin;
import dev.dynagate.tables.TableDescription;
import dev.dynagate.tables.UnprocessedRetry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Copies a table to another connection (a real table into the sandbox, or a copy beside it): a table with the same
 * keys, indexes and time to live is created there, then every item is read by a parallel Scan of the source and
 * written with BatchWriteItem, types intact. The new table is on-demand: capacity is the source's business.
 */
public final class TableCopy {
    /** Segments the source is read in, as the command line's export default. */
    public static final int SEGMENTS = 4;
    private static final int BATCH = 25;
    private static final int PAGE_LIMIT = 1000;

    /** @param unprocessed items the target still left unprocessed when the retries ran out */
    public record Result(long copied, long unprocessed) {
    }

    private final ItemStore source;
    private final ItemStore target;
    private final TableAdmin targetAdmin;
    private final UnprocessedRetry.Pause pause;
    private final int maxRetries;

    public TableCopy(ItemStore source, ItemStore target, TableAdmin targetAdmin, UnprocessedRetry.Pause pause,
                     int maxRetries) {
        this.source = source;
        this.target = target;
        this.targetAdmin = targetAdmin;
        this.pause = pause;
        this.maxRetries = maxRetries;
    }

    /**
     * The new table's definition: the source's keys and indexes under {@code name}, on demand. A global index whose
     * key has several attributes is refused, since the New table machinery makes one attribute per key part.
     */
    public static TableAdmin.Spec spec(TableDescription table, String name) {
        List<TableAdmin.IndexSpec> indexes = new ArrayList<>();
        for (TableDescription.Index index : table.indexes()) {
            if (index.keys().multiAttribute()) {
                throw new IllegalArgumentException("The index " + index.name() + " of " + table.name() + " has a key "
                        + "of several attributes, which a copy cannot make yet.");
            }
            indexes.add(new TableAdmin.IndexSpec(index.name(), index.kind(), index.keys().partition(),
                    index.keys().sort(), index.projection(), index.nonKeyAttributes()));
        }
        return new TableAdmin.Spec(name, table.keys().partition(), table.keys().sort(), true, 0, 0, indexes,
                table.stream());
    }

    /**
     * Creates {@code name} on the target like {@code table}, copies every item into it and turns on its time to
     * live; {@code progress} hears the count copied about once a second, and at the end. Interrupting the thread
     * stops the copy; the new table keeps what was copied.
     */
    public Result run(TableDescription table, String name, LongConsumer progress)
            throws IOException, InterruptedException {
        targetAdmin.create(spec(table, name));
        ReadRequest scan = new ReadRequest(ReadRequest.Operation.SCAN, table.name(), null, null, null, null, Map.of(),
                Map.of(), PAGE_LIMIT, true, false, "copy of " + table.name());
        SegmentReader segments = SegmentReader.of(source, scan);
        BatchingWriter writer = new BatchingWriter(name);
        new TableExport(segments, Clock.systemUTC()).run(new TableExport.Source(table.name(), null,
                table.keys().names(), table.itemCount()), SEGMENTS, writer, done -> progress.accept(writer.copied));
        progress.accept(writer.copied);
        if (table.ttlAttribute() != null) {
            targetAdmin.setTimeToLive(name, table.ttlAttribute(), true);
        }
        return new Result(writer.copied, writer.unprocessed);
    }

    /** Items into the target table 25 at a time; the export calls it from one segment at a time. */
    private final class BatchingWriter implements ItemWriter {
        final String table;
        final List<Map<String, Attr>> batch = new ArrayList<>(BATCH);
        long copied;
        long unprocessed;

        BatchingWriter(String table) {
            this.table = table;
        }

        @Override
        public void write(Map<String, Attr> item) throws IOException {
            batch.add(item);
            if (batch.size() == BATCH) {
                send();
            }
        }

        @Override
        public void finish() throws IOException {
            send();
        }

        private void send() {
            if (batch.isEmpty()) {
                return;
            }
            List<Map<String, Attr>> sending = List.copyOf(batch);
            batch.clear();
            UnprocessedRetry.Outcome<Map<String, Attr>> outcome = UnprocessedRetry.send(sending,
                    pending -> target.putBatch(table, pending), pause, maxRetries, count -> copied += count);
            unprocessed += outcome.left().size();
        }

        @Override
        public void close() {
            batch.clear();
        }
    }
}
