import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.schema.Throughput;
import dev.dynagate.sandbox.dynamodb.storage.Database;
import dev.dynagate.sandbox.dynamodb.storage.IndexKey;
import dev.dynagate.sandbox.dynamodb.storage.PartitionToken;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.storage.ValueCodec;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The engine's storage (tables in memory, a write-ahead log forced before each acknowledgement, snapshots) against
 * H2's MVStore, the pure-Java store the sandbox could have used instead, on the engine's own access pattern: durable
 * single-item writes from concurrent writers, point reads, reading one partition in key order, and reopening the
 * data. Both hold the same items as the same encoded bytes and hand back decoded items. One store per JVM, so the
 * heap figure is that store's alone: {@code java -cp ... StorageBench ours|mvstore DIR [ITEMS]}.
 */
public final class StorageBench {
    static final String TABLE = "bench";
    static final int WRITERS = 16;
    static final int PARTITIONS = 1_000;
    static final String PAYLOAD = "x".repeat(64);

    /** One store under test: the same calls for both. */
    interface Store extends AutoCloseable {
        void putDurably(String pk, String sk, Map<String, AttrValue> item) throws Exception;

        Map<String, AttrValue> get(String pk, String sk);

        /** Every item of one partition, decoded, in sort-key order; answers how many. */
        int readPartition(String pk);

        @Override
        void close() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path dir = Path.of(args[1]);
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        Files.createDirectories(dir);

