package dev.dynagate.partitions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Partition aggregation throughput against a plain full Scan of the same sandbox table through the same SDK client.
 * Run by bench/partitions.sh: {@code PartitionsBench ITEMS DATA_DIR [ROUNDS]}. The table is loaded once and kept in
 * DATA_DIR, so later runs measure without reloading.
 */
public final class PartitionsBench {
    private static final String TABLE = "BenchSamples";
    private static final int KEYS = 5000;
    private static final int SEGMENTS = 4;

    private PartitionsBench() {
    }

    public static void main(String[] args) throws Exception {
        long items = Long.parseLong(args[0]);
        Path dir = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Files.createDirectories(dir);
        long started = System.nanoTime();
        try (SandboxTables sandbox = new SandboxTables(dir, false)) {
            System.err.printf(Locale.ROOT, "sandbox up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            long present = existing(sandbox);
            if (present != items) {
                if (present >= 0) {
                    sandbox.dynamo.deleteTable(b -> b.tableName(TABLE));
                }
                sandbox.create(TABLE, ScalarAttributeType.S, false, false);
                load(sandbox, items);
            }
            TableLayout layout = sandbox.scanner().describe(TABLE);
            System.out.printf(Locale.ROOT, "table %s: %,d items, %,d bytes (DescribeTable); %d cores%n", TABLE,
                    layout.itemCountEstimate(), layout.sizeBytesEstimate(), Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= rounds; round++) {
                report(round, "plain full Scan (1 segment, whole items)", plainScan(sandbox));
                report(round, "plain full Scan (" + SEGMENTS + " segments, whole items)",
                        aggregate(sandbox, layout, true, false));
                report(round, "partitions, keys only (" + SEGMENTS + " segments)", aggregate(sandbox, layout, false, true));
                report(round, "partitions, with sizes (" + SEGMENTS + " segments)", aggregate(sandbox, layout, true, true));
            }
        }
    }

    private record Result(long items, double seconds, int partitions) {
    }

    private static void report(int round, String what, Result r) {
        System.out.printf(Locale.ROOT, "round %d  %-44s %,10d items %7.1f s %,10.0f items/s%s%n", round, what,
                r.items(), r.seconds(), r.items() / r.seconds(),
                r.partitions() > 0 ? String.format(Locale.ROOT, "  (%,d partitions)", r.partitions()) : "");
    }

    private static long existing(SandboxTables sandbox) {
        try {
            return sandbox.scanner().describe(TABLE).itemCountEstimate();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** What a flat grid does: one Scan, page after page, whole items. */
    private static Result plainScan(SandboxTables sandbox) {
        long start = System.nanoTime();
        long count = 0;
        for (var page : sandbox.dynamo.scanPaginator(ScanRequest.builder().tableName(TABLE).build())) {
            count += page.items().size();
        }
        return new Result(count, (System.nanoTime() - start) / 1e9, 0);
    }

    private static Result aggregate(SandboxTables sandbox, TableLayout layout, boolean fullItems, boolean aggregate) {
        ExecutorService threads = Executors.newFixedThreadPool(SEGMENTS);
        try {
            PartitionAggregator aggregator = new PartitionAggregator(layout.table());
            AtomicLong seen = new AtomicLong();
            long start = System.nanoTime();
            ParallelScan.Outcome outcome = new ParallelScan(sandbox.scanner(), threads, Clock.systemUTC()).run(
                    layout.table(), fullItems, SEGMENTS, Budget.unlimited(),
                    aggregate ? aggregator::add : page -> seen.addAndGet(page.size()), p -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            if (aggregate) {
                PartitionReport.of(aggregator, layout, fullItems, false, outcome.stop(), outcome.progress(),
                        Hints.standard());
            }
            return new Result(outcome.progress().items(), seconds, aggregate ? aggregator.partitions() : 0);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Skewed like real experiments: key k gets weight 1/(k+1), so a few keys hold most items. */
    private static void load(SandboxTables sandbox, long items) throws Exception {
        double[] cumulative = new double[KEYS];
        double sum = 0;
        for (int k = 0; k < KEYS; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        long start = System.nanoTime();
        int writers = 4;
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            double total = sum;
            futures.add(pool.submit(() -> {
                Random random = new Random(writer);
                List<WriteRequest> batch = new ArrayList<>();
                for (long i = writer; i < items; i += writers) {
                    double pick = random.nextDouble() * total;
                    int key = search(cumulative, pick);
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(key, i, random))
                            .build()).build());
                    if (batch.size() == 25) {
                        write(sandbox, batch);
                        batch = new ArrayList<>();
                        long done = written.addAndGet(25);
                        if (done % 100_000 < 25) {
                            System.err.printf(Locale.ROOT, "loaded %,d items (%.0f items/s)%n", done,
                                    done / ((System.nanoTime() - start) / 1e9));
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    write(sandbox, batch);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "loaded %,d items in %.0f s%n", items, (System.nanoTime() - start) / 1e9);
    }

    private static int search(double[] cumulative, double pick) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < pick) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Map<String, AttributeValue> item(int key, long i, Random random) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(String.format(Locale.ROOT, "EXP-%05d", key)));
        item.put("sk", AttributeValue.fromS(String.format(Locale.ROOT, "SAMPLE#%09d", i)));
        item.put("subjectId", AttributeValue.fromS("SUBJ-" + random.nextInt(10_000)));
        item.put("recordedAt", AttributeValue.fromS("2024-05-01T10:" + random.nextInt(60) + ":00Z"));
        item.put("temperature", AttributeValue.fromN(String.format(Locale.ROOT, "%.1f", 36 + random.nextDouble() * 3)));
        item.put("heartRate", AttributeValue.fromN(Integer.toString(50 + random.nextInt(70))));
        item.put("notes", AttributeValue.fromS("baseline draw, fasting, site coordinator checked labels"));
        return item;
    }

    private static void write(SandboxTables sandbox, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = sandbox.dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }
}
