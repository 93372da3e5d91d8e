package dev.dynagate.tables.transfer;

import dev.dynagate.dynamodbrules.SizeRules;
import dev.dynagate.tables.Attr;
import dev.dynagate.tables.Condition;
import dev.dynagate.tables.ConflictException;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.TableDescription;
import dev.dynagate.tables.UnprocessedRetry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.LongConsumer;

/**
 * Writes the items of a file (one per line, as the export writes them) into a table with BatchWriteItem, 25 at a
 * time over a few parallel writers, resending what DynamoDB leaves unprocessed. The whole file is read and checked
 * first ({@link #check}), so a file with a bad line writes nothing: every item must parse and carry the table's key
 * with the key's types. An item whose key is already in the table replaces it, as a PutItem would.
 */
public final class TableImport {
    static final int BATCH = 25;
    private static final int MAX_PROBLEMS = 10;
    /** DynamoDB's limits on one key attribute's value, for a table and for an index alike. */
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    /** A line that cannot be imported, and why. */
    public record Problem(long line, String message) {
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + message : message;
        }
    }

    /** What reading the file found: how many items, in which format, and up to ten problems. */
    public record Check(long items, ExportFormat format, List<Problem> problems, long moreProblems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The problems in a few lines, for a message. */
        public String describeProblems() {
            StringBuilder text = new StringBuilder();
            problems.forEach(p -> text.append(text.length() == 0 ? "" : "\n").append(p));
            if (moreProblems > 0) {
                text.append("\n… and ").append(moreProblems).append(" more");
            }
            return text.toString();
        }
    }

    /** What happens to an item of the file whose key is already in the table. */
    public enum Existing {
        /** The file's item replaces it (BatchWriteItem, 25 items a request). */
        REPLACE,
        /** The table's item stays (a conditional PutItem per item, so slower), which also resumes a cut-short import. */
        KEEP
    }

    /**
     * @param unprocessed items DynamoDB still left unprocessed when the retries ran out
     * @param kept        items of the file not written because their key was already in the table ({@link Existing#KEEP})
     */
    public record Result(long written, long unprocessed, int retries, long kept) {
    }

    private final ItemStore store;
    private final UnprocessedRetry.Pause pause;
    private final int maxRetries;

    public TableImport(ItemStore store, UnprocessedRetry.Pause pause, int maxRetries) {
        this.store = store;
        this.pause = pause;
        this.maxRetries = maxRetries;
    }

    /** Reads every line; {@code format} null detects it from the first item line. */
    public static Check check(Path file, ExportFormat format, TableDescription table) throws IOException {
        long items = 0;
        long more = 0;
        List<Problem> problems = new ArrayList<>();
        ExportFormat chosen = format;
        try (BufferedReader lines = ItemFiles.reader(file)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (chosen == null) {
                    chosen = ItemLines.detect(line);
                }
                String problem = problemOf(line, chosen, table);
                if (problem == null) {
                    items++;
                } else if (problems.size() < MAX_PROBLEMS) {
                    problems.add(new Problem(number, problem));
                } else {
                    more++;
                }
            }
        }
        if (items == 0 && problems.isEmpty()) {
            problems.add(new Problem(0, "the file holds no items"));
        }
        return new Check(items, chosen == null ? ExportFormat.DDB_JSON : chosen, List.copyOf(problems), more);
    }

    /** What DynamoDB would refuse in this item, checked before anything is sent; null when nothing. */
    private static String problemOf(String line, ExportFormat format, TableDescription table) {
        Map<String, Attr> item;
        try {
            item = ItemLines.parse(line, format);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        for (TableDescription.Key key : keyList(table.keys())) {
            if (item.get(key.name()) == null) {
                return "no " + key.name() + ", a key attribute of the table";
            }
        }
        String wrong = wrongKeyValues(item, table.keys(), "the table's key");
        // an index key attribute may be missing (the item stays out of the index), not of another type or empty
        for (TableDescription.Index index : table.indexes()) {
            if (wrong == null) {
                wrong = wrongKeyValues(item, index.keys(), "the key of index " + index.name());
            }
        }
        if (wrong != null) {
            return wrong;
        }
        String refused = ValueRules.problem(item);
        if (refused != null) {
            return refused;
        }
        long size = AttrBytes.of(item);
        if (size > SizeRules.MAX_ITEM_BYTES) {
            return String.format(Locale.ROOT, "the item is %,d bytes; DynamoDB's limit is 400 KB (%,d bytes)", size,
                    SizeRules.MAX_ITEM_BYTES);
        }
        return null;
    }

    /** The first key value of {@code keys} the item holds that DynamoDB would refuse, or null. */
    private static String wrongKeyValues(Map<String, Attr> item, TableDescription.KeySchema keys, String whose) {
        for (TableDescription.Key key : keyList(keys)) {
            Attr value = item.get(key.name());
            String wrong = value == null ? null : wrongKeyValue(key, value, whose,
                    keys.sorts().contains(key) ? MAX_SORT_KEY_BYTES : MAX_PARTITION_KEY_BYTES);
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    private static String wrongKeyValue(TableDescription.Key key, Attr value, String whose, int maxBytes) {
        if (!value.type().equals(key.type().name())) {
            return key.name() + " is " + value.type() + " but " + whose + " is " + key.type();
        }
        long bytes = value instanceof Attr.S s ? SizeRules.utf8(s.value())
                : value instanceof Attr.B b ? b.bytes().length : 1;
        if (bytes == 0) {
            return key.name() + " is empty; a value of " + whose + " cannot be";
        }
        if (bytes > maxBytes) {
            return String.format(Locale.ROOT, "%s is %,d bytes; a value of %s holds %,d at most", key.name(), bytes,
                    whose, maxBytes);
        }
        return null;
    }

    private static List<TableDescription.Key> keyList(TableDescription.KeySchema keys) {
        List<TableDescription.Key> all = new ArrayList<>(keys.partitions());
        all.addAll(keys.sorts());
        return all;
    }

    /**
     * Writes every item of a file that passed {@link #check}; {@code progress} hears the count written. Items go to
     * {@code writers} lanes by their key, each lane sending its batches one after another, so an item whose key repeats
     * later in the file is always written after the earlier one: the last line wins, as successive PutItems would. A
     * request DynamoDB refuses (no such table, no permission) stops the import and is thrown; what was already written
     * stays written. Interrupting the thread stops it with {@link CancellationException}.
     */
    public Result run(TableDescription table, Path file, ExportFormat format, int writers, LongConsumer progress)
            throws IOException, InterruptedException {
        return run(table, file, format, writers, Existing.REPLACE, progress);
    }

    /**
     * As {@link #run(TableDescription, Path, ExportFormat, int, LongConsumer)}, choosing what happens to items whose
     * key is already in the table. With {@link Existing#KEEP} a key repeated in the file keeps its first line, since
     * the second finds it written.
     */
    public Result run(TableDescription table, Path file, ExportFormat format, int writers, Existing existing,
                      LongConsumer progress) throws IOException, InterruptedException {
        Writing writing = new Writing(table.name(), table.keys().names(), existing, progress);
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            lanes.add(new Lane(writing));
        }
        try (BufferedReader lines = ItemFiles.reader(file)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException();
                }
                writing.failFast();
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Attr> item = ItemLines.parse(line, format);
                List<String> key = KeyIdentity.of(item, table.keys());
                lanes.get(Math.floorMod(key.hashCode(), writers)).add(item, key);
            }
            for (Lane lane : lanes) {
                lane.flush();
            }
            writing.awaitAll();
        } finally {
            lanes.forEach(Lane::stop);
        }
        return writing.result();
    }

    /** What the lanes share: the counts, the progress listener, and every batch sent, to see failures early. */
    private final class Writing {
        final String table;
        final List<String> keyNames;
        final Existing existing;
        final LongConsumer progress;
        final List<Future<?>> sent = new ArrayList<>();
        long written;
        long unprocessed;
        int retries;
        long kept;

        Writing(String table, List<String> keyNames, Existing existing, LongConsumer progress) {
            this.table = table;
            this.keyNames = keyNames;
            this.existing = existing;
            this.progress = progress;
        }

        synchronized void keptOne() {
            kept++;
        }

        /** Counts and reports in one place, so the count heard only ever grows. */
        synchronized void wrote(int count) {
            written += count;
            progress.accept(written);
        }

        synchronized void finished(UnprocessedRetry.Outcome<Map<String, Attr>> outcome) {
            unprocessed += outcome.left().size();
            retries += outcome.retries();
        }

        synchronized Result result() {
            return new Result(written, unprocessed, retries, kept);
        }

        /** A batch that failed stops the reading at once rather than after the whole file. */
        void failFast() throws InterruptedException {
            List<Future<?>> done = new ArrayList<>();
            for (Future<?> batch : sent) {
                if (batch.isDone()) {
                    await(batch);
                    done.add(batch);
                }
            }
            sent.removeAll(done);
        }

        void awaitAll() throws InterruptedException {
            for (Future<?> batch : sent) {
                await(batch);
            }
        }

        private void await(Future<?> batch) throws InterruptedException {
            try {
                batch.get();
            } catch (ExecutionException e) {
                sent.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** One writer: its own batches, sent one after another on its own thread, two at most waiting. */
    private final class Lane {
        final Writing writing;
        final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-writer");
            t.setDaemon(true);
            return t;
        });
        final Semaphore queued = new Semaphore(2);
        List<Map<String, Attr>> batch = new ArrayList<>(BATCH);
        final Set<List<String>> batchKeys = new HashSet<>();

        Lane(Writing writing) {
            this.writing = writing;
        }

        void add(Map<String, Attr> item, List<String> key) throws InterruptedException {
            // one BatchWriteItem may not name a key twice: a repeated key goes in this lane's next batch
            if (batch.size() == BATCH || batchKeys.contains(key)) {
                flush();
            }
            batch.add(item);
            batchKeys.add(key);
        }

        void flush() throws InterruptedException {
            if (batch.isEmpty()) {
                return;
            }
            List<Map<String, Attr>> sending = batch;
            batch = new ArrayList<>(BATCH);
            batchKeys.clear();
            queued.acquire();
            try {
                writing.sent.add(thread.submit(() -> {
                    try {
                        if (writing.existing == Existing.KEEP) {
                            putEachIfAbsent(sending);
                        } else {
                            writing.finished(UnprocessedRetry.send(sending, pending -> store.putBatch(writing.table,
                                    pending), pause, maxRetries, writing::wrote));
                        }
                    } finally {
                        queued.release();
                    }
                }));
            } catch (RuntimeException e) {
                queued.release();
                throw e;
            }
        }

        /** BatchWriteItem takes no condition: each item goes alone, written only where its key is free. */
        private void putEachIfAbsent(List<Map<String, Attr>> items) {
            Condition absent = Condition.absent(writing.keyNames);
            for (Map<String, Attr> item : items) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException();
                }
                try {
                    store.put(writing.table, item, absent);
                    writing.wrote(1);
                } catch (ConflictException alreadyThere) {
                    writing.keptOne();
                }
            }
        }

        void stop() {
            thread.shutdownNow();
        }
    }
}
