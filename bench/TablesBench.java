import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.tables.FilterOp;
import dev.dynagate.tables.FilterRow;
import dev.dynagate.tables.ItemExplorerPresenter;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.PageStats;
import dev.dynagate.tables.TableDescription;
import dev.dynagate.tables.ValueType;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The item explorer's figures on a big sandbox table: time from Run to the first page in the presenter (Scan and
 * Query), and the heap held after paging through many rows — all rows kept, and a 1% filter that keeps few.
 *
 *   java -cp target/dynagate.jar bench/TablesBench.java --endpoint URL [--items 1000000] [--rows 100000]
 */
public class TablesBench {
    static final String TABLE = "BenchItems";
    static final int PARTITIONS = 1000;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI endpoint = URI.create(options.get("endpoint"));
        int items = Integer.parseInt(options.getOrDefault("items", "1000000"));
        int rows = Integer.parseInt(options.getOrDefault("rows", "100000"));
        Connection connection = Connection.endpoint("bench", endpoint, "us-east-1");
        try (AwsClientFactory factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), Path.of("/nonexistent")),
                () -> null, new SessionSecrets())) {
            AwsServices services = new AwsServices(factory);
            load(factory.dynamoDb(connection), items);
            TableDescription table = services.tableDescriber(connection).describe(TABLE);
            System.out.printf(Locale.ROOT, "table %s: %,d items (DescribeTable), %d partitions%n", TABLE, table.itemCount(), PARTITIONS);
            int perPartition = (int) Math.min(100, table.itemCount() / PARTITIONS);
            firstPage(table, services, connection, false, 100);
            firstPage(table, services, connection, true, perPartition);
            heldHeap(table, services, connection, rows, false);
            heldHeap(table, services, connection, rows, true);
        }
    }

    static ItemExplorerPresenter explorer(TableDescription table, AwsServices services, Connection connection) {
        Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
        ItemStore store = services.items(connection);
        return new ItemExplorerPresenter(table, () -> store, e -> new UserMessage(String.valueOf(e), "", false), direct,
                Clock.systemUTC(), new NoDialogs());
    }

    /** Run → first page on the UI executor, 30 times after 5 warm-up runs; prints the cold first run too. */
    static void firstPage(TableDescription table, AwsServices services, Connection connection, boolean query, int expected) {
        long[] times = new long[35];
        for (int i = 0; i < times.length; i++) {
            ItemExplorerPresenter explorer = explorer(table, services, connection);
            if (query) {
                explorer.builder().partitionValue().set(partition(i * 37 % PARTITIONS));
            }
            long start = System.nanoTime();
            explorer.run().join();
            times[i] = System.nanoTime() - start;
            if (explorer.items().size() != expected || explorer.problem().get() != null) {
                throw new IllegalStateException("unexpected first page: " + explorer.status().get() + " " + explorer.problem().get());
            }
        }
        long cold = times[0];
        long[] warm = Arrays.copyOfRange(times, 5, times.length);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "first page (%s, %d items): cold %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                query ? "Query one partition" : "Scan", expected, cold / 1e6, warm[warm.length / 2] / 1e6,
                warm[(int) (warm.length * 0.9)] / 1e6, warm[warm.length - 1] / 1e6);
    }

    /** Pages through {@code rows} scanned rows, 1,000 a page, and reports the heap the presenter holds after. */
    static void heldHeap(TableDescription table, AwsServices services, Connection connection, int rows, boolean filtered) {
        long before = usedHeapAfterGc();
        ItemExplorerPresenter explorer = explorer(table, services, connection);
        explorer.builder().pageSize().set(1000);
        if (filtered) {
            FilterRow row = explorer.builder().addFilter();
            row.path().set("score");
            row.op().set(FilterOp.LT);
            row.type().set(ValueType.N);
            row.value().set("10");
        }
        long start = System.nanoTime();
        explorer.run().join();
        while (scanned(explorer) < rows && explorer.hasMore().get()) {
            explorer.loadMore().join();
        }
        long elapsed = System.nanoTime() - start;
        long after = usedHeapAfterGc();
        int held = explorer.items().size();
        System.out.printf(Locale.ROOT, "paged %,d scanned rows%s in %.1f s: %,d rows held, heap growth %.1f MB (%,d bytes per held row)%n",
                scanned(explorer), filtered ? " with a 1% filter" : "", elapsed / 1e9, held, (after - before) / 1048576.0,
                held == 0 ? 0 : (after - before) / held);
        if (explorer.items().isEmpty() && !filtered) {
            throw new IllegalStateException("nothing loaded");
        }
    }

    static long scanned(ItemExplorerPresenter explorer) {
        return explorer.pages().stream().mapToLong(PageStats::scanned).sum();
    }

    static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static String partition(int n) {
        return String.format(Locale.ROOT, "P#%04d", n);
    }

    /** Creates and fills the table unless it already holds the items (a reused --data folder). */
    static void load(DynamoDbClient client, int items) throws Exception {
        try {
            long count = client.describeTable(b -> b.tableName(TABLE)).table().itemCount();
            if (count >= items) {
                return;
            }
            client.deleteTable(b -> b.tableName(TABLE));
        } catch (ResourceNotFoundException absent) {
            // created below
        }
        client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        client.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong written = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        int perThread = (items + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            int from = t * perThread;
            int to = Math.min(items, from + perThread);
            work.add(pool.submit(() -> {
                Random random = new Random(from);
                List<WriteRequest> batch = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                    item.put("pk", AttributeValue.fromS(partition(i % PARTITIONS)));
                    item.put("sk", AttributeValue.fromN(Integer.toString(i / PARTITIONS)));
                    item.put("name", AttributeValue.fromS("item-" + i));
                    item.put("score", AttributeValue.fromN(Integer.toString(random.nextInt(1000))));
                    item.put("site", AttributeValue.fromS("site-" + random.nextInt(40)));
                    item.put("reading", AttributeValue.fromN(String.format(Locale.ROOT, "%.3f", random.nextDouble() * 100)));
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    if (batch.size() == 25 || i == to - 1) {
                        write(client, batch);
                        long done = written.addAndGet(batch.size());
                        if (done % 100_000 < 25) {
                            System.err.printf(Locale.ROOT, "loaded %,d items (%.0f s)%n", done, (System.nanoTime() - start) / 1e9);
                        }
                        batch = new ArrayList<>();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "loaded %,d items in %.0f s%n", items, (System.nanoTime() - start) / 1e9);
    }

    static void write(DynamoDbClient client, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            var response = client.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!out.containsKey("endpoint")) {
            System.err.println("usage: TablesBench --endpoint URL [--items N] [--rows N]");
            System.exit(2);
        }
        return out;
    }

    static final class NoDialogs implements Dialogs {
        public void showError(String title, UserMessage message) {
        }

        public boolean confirm(String title, String question, String confirmLabel) {
            return false;
        }

        public boolean confirmTyped(String title, String question, String expected) {
            return false;
        }

        public Optional<String> ask(String title, String question, String initial) {
            return Optional.empty();
        }
    }
}
