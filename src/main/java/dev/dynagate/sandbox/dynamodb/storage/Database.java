package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.DamagedFile;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The engine's durable state: every table in memory, a write-ahead log of committed changes and periodic snapshots.
 *
 * <p>Writers run one at a time under the write lock: they read, check conditions, stage {@link Changes}, and the
 * changes are applied and appended to the log as one record before the lock is released. The client is answered
 * only once the record is as safe as the {@link Durability} asks; concurrent writers share writes and forces.
 * Readers take the read lock, so no reader sees part of a transaction. Log order is commit order, so a later write
 * that depended on an earlier one can never survive a crash without it.
 *
 * <p>Snapshots are fuzzy: the log is switched to a new file under the lock, then the tables are copied while writers
 * go on. Recovery loads the newest snapshot and replays every log from its generation on; replaying whole-item puts
 * and deletes in commit order makes any state the copy caught converge to the committed one.
 */
public final class Database implements AutoCloseable {
    static final long CHECKPOINT_BYTES = 64L * 1024 * 1024;
    private static final long SNAPSHOT_RECORD_BYTES = 4L * 1024 * 1024;
    private static final Pattern LOG_NAME = Pattern.compile("wal-(\\d+)\\.log");
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("snapshot-(\\d+)\\.bin");
    /** A snapshot being written; renamed when whole, so one left behind was cut short and is never read. */
    private static final String SNAPSHOT_PART = ".tmp";

    private final Path dir;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<String, TableData> tables = new ConcurrentSkipListMap<>();
    private final Map<String, IdempotencyToken> tokens = new ConcurrentHashMap<>();
    private int tokensSincePrune;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dynamodb-checkpoint");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean checkpointQueued = new AtomicBoolean();
    /** Set while {@link #deferringDurability} runs on this thread: the last log position its writes reached. */
    private final ThreadLocal<long[]> deferred = new ThreadLocal<>();
    private volatile ChangeListener listener;
    private WriteAheadLog log;
    private long generation;
    private volatile boolean closed;

    private final Durability durability;
    private final List<String> recoveryNotes = new ArrayList<>();

    private Database(Path dir, Durability durability) {
        this.dir = dir;
        this.durability = durability;
    }

    /** Opens the data in {@code dir} with the default {@link Durability#PROCESS}. */
    public static Database open(Path dir) throws IOException {
        return open(dir, Durability.PROCESS);
    }

    public static Database open(Path dir, Durability durability) throws IOException {
        Files.createDirectories(dir);
        Database db = new Database(dir, durability);
        db.recover();
        return db;
    }

    /**
     * A database that keeps nothing: no log, no snapshots, every table gone when it closes. Writes are answered once
     * applied; locking, transactions and conditions are the same as on disk.
     */
    public static Database inMemory() {
        return new Database(null, null);
    }

    /** Whether the data lives only in this process ({@link #inMemory}). */
    public boolean isInMemory() {
        return dir == null;
    }

    public TableData table(String name) {
        return tables.get(name);
    }

    public NavigableMap<String, TableData> tables() {
        return tables;
    }

    /** The transaction token remembered under this name (expired or not: the caller decides), or null. */
    public IdempotencyToken token(String name) {
        return tokens.get(name);
    }

    /** Runs a read that must not see half of a transaction. */
    public <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A result computed without waiting for the disk, and when the writes behind it are durable. */
    public record Deferred<T>(T value, CompletableFuture<Void> durable) {
    }

    /**
     * Runs {@code body} on this thread with its writes committed and visible as usual but not waited for: the answer
     * carries a future that completes once every write made inside is durable. Whoever acknowledges those writes
     * (the HTTP server sending the response) must wait for that future first.
     */
    public <T> Deferred<T> deferringDurability(Supplier<T> body) {
        long[] reached = {0};
        long[] outer = deferred.get();
        deferred.set(reached);
        T value;
        try {
            value = body.get();
        } finally {
            if (outer == null) {
                deferred.remove();
            } else {
                deferred.set(outer);
                outer[0] = Math.max(outer[0], reached[0]);
            }
        }
        CompletableFuture<Void> durable = reached[0] == 0 ? CompletableFuture.completedFuture(null)
                : log.whenDurable(reached[0]);
        return new Deferred<>(value, durable);
    }

