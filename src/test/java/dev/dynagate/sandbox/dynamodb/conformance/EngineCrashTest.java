package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Durability under a hard crash: concurrent clients write (puts, compare-and-set updates on one contended item, and
 * two-item transactions) against the headless sandbox in its own JVM, which is then killed with SIGKILL mid-load.
 * After a restart on the same data folder every acknowledged write must be there, every transaction whole, and the
 * contended item's history must show that no two conditional writes both succeeded on the same old value.
 */
class EngineCrashTest {
    private static final String TABLE = "crash_t";
    private static final String INDEX = "byGroup";
    private static final int GROUPS = 4;
    private static final int WRITERS = 4;
    private static final Duration LOAD = Duration.ofSeconds(3);

    @TempDir
    Path data;

    /** Both settings promise the same here: {@code process} acknowledges once the kernel has the record. */
    @ParameterizedTest(name = "--durability {0}")
    @ValueSource(strings = {"process", "disk"})
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void acknowledgedWritesSurviveKillNineAndTransactionsStayWhole(String durability) throws Exception {
        String[] options = {"--durability", durability};
        WriteLedger ledger = new WriteLedger();
        SandboxProcess first = SandboxProcess.start(data, options);
        assertThat(first.readyDetails()).endsWith(", durability: " + durability + ")");
        try {
            DynamoDbWire wire = wire(first);
            WireResponse created = wire.call("CreateTable", "{\"TableName\":\"" + TABLE + "\",\"AttributeDefinitions\":"
                    + "[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"},{\"AttributeName\":\"grp\",\"AttributeType\":\"S\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"" + INDEX + "\",\"KeySchema\":[{\"AttributeName\":\"grp\","
                    + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"id\",\"KeyType\":\"RANGE\"}],"
                    + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}]}");
            assertThat(created.status()).as("create table: " + created).isEqualTo(200);
            wire.awaitActive(TABLE);
            assertThat(wire.call("PutItem", item("shared", "0")).status()).isEqualTo(200);
            ledger.acknowledgePut("shared", "0");
            runWritersThenKill(first, wire, ledger, 1);
        } finally {
            first.close();
        }
        SandboxProcess second = SandboxProcess.start(data, options);
        try {
            DynamoDbWire wire = wire(second);
            verify(wire, ledger);
            runWritersThenKill(second, wire, ledger, 2);
        } finally {
            second.close();
        }
        try (SandboxProcess third = SandboxProcess.start(data, options)) {
            verify(wire(third), ledger);
        }
        assertThat(ledger.acknowledgedPuts()).as("acknowledged puts across both rounds").isGreaterThan(100);
        assertThat(ledger.acknowledgedTransactions()).as("acknowledged transactions").isGreaterThan(20);
    }

    private static DynamoDbWire wire(SandboxProcess process) {
        return new DynamoDbWire(process.endpoint(), Duration.ofSeconds(10));
    }

    private static void runWritersThenKill(SandboxProcess process, DynamoDbWire wire, WriteLedger ledger, int round)
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch warm = new CountDownLatch(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String name = "r" + round + "w" + w;
            done.add(writers.submit(() -> {
                write(wire, ledger, name, warm);
                return null;
            }));
        }
        warm.await(30, TimeUnit.SECONDS);
        Thread.sleep(LOAD.toMillis());
        process.kill();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        writers.shutdownNow();
    }

    /** Writes until the server goes away, recording in the ledger only what the server acknowledged. */
    private static void write(DynamoDbWire wire, WriteLedger ledger, String writer, CountDownLatch warm) {
        boolean counted = false;
        for (int n = 0; ; n++) {
            try {
                String id = writer + "-" + n;
                String value = Integer.toString(n);
                if (wire.call("PutItem", item(id, value)).status() == 200) {
                    ledger.acknowledgePut(id, value);
                }
                ledger.attemptTransaction(id);
                WireResponse transaction = wire.call("TransactWriteItems", "{\"TransactItems\":["
                        + "{\"Put\":{\"TableName\":\"" + TABLE + "\",\"Item\":" + itemBody("txA-" + id, value) + "}},"
                        + "{\"Put\":{\"TableName\":\"" + TABLE + "\",\"Item\":" + itemBody("txB-" + id, value) + "}}]}");
                if (transaction.status() == 200) {
                    ledger.acknowledgeTransaction(id);
                }
                compareAndSet(wire, ledger, writer);
                if (!counted) {
                    warm.countDown();
                    counted = true;
                }
            } catch (Exception serverGone) {
                if (!counted) {
                    warm.countDown();
                }
                return;
            }
        }
    }

    /** Reads the contended item and tries to move it from the value read to a value naming this writer. */
    private static void compareAndSet(DynamoDbWire wire, WriteLedger ledger, String writer) throws Exception {
        WireResponse read = wire.call("GetItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"id\":{\"S\":\"shared\"}},"
                + "\"ConsistentRead\":true}");
        String current = read.json() == null ? null : read.json().path("Item").path("v").path("S").asText(null);
        if (current == null) {
            return;
        }
        String next = writer + "@" + System.nanoTime();
        ledger.attemptSwap(next);
        WireResponse update = wire.call("UpdateItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"id\":{\"S\":\"shared\"}},"
                + "\"UpdateExpression\":\"SET v = :next\",\"ConditionExpression\":\"v = :current\","
                + "\"ExpressionAttributeValues\":{\":next\":{\"S\":\"" + next + "\"},\":current\":{\"S\":\"" + current + "\"}}}");
        if (update.status() == 200) {
            ledger.acknowledgeSwap(current, next);
        } else {
            assertThat(update.errorCode()).as("failed compare-and-set: " + update).isEqualTo("ConditionalCheckFailedException");
        }
    }

    private static void verify(DynamoDbWire wire, WriteLedger ledger) throws Exception {
        Map<String, String> stored = scanAll(wire);
        for (Map.Entry<String, String> put : ledger.puts().entrySet()) {
            if (!put.getKey().equals("shared")) {
                assertThat(stored).as("acknowledged put " + put.getKey()).containsEntry(put.getKey(), put.getValue());
            }
        }
        for (String id : ledger.transactions()) {
            assertThat(stored).as("acknowledged transaction " + id).containsKeys("txA-" + id, "txB-" + id);
        }
        for (String id : ledger.attemptedTransactions()) {
            assertThat(stored.containsKey("txA-" + id)).as("transaction " + id + " is whole")
                    .isEqualTo(stored.containsKey("txB-" + id));
        }
        assertIndexMatchesTable(wire, stored.keySet());
        String shared = stored.get("shared");
        assertThat(shared).as("contended item").isNotNull();
        ledger.assertSwapsFormOneChainEndingAt(shared);
    }

    /** After recovery the global index must hold exactly the table's items, each under its group. */
    private static void assertIndexMatchesTable(DynamoDbWire wire, Set<String> ids) throws Exception {
        for (int g = 0; g < GROUPS; g++) {
            String group = "g" + g;
            Set<String> expected = new HashSet<>();
            ids.stream().filter(id -> group(id).equals(group)).forEach(expected::add);
            Set<String> indexed = new HashSet<>();
            String startKey = null;
            do {
                WireResponse page = wire.call("Query", "{\"TableName\":\"" + TABLE + "\",\"IndexName\":\"" + INDEX + "\","
                        + "\"KeyConditionExpression\":\"grp = :g\",\"ExpressionAttributeValues\":{\":g\":{\"S\":\"" + group
                        + "\"}}" + (startKey == null ? "" : ",\"ExclusiveStartKey\":" + startKey) + "}");
                assertThat(page.status()).as("index query after restart: " + page).isEqualTo(200);
                page.json().path("Items").forEach(item -> indexed.add(item.path("id").path("S").asText()));
                JsonNode last = page.json().get("LastEvaluatedKey");
                startKey = last == null ? null : last.toString();
            } while (startKey != null);
            assertThat(indexed).as("index " + INDEX + " group " + group + " after restart").isEqualTo(expected);
        }
    }

    private static Map<String, String> scanAll(DynamoDbWire wire) throws Exception {
        Map<String, String> items = new HashMap<>();
        String startKey = null;
        do {
            WireResponse page = wire.call("Scan", "{\"TableName\":\"" + TABLE + "\",\"ConsistentRead\":true"
                    + (startKey == null ? "" : ",\"ExclusiveStartKey\":" + startKey) + "}");
            assertThat(page.status()).as("scan after restart: " + page).isEqualTo(200);
            for (JsonNode item : page.json().path("Items")) {
                items.put(item.path("id").path("S").asText(), item.path("v").path("S").asText());
            }
            JsonNode last = page.json().get("LastEvaluatedKey");
            startKey = last == null ? null : last.toString();
        } while (startKey != null);
        return items;
    }

    private static String item(String id, String value) {
        return "{\"TableName\":\"" + TABLE + "\",\"Item\":" + itemBody(id, value) + "}";
    }

    private static String itemBody(String id, String value) {
        return "{\"id\":{\"S\":\"" + id + "\"},\"v\":{\"S\":\"" + value + "\"},\"grp\":{\"S\":\"" + group(id)
                + "\"},\"pad\":{\"S\":\"" + "p".repeat(200) + "\"}}";
    }

    private static String group(String id) {
        return "g" + Math.floorMod(id.hashCode(), GROUPS);
    }
}