        long loadStart = System.nanoTime();
        try (Store store = open(kind, dir)) {
            load(store, items);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            print(kind, "durable puts, " + WRITERS + " writers", items / loadSeconds, "items/s");
            print(kind, "heap after load", usedHeapMb(), "MB");
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                print(kind, "point reads, 2 threads" + (round == 0 ? " (warm-up)" : ""), pointReads(store, items), "reads/s");
                print(kind, "one partition in key order" + (round == 0 ? " (warm-up)" : ""), partitionReads(store), "partitions/s");
            }
        }
        print(kind, "disk after close", directoryMb(dir), "MB");
        long openStart = System.nanoTime();
        try (Store store = open(kind, dir)) {
            Map<String, AttrValue> first = store.get("p1", sortKey(1));
            if (first == null) {
                throw new IllegalStateException("item p1/" + sortKey(1) + " missing after reopening");
            }
            print(kind, "reopen until the first read", (System.nanoTime() - openStart) / 1e6, "ms");
        }
    }

    static Store open(String kind, Path dir) throws IOException {
        return switch (kind) {
            case "ours" -> new Ours(dir);
            case "mvstore" -> new MvStore(dir);
            default -> throw new IllegalArgumentException("ours or mvstore, not " + kind);
        };
    }

    static String sortKey(int i) {
        return String.format("%010d", i);
    }

    static Map<String, AttrValue> item(String pk, String sk, int i) {
        Map<String, AttrValue> item = new LinkedHashMap<>();
        item.put("pk", new AttrValue.S(pk));
        item.put("sk", new AttrValue.S(sk));
        item.put("n", new AttrValue.N(BigDecimal.valueOf(i)));
        item.put("payload", new AttrValue.S(PAYLOAD));
        return item;
    }

    static void load(Store store, int items) throws Exception {
        AtomicLong next = new AtomicLong();
        Thread[] writers = new Thread[WRITERS];
        Exception[] failure = new Exception[1];
        for (int w = 0; w < WRITERS; w++) {
            writers[w] = new Thread(() -> {
                try {
                    for (int i = (int) next.getAndIncrement(); i < items; i = (int) next.getAndIncrement()) {
                        String pk = "p" + (i % PARTITIONS);
                        String sk = sortKey(i);
                        store.putDurably(pk, sk, item(pk, sk, i));
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            writers[w].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    static double pointReads(Store store, int items) throws InterruptedException {
        int perThread = 200_000;
        Thread[] readers = new Thread[2];
        long start = System.nanoTime();
        for (int t = 0; t < readers.length; t++) {
            readers[t] = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int n = 0; n < perThread; n++) {
                    int i = random.nextInt(items);
                    if (store.get("p" + (i % PARTITIONS), sortKey(i)) == null) {
                        throw new IllegalStateException("item " + i + " missing");
                    }
                }
            });
            readers[t].start();
        }
        for (Thread reader : readers) {
            reader.join();
        }
        return readers.length * perThread / ((System.nanoTime() - start) / 1e9);
    }

    static double partitionReads(Store store) {
        int reads = 2_000;
        long start = System.nanoTime();
        long seen = 0;
        for (int n = 0; n < reads; n++) {
            seen += store.readPartition("p" + (n % PARTITIONS));
        }
        if (seen == 0) {
            throw new IllegalStateException("no items read");
        }
        return reads / ((System.nanoTime() - start) / 1e9);
    }

    static double usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1e6;
    }

    static double directoryMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
        }
    }

    static void print(String kind, String what, double value, String unit) {
        System.out.printf("RESULT %s | %s | %.1f %s%n", kind, what, value, unit);
    }

    /** The sandbox's own storage, used as the engine uses it. */
    static final class Ours implements Store {
        private final Database db;

        Ours(Path dir) throws IOException {
            db = Database.open(dir);
            if (db.table(TABLE) == null) {
                KeyAttr pk = new KeyAttr("pk", "S");
                KeyAttr sk = new KeyAttr("sk", "S");
                TableSchema schema = new TableSchema(TABLE, "bench", pk, sk, List.of(pk, sk), List.of(),
                        "PAY_PER_REQUEST", Throughput.NONE, null, Map.of(), null, false, null, 0, null, 0);
                db.write(changes -> {
                    changes.createTable(schema);
                    return null;
                });
            }
        }

        @Override
        public void putDurably(String pk, String sk, Map<String, AttrValue> item) {
            StoredItem stored = StoredItem.of(item);
            db.write(changes -> { // returns once the log record is forced, shared with concurrent writers
                changes.put(TABLE, stored);
                return null;
            });
        }

        @Override
        public Map<String, AttrValue> get(String pk, String sk) {
            StoredItem stored = db.read(() -> db.table(TABLE).get(Map.of("pk", new AttrValue.S(pk), "sk",
                    new AttrValue.S(sk))));
            return stored == null ? null : stored.item();
        }

        @Override
        public int readPartition(String pk) {
            TableData table = db.table(TABLE);
            AttrValue h = new AttrValue.S(pk);
            long token = PartitionToken.of(h);
            return db.read(() -> { // the range a Query on the partition key reads
                int n = 0;
                for (StoredItem stored : table.items().subMap(new IndexKey(token, h, IndexKey.LOW), true,
                        new IndexKey(token, h, IndexKey.HIGH), true).values()) {
                    stored.item();
                    n++;
                }
                return n;
            });
        }

        @Override
        public void close() {
            db.close();
        }
    }

    /**
     * MVStore with the same durability: a write returns once a commit that holds it is synced to disk. Concurrent
     * writers share commits the way the engine's log shares a force, so neither side pays one sync per write.
     */
    static final class MvStore implements Store {
        private final MVStore store;
        private final MVMap<String, byte[]> map;
        private final Object gate = new Object();
        private final AtomicLong written = new AtomicLong();
        private long durable;

        MvStore(Path dir) {
            store = new MVStore.Builder().fileName(dir.resolve("items.mv").toString()).autoCommitDisabled().open();
            map = store.openMap(TABLE);
        }

        private static String key(String pk, String sk) {
            return pk + '\u0000' + sk;
        }

        @Override
        public void putDurably(String pk, String sk, Map<String, AttrValue> item) {
            map.put(key(pk, sk), ValueCodec.encodeItem(item));
            long mine = written.incrementAndGet();
            synchronized (gate) { // writers queue here while a commit runs; the next commit covers all of them
                if (durable < mine) {
                    long target = written.get();
                    store.commit();
                    store.sync();
                    durable = target;
                }
            }
        }

        @Override
        public Map<String, AttrValue> get(String pk, String sk) {
            byte[] encoded = map.get(key(pk, sk));
            return encoded == null ? null : ValueCodec.decodeItem(encoded);
        }

        @Override
        public int readPartition(String pk) {
            int n = 0;
            Cursor<String, byte[]> cursor = map.cursor(key(pk, ""), key(pk, "\uffff"), false);
            while (cursor.hasNext()) {
                cursor.next();
                ValueCodec.decodeItem(cursor.getValue());
                n++;
            }
            return n;
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
