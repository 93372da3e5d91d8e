package dev.dynagate.sandbox.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.schema.Throughput;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots taken while writers commit must, with the log, recover every commit whole. */
class FuzzySnapshotTest {
    @TempDir
    Path dir;

    private static TableSchema schema() {
        return new TableSchema("Pairs", "id", new KeyAttr("pk", "S"), null, List.of(new KeyAttr("pk", "S")), List.of(),
                "PAY_PER_REQUEST", Throughput.NONE, null, Map.of(), null, false, null, 0, null, 0, null);
    }

    private static StoredItem item(String pk, long version) {
        return StoredItem.of(Map.of("pk", new AttrValue.S(pk), "version", new AttrValue.N(BigDecimal.valueOf(version))));
    }

    @Test
    void commitsDuringSnapshotsRecoverWhole() throws Exception {
        ConcurrentLinkedQueue<long[]> acknowledged = new ConcurrentLinkedQueue<>();
        try (Database db = Database.open(dir)) {
            db.write(c -> {
                c.createTable(schema());
                return null;
            });
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(5);
            for (int t = 0; t < 4; t++) {
                int writer = t;
                pool.submit(() -> {
                    for (long v = 1; !stop.get(); v++) {
                        long version = v;
                        db.write(c -> {
                            // each commit rewrites a pair of items with one version: they must always agree
                            c.put("Pairs", item("a" + writer, version));
                            c.put("Pairs", item("b" + writer, version));
                            return null;
                        });
                        acknowledged.add(new long[] {writer, version});
                    }
                    return null;
                });
            }
            Future<?> snapshots = pool.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    db.checkpoint();
                }
                return null;
            });
            snapshots.get();
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Database db = Database.open(dir)) {
            TableData pairs = db.table("Pairs");
            for (int writer = 0; writer < 4; writer++) {
                AttrValue a = pairs.get(Map.of("pk", new AttrValue.S("a" + writer))).item().get("version");
                AttrValue b = pairs.get(Map.of("pk", new AttrValue.S("b" + writer))).item().get("version");
                assertThat(a).isEqualTo(b);
                int w = writer;
                long last = acknowledged.stream().filter(x -> x[0] == w).mapToLong(x -> x[1]).max().orElse(0);
                assertThat(((AttrValue.N) a).value().longValue()).isGreaterThanOrEqualTo(last);
            }
        }
    }

    @Test
    void dropAndRecreateDuringSnapshotKeepsOnlyTheNewTable() throws IOException {
        try (Database db = Database.open(dir)) {
            db.write(c -> {
                c.createTable(schema());
                c.put("Pairs", item("old", 1));
                return null;
            });
            db.checkpoint();
            db.write(c -> {
                c.dropTable("Pairs");
                c.createTable(schema());
                c.put("Pairs", item("new", 1));
                return null;
            });
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.table("Pairs").itemCount()).isEqualTo(1);
            assertThat(db.table("Pairs").get(Map.of("pk", new AttrValue.S("new")))).isNotNull();
        }
    }
}
