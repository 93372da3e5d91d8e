package dev.dynagate.sandbox.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.sandbox.EventRound;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.schema.Throughput;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WriteAheadLogTest {
    @TempDir
    Path dir;

    @Test
    void tornTailIsDiscardedAndLogContinuesAfterLastGoodRecord() throws IOException {
        Path file = dir.resolve("wal-0.log");
        try (WriteAheadLog log = new WriteAheadLog(file)) {
            for (int i = 0; i < 3; i++) {
                log.awaitDurable(log.append(("record-" + i).getBytes(StandardCharsets.UTF_8)));
            }
        }
        long full = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(full - 3);
        }
        List<String> read = new ArrayList<>();
        long intact = LogReader.read(file, r -> read.add(new String(r, StandardCharsets.UTF_8)));
        assertThat(read).containsExactly("record-0", "record-1");
        LogReader.truncate(file, intact);
        try (WriteAheadLog log = new WriteAheadLog(file)) {
            log.awaitDurable(log.append("record-3".getBytes(StandardCharsets.UTF_8)));
        }
        read.clear();
        LogReader.read(file, r -> read.add(new String(r, StandardCharsets.UTF_8)));
        assertThat(read).containsExactly("record-0", "record-1", "record-3");
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void whenDurableCompletesOnlyOnceItsRecordIsInTheFile(Durability durability) throws Exception {
        Path file = dir.resolve("wal-0.log");
        WriteAheadLog log = new WriteAheadLog(file, durability);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long position = log.append(("async-" + i).getBytes(StandardCharsets.UTF_8));
            positions.add(position);
            int n = i;
            futures.add(log.whenDurable(position).thenRun(() -> {
                // by the time a future completes, its record must be readable from the file
                List<String> onDisk = new ArrayList<>();
                try {
                    LogReader.read(file, r -> onDisk.add(new String(r, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                assertThat(onDisk).contains("async-" + n);
            }));
        }
        CompletableFuture.allOf(futures.toArray(new CompletableFuture[0]))
                .get(30, TimeUnit.SECONDS);
        assertThat(log.whenDurable(positions.get(0))).as("already durable").isDone();
        log.close();
        assertThat(log.whenDurable(log.appended() + 1)).isCompletedExceptionally();
    }

    @Test
    void diskDurabilityForcesBeforeAWriterGoesOn() throws IOException {
        try (WriteAheadLog log = new WriteAheadLog(dir.resolve("wal-0.log"), Durability.DISK)) {
            long position = log.append("forced".getBytes(StandardCharsets.UTF_8));
            log.awaitDurable(position);
            assertThat(log.forced()).isGreaterThanOrEqualTo(position);
        }
    }

    @Test
    void processDurabilityWritesBeforeAWriterGoesOnAndLeavesTheForceToTheSyncer() throws IOException {
        Path file = dir.resolve("wal-0.log");
        WriteAheadLog log = new WriteAheadLog(file, Durability.PROCESS, Duration.ofHours(1));
        long position = log.append("written".getBytes(StandardCharsets.UTF_8));
        log.awaitDurable(position);
        assertThat(log.whenDurable(position)).isCompleted();
        List<String> read = new ArrayList<>();
        LogReader.read(file, r -> read.add(new String(r, StandardCharsets.UTF_8)));
        assertThat(read).as("in the file, for any other process to read").containsExactly("written");
        assertThat(log.forced()).as("not forced: the syncer's interval has not passed").isLessThan(position);
        log.close();
        assertThat(log.forced()).as("closing forces").isGreaterThanOrEqualTo(position);
    }

    /** On an I/O loop's thread the writes of a round reach the file together, once the round's requests are run. */
    @Test
    void processDurabilityOnAThreadWithRoundsWritesAtTheEndOfTheRound() throws Exception {
        Path file = dir.resolve("wal-0.log");
        WriteAheadLog log = new WriteAheadLog(file, Durability.PROCESS, Duration.ofHours(1));
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            List<String> inFileBeforeTheEnd = loop.submit(() -> {
                EventRound round = EventRound.begin();
                List<CompletableFuture<Void>> futures = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    futures.add(log.whenDurable(log.append(("round-" + i).getBytes(StandardCharsets.UTF_8))));
                }
                assertThat(futures).noneMatch(CompletableFuture::isDone);
                List<String> read = new ArrayList<>();
                LogReader.read(file, r -> read.add(new String(r, StandardCharsets.UTF_8)));
                assertThat(round.finish()).isTrue();
                assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
                round.end();
                return read;
            }).get(30, TimeUnit.SECONDS);
            assertThat(inFileBeforeTheEnd).isEmpty();
            List<String> read = new ArrayList<>();
            LogReader.read(file, r -> read.add(new String(r, StandardCharsets.UTF_8)));
            assertThat(read).containsExactly("round-0", "round-1", "round-2");
            assertThat(loop.submit(() -> log.whenDurable(log.append("after".getBytes(StandardCharsets.UTF_8))))
                    .get(30, TimeUnit.SECONDS)).as("a thread whose rounds ended writes at once").isDone();
        } finally {
            loop.shutdown();
            log.close();
        }
    }

    @Test
    void processDurabilitySyncerForcesWhatWasWritten() throws Exception {
        try (WriteAheadLog log = new WriteAheadLog(dir.resolve("wal-0.log"), Durability.PROCESS,
                Duration.ofMillis(20))) {
            long position = log.append("later".getBytes(StandardCharsets.UTF_8));
            log.awaitDurable(position);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (log.forced() < position && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(log.forced()).isGreaterThanOrEqualTo(position);
        }
    }

    @Test
    void rotationDoesNotWaitForTheDiskAndTheNextForceCoversTheOldFile() throws IOException {
        WriteAheadLog log = new WriteAheadLog(dir.resolve("wal-0.log"), Durability.PROCESS, Duration.ofHours(1));
        long before;
        long after;
        try (log) {
            before = log.append("before rotation".getBytes(StandardCharsets.UTF_8));
            log.switchTo(dir.resolve("wal-1.log"));
            assertThat(log.forced()).as("a rotation writes the old file but leaves its force to the next one")
                    .isLessThan(before);
            List<String> old = new ArrayList<>();
            LogReader.read(dir.resolve("wal-0.log"), r -> old.add(new String(r, StandardCharsets.UTF_8)));
            assertThat(old).containsExactly("before rotation");

            after = log.append("after rotation".getBytes(StandardCharsets.UTF_8));
            log.forceAll();
            assertThat(log.forced()).isGreaterThanOrEqualTo(after);
        }
        List<String> read = new ArrayList<>();
        LogReader.read(dir.resolve("wal-1.log"), r -> read.add(new String(r, StandardCharsets.UTF_8)));
        assertThat(read).containsExactly("after rotation");
    }

    /**
     * An interrupt closes a file for every thread using it, so a rotated-away file found closed was not necessarily
     * forced: the log must fail rather than count its records as on disk.
     */
    @Test
    void aRotatedFileClosedByAnInterruptedForceFailsTheLog() throws IOException {
        WriteAheadLog log = new WriteAheadLog(dir.resolve("wal-0.log"), Durability.PROCESS, Duration.ofHours(1));
        long before = log.append("before rotation".getBytes(StandardCharsets.UTF_8));
        log.switchTo(dir.resolve("wal-1.log"));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(log::forceAll).isInstanceOf(java.io.UncheckedIOException.class);
        } finally {
            Thread.interrupted();
        }
        assertThatThrownBy(log::forceAll).as("a second force finds the file closed and fails too")
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(log.forced()).isLessThan(before);
        assertThatThrownBy(log::close).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void diskDurabilityCountsARecordAfterARotationForcedWithTheOneBeforeIt() throws IOException {
        try (WriteAheadLog log = new WriteAheadLog(dir.resolve("wal-0.log"), Durability.DISK)) {
            long before = log.append("before rotation".getBytes(StandardCharsets.UTF_8));
            log.switchTo(dir.resolve("wal-1.log"));
            long after = log.append("after rotation".getBytes(StandardCharsets.UTF_8));
            log.awaitDurable(after);
            assertThat(log.forced()).isGreaterThanOrEqualTo(after).isGreaterThan(before);
            log.switchTo(dir.resolve("wal-2.log"));
            log.whenDurable(log.append("third file".getBytes(StandardCharsets.UTF_8))).join();
        }
        for (int g = 0; g < 3; g++) {
            List<String> read = new ArrayList<>();
            LogReader.read(dir.resolve("wal-" + g + ".log"), r -> read.add(new String(r, StandardCharsets.UTF_8)));
            assertThat(read).hasSize(1);
        }
    }

    /**
     * Rotations while writers wait for their records, as snapshots do under load: no writer may find the file closed
     * under its own write or force, and every record is in exactly one file. Writers go on until enough rotations
     * happened, so the overlap does not depend on how the threads are scheduled.
     */
    @ParameterizedTest
    @EnumSource(Durability.class)
    void rotationsUnderConcurrentWritersFailNoWriteAndLoseNoRecord(Durability durability) throws Exception {
        ReentrantLock appends = new ReentrantLock();
        WriteAheadLog log = new WriteAheadLog(dir.resolve("wal-0.log"), durability, Duration.ofMillis(1));
        int writers = 4;
        int atLeastPerWriter = 200;
        int atLeastRotations = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicInteger rotated = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < atLeastPerWriter || rotated.get() < atLeastRotations; i++) {
                    long position;
                    appends.lock(); // the database appends under its write lock, then waits outside it
                    try {
                        position = log.append(("w" + writer + "-" + i).getBytes(StandardCharsets.UTF_8));
                    } finally {
                        appends.unlock();
                    }
                    log.awaitDurable(position);
                    written.incrementAndGet();
                }
                return null;
            }));
        }
        Future<?> rotations = pool.submit(() -> {
            while (writing.get()) {
                appends.lock(); // a rotation runs with appends stopped, as a snapshot does
                try {
                    log.switchTo(dir.resolve("wal-" + (rotated.get() + 1) + ".log"));
                    rotated.incrementAndGet();
                } finally {
                    appends.unlock();
                }
                LockSupport.parkNanos(200_000); // lets writers in between rotations
            }
            return null;
        });
        for (Future<?> writer : done) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        rotations.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        log.close();
        List<String> read = new ArrayList<>();
        for (int f = 0; f <= rotated.get(); f++) {
            LogReader.read(dir.resolve("wal-" + f + ".log"), r -> read.add(new String(r, StandardCharsets.UTF_8)));
        }
        assertThat(rotated.get()).isGreaterThanOrEqualTo(atLeastRotations);
        assertThat(written.get()).isGreaterThanOrEqualTo(writers * atLeastPerWriter);
        assertThat(read).hasSize(written.get()).doesNotHaveDuplicates();
    }

    @Test
    void writesInADeferringScopeReturnAtOnceAndTheFutureCoversThemAll() throws Exception {
        try (Database db = Database.open(dir, Durability.DISK)) {
            db.write(c -> {
                c.createTable(schema("Later"));
                return null;
            });
            Database.Deferred<String> outer = db.deferringDurability(() -> {
                db.write(c -> {
                    c.put("Later", StoredItem.of(item("x", 1)));
                    return null;
                });
                Database.Deferred<String> inner = db.deferringDurability(() -> db.write(c -> {
                    c.put("Later", StoredItem.of(item("y", 2)));
                    return "inner";
                }));
                return inner.value() + "+outer";
            });
            assertThat(outer.value()).isEqualTo("inner+outer");
            assertThat(db.table("Later").itemCount()).as("visible before durable").isEqualTo(2);
            outer.durable().get(30, TimeUnit.SECONDS);
            List<String> keys = new ArrayList<>();
            LogReader.read(newestLog(), r -> keys.add(new String(r, StandardCharsets.ISO_8859_1)));
            assertThat(String.join("|", keys)).contains("y");
            assertThat(db.deferringDurability(() -> "no writes").durable()).isDone();
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.table("Later").itemCount()).isEqualTo(2);
        }
    }

    @Test
    void anAnswerThatRepeatsCommittedWritesWaitsUntilTheyAreDurable() throws Exception {
        try (Database db = Database.open(dir, Durability.DISK)) {
            db.write(c -> {
                c.createTable(schema("Replay"));
                return null;
            });
            for (int i = 0; i < 20; i++) {
                int n = i;
                db.deferringDurability(() -> db.write(c -> {
                    c.put("Replay", StoredItem.of(item("first-" + n, n)));
                    return null;
                }));
                // a replay changes nothing, yet returns only once what it repeats is on disk
                db.write(c -> {
                    c.dependOnCommitted();
                    return null;
                });
                List<String> records = new ArrayList<>();
                LogReader.read(newestLog(), r -> records.add(new String(r, StandardCharsets.ISO_8859_1)));
                assertThat(String.join("|", records)).contains("first-" + n);
            }
        }
    }

    @Test
    void corruptRecordEndsTheLog() throws IOException {
        Path file = dir.resolve("wal-0.log");
        try (WriteAheadLog log = new WriteAheadLog(file)) {
            log.awaitDurable(log.append("good".getBytes(StandardCharsets.UTF_8)));
            log.awaitDurable(log.append("flipped".getBytes(StandardCharsets.UTF_8)));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        List<String> read = new ArrayList<>();
        LogReader.read(file, r -> read.add(new String(r, StandardCharsets.UTF_8)));
        assertThat(read).containsExactly("good");
    }

    private static TableSchema schema(String name) {
        return new TableSchema(name, "id", new KeyAttr("pk", "S"), null, List.of(new KeyAttr("pk", "S")), List.of(),
                "PAY_PER_REQUEST", Throughput.NONE, null, Map.of(), null, false, null, 0, null, 0, null);
    }

    private static Map<String, AttrValue> item(String pk, int v) {
        return Map.of("pk", new AttrValue.S(pk), "v", new AttrValue.N(BigDecimal.valueOf(v)));
    }

    @Test
    void databaseRecoversWholeTransactionsOnlyAfterMidRecordCut() throws IOException {
        try (Database db = Database.open(dir)) {
            db.write(c -> {
                c.createTable(schema("Tbl"));
                return null;
            });
            for (int i = 0; i < 10; i++) {
                int n = i;
                db.write(c -> {
                    // a two-item transaction: both items or neither
                    c.put("Tbl", StoredItem.of(item("a" + n, n)));
                    c.put("Tbl", StoredItem.of(item("b" + n, n)));
                    return null;
                });
            }
        }
        Path log = newestLog();
        long size = Files.size(log);
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.truncate(size - 10);
        }
        try (Database db = Database.open(dir)) {
            TableData table = db.table("Tbl");
            assertThat(table.itemCount() % 2).isZero();
            assertThat(table.itemCount()).isEqualTo(18);
            assertThat(table.get(Map.of("pk", new AttrValue.S("a9")))).isNull();
            assertThat(table.get(Map.of("pk", new AttrValue.S("b8"))).item().get("v")).isEqualTo(new AttrValue.N(BigDecimal.valueOf(8)));
            db.write(c -> {
                c.put("Tbl", StoredItem.of(item("c", 1)));
                return null;
            });
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.table("Tbl").itemCount()).isEqualTo(19);
        }
    }

    @Test
    void aDamagedLogIsReplayedUpToTheDamageAndKeptAsItWas() throws IOException {
        try (Database db = Database.open(dir)) {
            db.write(c -> {
                c.createTable(schema("Tbl"));
                return null;
            });
            for (int i = 0; i < 100; i++) {
                int n = i;
                db.write(c -> {
                    c.put("Tbl", StoredItem.of(item("k" + n, n)));
                    return null;
                });
            }
        }
        Path log = newestLog();
        byte[] original = Files.readAllBytes(log);
        byte[] damaged = original.clone();
        damaged[original.length * 3 / 4] ^= 0x55; // a flipped byte mid-file, as a failing disk leaves it
        Files.write(log, damaged);

        try (Database db = Database.open(dir)) {
            assertThat(db.table("Tbl").itemCount()).isBetween(1L, 99L);
            assertThat(db.recoveryNotes()).singleElement().asString()
                    .startsWith("DynamoDB data: " + log.getFileName() + " is damaged from byte ")
                    .contains("of " + String.format(java.util.Locale.ROOT, "%,d", original.length))
                    .contains("What came before the damage was recovered; the writes after it were not replayed. "
                            + "The file as it was is kept as " + log.getFileName() + ".damaged-");
            Path kept = damagedCopies().get(0);
            assertThat(Files.readAllBytes(kept)).isEqualTo(damaged);
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.recoveryNotes()).isEmpty(); // the log was cut back to its intact part
        }
    }

    @Test
    void aDamagedSnapshotIsKeptAfterTheCheckpointThatReplacesIt() throws IOException {
        try (Database db = Database.open(dir)) {
            db.write(c -> {
                c.createTable(schema("Snap"));
                return null;
            });
            for (int i = 0; i < 2000; i++) {
                int n = i;
                db.write(c -> {
                    c.put("Snap", StoredItem.of(item("k" + n, n)));
                    return null;
                });
            }
            db.checkpoint();
        }
        Path snapshot;
        try (Stream<Path> files = Files.list(dir)) {
            snapshot = files.filter(p -> p.getFileName().toString().matches("snapshot-\\d+\\.bin")).findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length - 100] ^= 0x55;
        Files.write(snapshot, bytes);

        try (Database db = Database.open(dir)) {
            assertThat(db.table("Snap").itemCount()).isLessThan(2000L);
            assertThat(db.recoveryNotes()).singleElement().asString().contains(snapshot.getFileName()
                    + " is damaged").contains("the items after it are missing from the tables");
            db.checkpoint();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(snapshot.getFileName().toString());
        }
        assertThat(damagedCopies()).singleElement().satisfies(kept -> assertThat(Files.readAllBytes(kept))
                .isEqualTo(bytes));
    }

    private List<Path> damagedCopies() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".damaged-")).toList();
        }
    }

    @Test
    void checkpointWritesSnapshotAndDropsOldLogs() throws IOException {
        try (Database db = Database.open(dir)) {
            db.write(c -> {
                c.createTable(schema("Snap"));
                return null;
            });
            for (int i = 0; i < 100; i++) {
                int n = i;
                db.write(c -> {
                    c.put("Snap", StoredItem.of(item("k" + n, n)));
                    return null;
                });
            }
            db.checkpoint();
            db.write(c -> {
                c.delete("Snap", Map.of("pk", new AttrValue.S("k0")));
                return null;
            });
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snapshot-")).count()).isEqualTo(1);
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.table("Snap").itemCount()).isEqualTo(99);
        }
    }

    private Path newestLog() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("wal-"))
                    .filter(p -> {
                        try {
                            return Files.size(p) > 0;
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .max((a, b) -> Long.compare(gen(a), gen(b))).orElseThrow();
        }
    }

    private static long gen(Path p) {
        String n = p.getFileName().toString();
        return Long.parseLong(n.substring(4, n.length() - 4));
    }
}