    /**
     * Runs a writer: {@code body} reads and stages changes; if it returns normally they are committed and the call
     * returns after they are durable (inside {@link #deferringDurability}, at once, leaving the wait to the caller).
     * If it throws, nothing changes.
     */
    public <T> T write(Function<Changes, T> body) {
        Changes changes = new Changes();
        long position;
        T result;
        lock.writeLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("database closed");
            }
            if (log != null) {
                log.refuseIfFailed();
            }
            result = body.apply(changes);
            if (log == null) {
                apply(changes.mutations(), listener, changes.expiry());
                return result;
            }
            if (changes.isEmpty()) {
                if (!changes.dependsOnCommitted()) {
                    return result;
                }
                position = log.appended();
            } else {
                byte[] record = RecordCodec.encode(changes.mutations());
                apply(changes.mutations(), listener, changes.expiry());
                position = log.append(record);
            }
        } finally {
            lock.writeLock().unlock();
        }
        long[] deferring = deferred.get();
        if (deferring != null) {
            deferring[0] = Math.max(deferring[0], position);
        } else {
            log.awaitDurable(position);
        }
        if (log.fileBytes() > CHECKPOINT_BYTES && checkpointQueued.compareAndSet(false, true)) {
            try {
                background.execute(this::checkpointQuietly);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // the database is closing; the log alone is enough to recover
            }
        }
        return result;
    }

    /**
     * Tells {@code listener} of every item and schema change committed from now on, in commit order, under the write
     * lock (so it must be quick and must not call back into the database). Changes replayed at recovery are not told.
     */
    public void listen(ChangeListener listener) {
        this.listener = listener;
    }

    private void apply(List<Changes.Mutation> mutations, ChangeListener told, boolean expiry) {
        for (Changes.Mutation m : mutations) {
            if (m instanceof Changes.Put p) {
                TableData t = tables.get(p.table());
                if (t != null) {
                    StoredItem old = t.put(p.item());
                    if (told != null) {
                        told.itemChanged(t.schema(), old, p.item(), false);
                    }
                }
            } else if (m instanceof Changes.Delete d) {
                TableData t = tables.get(d.table());
                StoredItem old = t == null ? null : t.delete(d.key());
                if (old != null && told != null) {
                    told.itemChanged(t.schema(), old, null, expiry);
                }
            } else if (m instanceof Changes.Schema s) {
                TableData t = tables.get(s.schema().name());
                TableSchema before = t == null ? null : t.schema();
                if (t == null || s.create()) {
                    tables.put(s.schema().name(), new TableData(s.schema()));
                } else {
                    t.setSchema(s.schema());
                }
                if (told != null) {
                    told.schemaChanged(before, s.schema());
                }
            } else if (m instanceof Changes.Drop d) {
                TableData dropped = tables.remove(d.table());
                if (dropped != null && told != null) {
                    told.schemaChanged(dropped.schema(), null);
                }
            } else if (m instanceof Changes.Token t) {
                // dropping expired tokens now and then keeps this cheap however many transactions carry one
                if (++tokensSincePrune >= 1024) {
                    tokensSincePrune = 0;
                    tokens.values().removeIf(old -> old.expiredAt(t.token().at()));
                }
                tokens.put(t.token().token(), t.token());
            }
        }
    }

    private void recover() throws IOException {
        try (var files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(SNAPSHOT_PART)).forEach(Database::deleteQuietly);
        }
        long snapshotGen = newestSnapshot();
        if (snapshotGen >= 0) {
            Path snapshot = snapshotPath(snapshotGen);
            long intact = LogReader.read(snapshot, this::replay);
            keepIfDamaged(snapshot, intact, "a snapshot is written whole, so this is the disk",
                    "the items after it are missing from the tables");
        }
        List<Long> logs = generations(LOG_NAME).stream().filter(g -> g >= Math.max(snapshotGen, 0)).toList();
        long last = logs.isEmpty() ? Math.max(snapshotGen, 0) : logs.get(logs.size() - 1);
        for (long g : logs) {
            long intact = LogReader.read(logPath(g), this::replay);
            keepIfDamaged(logPath(g), intact, "a write cut short by a crash, a power loss or a full disk, or a failing disk",
                    "the writes after it were not replayed");
            LogReader.truncate(logPath(g), intact);
        }
        generation = last;
        log = new WriteAheadLog(logPath(generation), durability);
        if (!logs.isEmpty() && Files.size(logPath(generation)) > 0 || logs.size() > 1) {
            checkpointQueued.set(true);
            background.execute(this::checkpointQuietly);
        }
    }

    /**
     * What recovery found damaged and how it went on; empty after a clean stop or a crash that tore nothing. For the
     * sandbox's messages, so a damaged file is never dropped silently.
     */
    public List<String> recoveryNotes() {
        return List.copyOf(recoveryNotes);
    }

    /**
     * Recovery reads a file up to its first damaged record and goes on from there; the file as it was is copied
     * aside first, since the log is cut back and a snapshot is dropped at the next checkpoint.
     */
    private void keepIfDamaged(Path file, long intact, String cause, String consequence) throws IOException {
        long size = Files.size(file);
        if (intact >= size) {
            return;
        }
        Path copy = DamagedFile.besideFor(file);
        String kept;
        try {
            Files.copy(file, copy);
            kept = "The file as it was is kept as " + copy.getFileName() + ".";
        } catch (IOException e) {
            // a full disk leaves torn records, and no room for a copy: starting matters more than the torn bytes
            kept = "The file as it was could not be kept (" + e.getMessage() + ").";
        }
        recoveryNotes.add(String.format(Locale.ROOT, "DynamoDB data: %s is damaged from byte %,d of %,d (%s). "
                + "What came before the damage was recovered; %s. %s", file.getFileName(), intact, size, cause,
                consequence, kept));
    }

    private void replay(byte[] record) {
        try {
            apply(RecordCodec.decode(record), null, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a snapshot and drops the logs it makes redundant. */
    public void checkpoint() throws IOException {
        long gen;
        lock.writeLock().lock();
        try {
            if (closed || log == null) {
                return;
            }
            gen = generation + 1;
            log.switchTo(logPath(gen));
            generation = gen;
        } finally {
            lock.writeLock().unlock();
        }
        Path tmp = dir.resolve("snapshot-" + gen + SNAPSHOT_PART);
        try {
            writeSnapshot(tmp);
            // the copy may hold changes whose log records are not forced yet: force them before the copy counts
            log.forceAll();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp); // a part-written copy on a full disk would keep the space it took
            throw e;
        }
        Files.move(tmp, snapshotPath(gen), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
        for (long g : generations(LOG_NAME)) {
            if (g < gen) {
                Files.deleteIfExists(logPath(g));
            }
        }
        for (long g : generations(SNAPSHOT_NAME)) {
            if (g < gen) {
                Files.deleteIfExists(snapshotPath(g));
            }
        }
    }

    private void writeSnapshot(Path tmp) throws IOException {
        try (OutputStream file = Files.newOutputStream(tmp);
             BufferedOutputStream out = new BufferedOutputStream(file, 1 << 16)) {
            for (TableData table : tables.values()) {
                Changes part = new Changes();
                part.createTable(table.schema());
                frame(out, RecordCodec.encode(part.mutations()));
                part = new Changes();
                long bytes = 0;
                for (StoredItem item : table.items().values()) {
                    part.put(table.schema().name(), item);
                    bytes += item.size();
                    if (part.mutations().size() == 512 || bytes > SNAPSHOT_RECORD_BYTES) {
                        frame(out, RecordCodec.encode(part.mutations()));
                        part = new Changes();
                        bytes = 0;
                    }
                }
                if (!part.isEmpty()) {
                    frame(out, RecordCodec.encode(part.mutations()));
                }
            }
            Changes remembered = new Changes();
            tokens.values().forEach(remembered::rememberToken);
            if (!remembered.isEmpty()) {
                frame(out, RecordCodec.encode(remembered.mutations()));
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the next start, which removes unfinished snapshots
        }
    }

    private void checkpointQuietly() {
        checkpointQueued.set(false);
        try {
            checkpoint();
        } catch (IOException | RuntimeException e) {
            System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING, "snapshot failed", e);
        }
    }

    private static void frame(OutputStream out, byte[] payload) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(payload);
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(payload.length);
        data.writeInt((int) crc.getValue());
        data.write(payload);
        data.flush();
    }

    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a directory; the rename is still atomic there
        }
    }

    private long newestSnapshot() throws IOException {
        List<Long> gens = generations(SNAPSHOT_NAME);
        return gens.isEmpty() ? -1 : gens.get(gens.size() - 1);
    }

    private List<Long> generations(Pattern pattern) throws IOException {
        List<Long> gens = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = pattern.matcher(f.getFileName().toString());
                if (m.matches()) {
                    gens.add(Long.parseLong(m.group(1)));
                }
            });
        }
        gens.sort(null);
        return gens;
    }

    private Path logPath(long gen) {
        return dir.resolve("wal-" + gen + ".log");
    }

    private Path snapshotPath(long gen) {
        return dir.resolve("snapshot-" + gen + ".bin");
    }

    /** For tests and the status panel: the table sizes as a map. */
    public Map<String, Long> itemCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        tables.forEach((name, t) -> counts.put(name, t.itemCount()));
        return counts;
    }

    /** Flushes the log and stops; a snapshot is not required, the log is replayed on the next start. */
    @Override
    public void close() {
        background.shutdown();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                if (log != null) {
                    log.close();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
