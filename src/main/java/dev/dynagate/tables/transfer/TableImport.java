package dev.dynagate.tables.transfer;

import dev.dynagate.dynamodbrules.SizeRules;
import dev.dynagate.tables.Attr;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.TableDescription;
import dev.dynagate.tables.UnprocessedRetry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import java.util.concurrent.atomic.AtomicLong;
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

    /** @param unprocessed items DynamoDB still left unprocessed when the retries ran out */
    public record Result(long written, long unprocessed, int retries) {
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
            Attr value = item.get(key.name());
            if (value == null) {
                return "no " + key.name() + ", a key attribute of the table";
            }
            String wrong = wrongKeyValue(key, value, "the table's key");
            if (wrong != null) {
                return wrong;
            }
        }
        // an index key attribute may be missing (the item stays out of the index), not of another type or empty
        for (TableDescription.Index index : table.indexes()) {
            for (TableDescription.Key key : keyList(index.keys())) {
                Attr value = item.get(key.name());
                String wrong = value == null ? null : wrongKeyValue(key, value, "the key of index " + index.name());
                if (wrong != null) {
                    return wrong;
                }
            }
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

    private static String wrongKeyValue(TableDescription.Key key, Attr value, String whose) {
        if (!value.type().equals(key.type().name())) {
            return key.name() + " is " + value.type() + " but " + whose + " is " + key.type();
        }
        if (value instanceof Attr.S s && s.value().isEmpty() || value instanceof Attr.B b && b.bytes().length == 0) {
            return key.name() + " is empty; a value of " + whose + " cannot be";
        }
        return null;
    }

    private static List<TableDescription.Key> keyList(TableDescription.KeySchema keys) {
        List<TableDescription.Key> all = new ArrayList<>(keys.partitions());
        all.addAll(keys.sorts());
        return all;
    }

    /**
     * Writes every item of a file that passed {@link #check}; {@code progress} hears the count written. A request
     * DynamoDB refuses (a 400 KB item, no such table, no permission) stops the import and is thrown; what was already
     * written stays written. Interrupting the thread stops it with {@link CancellationException}.
     */
    public Result run(TableDescription table, Path file, ExportFormat format, int writers, LongConsumer progress)
            throws IOException, InterruptedException {
        TableDescription.KeySchema keys = table.keys();
        AtomicLong written = new AtomicLong();
        AtomicLong unprocessed = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(writers, r -> {
            Thread thread = new Thread(r, "import-writer");
            thread.setDaemon(true);
            return thread;
        });
        // two batches queued per writer at most: memory stays flat however large the file
        Semaphore inFlight = new Semaphore(writers * 2);
        List<Future<?>> sent = new ArrayList<>();
        try (BufferedReader lines = ItemFiles.reader(file)) {
            List<Map<String, Attr>> batch = new ArrayList<>(BATCH);
            Set<Map<String, Attr>> batchKeys = new HashSet<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException();
                }
                failFast(sent);
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Attr> item = ItemLines.parse(line, format);
                // one BatchWriteItem may not name a key twice: a repeated key starts the next batch
                if (batch.size() == BATCH || !batchKeys.add(keyOf(item, keys))) {
                    sent.add(submit(threads, inFlight, table.name(), batch, written, unprocessed, retries, progress));
                    batch = new ArrayList<>(BATCH);
                    batchKeys.clear();
                    batchKeys.add(keyOf(item, keys));
                }
                batch.add(item);
            }
            if (!batch.isEmpty()) {
                sent.add(submit(threads, inFlight, table.name(), batch, written, unprocessed, retries, progress));
            }
            for (Future<?> batchSent : sent) {
                wait(batchSent, sent);
            }
        } finally {
            threads.shutdownNow();
        }
        return new Result(written.get(), unprocessed.get(), (int) retries.get());
    }

    private Future<?> submit(ExecutorService threads, Semaphore inFlight, String table, List<Map<String, Attr>> batch,
                             AtomicLong written, AtomicLong unprocessed, AtomicLong retries, LongConsumer progress)
            throws InterruptedException {
        inFlight.acquire();
        try {
            return threads.submit(() -> {
                try {
                    UnprocessedRetry.Outcome<Map<String, Attr>> outcome = UnprocessedRetry.send(batch,
                            pending -> store.putBatch(table, pending), pause, maxRetries,
                            count -> progress.accept(written.addAndGet(count)));
                    unprocessed.addAndGet(outcome.left().size());
                    retries.addAndGet(outcome.retries());
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** A batch that failed stops the reading at once rather than after the whole file. */
    private static void failFast(List<Future<?>> sent) throws InterruptedException {
        List<Future<?>> done = new ArrayList<>();
        for (Future<?> batch : sent) {
            if (batch.isDone()) {
                wait(batch, sent);
                done.add(batch);
            }
        }
        sent.removeAll(done);
    }

    private static void wait(Future<?> batch, List<Future<?>> all) throws InterruptedException {
        try {
            batch.get();
        } catch (ExecutionException e) {
            all.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Map<String, Attr> keyOf(Map<String, Attr> item, TableDescription.KeySchema keys) {
        Map<String, Attr> key = new LinkedHashMap<>();
        for (String name : keys.names()) {
            key.put(name, item.get(name));
        }
        return key;
    }
}
