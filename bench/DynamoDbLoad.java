import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop DynamoDB load generator: N client threads, each with its own keep-alive HTTP/1.1 connection, send one
 * request, wait for the answer, send the next. Measures PutItem, GetItem, UpdateItem, Query (100 items) and a full
 * Scan (every page of a 10,000-item table) against each target in turn and prints ops/s and latency percentiles.
 * Only the JDK is needed: {@code java bench/DynamoDbLoad.java --target ours=http://127.0.0.1:8000 --target ...}.
 */
public final class DynamoDbLoad {
    static final String TABLE = "bench_items";
    static final String SCAN_TABLE = "bench_scan";
    /** PutItem's own table, so GetItem, UpdateItem and Query read the same 1,100 items on every server. */
    static final String PUT_TABLE = "bench_puts";
    static final int GET_KEYS = 1_000;
    static final String PAYLOAD = "x".repeat(64);

    /** cpuMillisPerOp: the server process's CPU time (user + system) over the measured window, per operation. */
    record Result(String op, double opsPerSecond, double p50Millis, double p99Millis, long errors, long ops,
                  double cpuMillisPerOp) {
    }

    /** ops: the operations to measure by their first word (PutItem, GetItem, UpdateItem, Query, Scan); empty: all. */
    record Settings(int seconds, int warmupSeconds, int concurrency, int scanConcurrency, int scanItems,
                    java.util.Set<String> ops) {
        boolean measures(String op) {
            return ops.isEmpty() || ops.contains(op.split(" ")[0]);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("free-port")) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                System.out.println(socket.getLocalPort());
            }
            return;
        }
        if (args.length == 2 && args[0].equals("set-up")) {
            // the tables and items the measured operations expect, for a target driven by another generator
            setUp(URI.create(args[1]), 10_000);
            return;
        }
        Map<String, URI> targets = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        int seconds = 8;
        int warmup = 5;
        int concurrency = 16;
        int scanConcurrency = 2;
        int scanItems = 10_000;
        java.util.Set<String> ops = java.util.Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target" -> {
                    String[] parts = args[++i].split("=", 2);
                    targets.put(parts[0], URI.create(parts[1]));
                }
                case "--pid" -> {
                    String[] parts = args[++i].split("=", 2);
                    pids.put(parts[0], Long.parseLong(parts[1]));
                }
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--scan-concurrency" -> scanConcurrency = Integer.parseInt(args[++i]);
                case "--scan-items" -> scanItems = Integer.parseInt(args[++i]);
                case "--ops" -> ops = java.util.Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("give at least one --target name=http://127.0.0.1:PORT");
        }
        Settings settings = new Settings(seconds, warmup, concurrency, scanConcurrency, scanItems, ops);
        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (Map.Entry<String, URI> target : targets.entrySet()) {
            System.err.println("== " + target.getKey() + " at " + target.getValue());
            results.put(target.getKey(), run(target.getValue(), pids.get(target.getKey()), settings));
        }
        print(results, settings);
    }

    static List<Result> run(URI endpoint, Long pid, Settings settings) throws Exception {
        setUp(endpoint, settings.scanItems());
        List<Result> results = new ArrayList<>();
        AtomicLong sequence = new AtomicLong();
        results.add(measure("PutItem", endpoint, pid, settings.concurrency(), settings, client -> {
            long n = sequence.incrementAndGet();
            return client.call("PutItem", "{\"TableName\":\"" + PUT_TABLE + "\",\"Item\":{\"pk\":{\"S\":\"put-" + n
                    + "\"},\"sk\":{\"S\":\"0\"},\"n\":{\"N\":\"" + n + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}");
        }));
        results.add(measure("GetItem", endpoint, pid, settings.concurrency(), settings, client -> {
            int k = ThreadLocalRandom.current().nextInt(GET_KEYS);
            String body = client.call("GetItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"get-" + k
                    + "\"},\"sk\":{\"S\":\"0\"}}}");
            return body != null && body.contains("\"payload\"") ? body : null;
        }));
        results.add(measure("UpdateItem", endpoint, pid, settings.concurrency(), settings, client -> {
            int k = ThreadLocalRandom.current().nextInt(GET_KEYS);
            return client.call("UpdateItem", "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"get-" + k
                    + "\"},\"sk\":{\"S\":\"0\"}},\"UpdateExpression\":\"ADD hits :one SET touched = :t\","
                    + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":t\":{\"S\":\"" + k + "\"}}}");
        }));
        results.add(measure("Query (100 items)", endpoint, pid, settings.concurrency(), settings, client -> {
            String body = client.call("Query", "{\"TableName\":\"" + TABLE + "\",\"KeyConditionExpression\":\"pk = :p\","
                    + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"query\"}}}");
            return count(body) == 100 ? body : null;
        }));
        results.add(measure("Scan (" + settings.scanItems() + " items, all pages)", endpoint, pid, settings.scanConcurrency(),
                settings, client -> {
            long items = 0;
            String start = null;
            do {
                String body = client.call("Scan", "{\"TableName\":\"" + SCAN_TABLE + "\""
                        + (start == null ? "" : ",\"ExclusiveStartKey\":" + start) + "}");
                if (body == null) {
                    return null;
                }
                items += count(body);
                start = lastEvaluatedKey(body);
            } while (start != null);
            return items == settings.scanItems() ? "ok" : null;
        }));
        results.removeIf(java.util.Objects::isNull);
        return results;
    }

    interface Operation {
        /** The answer body, or null when the answer was not the expected success. */
        String apply(Client client) throws IOException;
    }

    static Result measure(String name, URI endpoint, Long pid, int threads, Settings settings, Operation operation)
            throws InterruptedException {
        if (!settings.measures(name)) {
            return null;
        }
        long warmupEnd = System.nanoTime() + settings.warmupSeconds() * 1_000_000_000L;
        long end = warmupEnd + settings.seconds() * 1_000_000_000L;
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                try (Client client = new Client(endpoint)) {
                    while (true) {
                        long started = System.nanoTime();
                        if (started >= end) {
                            break;
                        }
                        String answer;
                        try {
                            answer = operation.apply(client);
                        } catch (IOException e) {
                            answer = null;
                            client.reconnect();
                        }
                        long finished = System.nanoTime();
                        if (started < warmupEnd) {
                            continue;
                        }
                        if (answer == null) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = finished - started;
                    }
                } finally {
                    latencies[index] = mine;
                    counts[index] = count;
                    done.countDown();
                }
            }, "load-" + t);
            thread.start();
        }
        long sleep = (warmupEnd - System.nanoTime()) / 1_000_000;
        if (sleep > 0) {
            Thread.sleep(sleep);
        }
        long cpuBefore = cpuMillis(pid);
        done.await();
        long cpuAfter = cpuMillis(pid);
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        Result result = new Result(name, total / (double) settings.seconds(), percentile(all, 0.50),
                percentile(all, 0.99), errors.get(), total,
                cpuBefore < 0 || total == 0 ? Double.NaN : (cpuAfter - cpuBefore) / (double) total);
        System.err.printf(Locale.ROOT, "   %-34s %10.0f ops/s  p50 %7.2f ms  p99 %7.2f ms  server CPU %6.3f ms/op  errors %d%n",
                name, result.opsPerSecond(), result.p50Millis(), result.p99Millis(), result.cpuMillisPerOp(), result.errors());
        return result;
    }

    /** User plus system CPU time of a process, from /proc (Linux), or -1 when unknown. */
    static long cpuMillis(Long pid) {
        if (pid == null) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.toString(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    static void setUp(URI endpoint, int scanItems) throws Exception {
        try (Client client = new Client(endpoint)) {
            for (String table : List.of(TABLE, PUT_TABLE, SCAN_TABLE)) {
                client.call("DeleteTable", "{\"TableName\":\"" + table + "\"}");
                awaitGone(client, table);
            }
            for (String table : List.of(TABLE, PUT_TABLE)) {
                client.require("CreateTable", "{\"TableName\":\"" + table + "\",\"AttributeDefinitions\":["
                        + "{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                        + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
            }
            client.require("CreateTable", "{\"TableName\":\"" + SCAN_TABLE + "\",\"AttributeDefinitions\":["
                    + "{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"id\","
                    + "\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
            awaitActive(client, TABLE);
            awaitActive(client, PUT_TABLE);
            awaitActive(client, SCAN_TABLE);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < GET_KEYS; i++) {
                items.add(item("get-" + i, "0"));
            }
            for (int i = 0; i < 100; i++) {
                items.add(item("query", String.format("%03d", i)));
            }
            batchWrite(client, TABLE, items);
            List<String> scan = new ArrayList<>();
            for (int i = 0; i < scanItems; i++) {
                scan.add("{\"id\":{\"S\":\"scan-" + i + "\"},\"n\":{\"N\":\"" + i + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}");
            }
            batchWrite(client, SCAN_TABLE, scan);
        }
    }

    static String item(String pk, String sk) {
        return "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"S\":\"" + sk + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}";
    }

    static void batchWrite(Client client, String table, List<String> items) throws IOException {
        for (int from = 0; from < items.size(); from += 25) {
            StringBuilder body = new StringBuilder("{\"RequestItems\":{\"" + table + "\":[");
            for (int i = from; i < Math.min(items.size(), from + 25); i++) {
                body.append(i == from ? "" : ",").append("{\"PutRequest\":{\"Item\":").append(items.get(i)).append("}}");
            }
            String answer = client.require("BatchWriteItem", body.append("]}}").toString());
            if (!answer.contains("\"UnprocessedItems\":{}")) {
                throw new IOException("unprocessed items while loading: " + answer);
            }
        }
    }

    static void awaitActive(Client client, String table) throws Exception {
        for (int i = 0; i < 600; i++) {
            String body = client.call("DescribeTable", "{\"TableName\":\"" + table + "\"}");
            if (body != null && body.contains("\"TableStatus\":\"ACTIVE\"")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException(table + " did not become ACTIVE");
    }

    static void awaitGone(Client client, String table) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (client.call("DescribeTable", "{\"TableName\":\"" + table + "\"}") == null) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException(table + " was not deleted");
    }

    private static final Pattern COUNT = Pattern.compile("\"Count\"\\s*:\\s*(\\d+)");

    static int count(String body) {
        if (body == null) {
            return -1;
        }
        Matcher matcher = COUNT.matcher(body);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** The LastEvaluatedKey object of a page, as JSON text, or null on the last page. */
    static String lastEvaluatedKey(String body) {
        int at = body.indexOf("\"LastEvaluatedKey\"");
        if (at < 0) {
            return null;
        }
        int start = body.indexOf('{', at);
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return body.substring(start, i + 1);
            }
        }
        throw new IllegalStateException("unterminated LastEvaluatedKey");
    }

    static void print(Map<String, List<Result>> results, Settings settings) {
        List<String> names = new ArrayList<>(results.keySet());
        System.out.printf(Locale.ROOT, "%nClosed loop, %d clients (Scan: %d), %d s measured after %d s warm-up per operation;"
                + " CPU ms/op is the server process's user+system time per operation (clock ticks of 10 ms).%n%n",
                settings.concurrency(), settings.scanConcurrency(), settings.seconds(), settings.warmupSeconds());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "| %-34s", "operation"));
        for (String name : names) {
            header.append(String.format(Locale.ROOT, " | %s ops/s | %s p99 ms | %s CPU ms/op", name, name, name));
        }
        for (String other : names.subList(1, names.size())) {
            header.append(String.format(Locale.ROOT, " | ratio %s/%s", names.get(0), other));
        }
        System.out.println(header.append(" |"));
        System.out.println(header.toString().replaceAll("[^|]", "-"));
        List<Result> first = results.get(names.get(0));
        for (int row = 0; row < first.size(); row++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %-34s", first.get(row).op()));
            for (String name : names) {
                Result r = results.get(name).get(row);
                String width = "%" + (name.length() + 6) + ".0f";
                String widthP = "%" + (name.length() + 7) + ".2f";
                line.append(" | ").append(String.format(Locale.ROOT, width, r.opsPerSecond()))
                        .append(r.errors() > 0 ? " (" + r.errors() + " errors)" : "")
                        .append(" | ").append(String.format(Locale.ROOT, widthP, r.p99Millis()))
                        .append(" | ").append(String.format(Locale.ROOT, "%" + (name.length() + 10) + ".3f", r.cpuMillisPerOp()));
            }
            for (String other : names.subList(1, names.size())) {
                double ratio = first.get(row).opsPerSecond() / results.get(other).get(row).opsPerSecond();
                line.append(String.format(Locale.ROOT, " | %" + (names.get(0).length() + other.length() + 7) + ".1fx", ratio));
            }
            System.out.println(line.append(" |"));
        }
    }

    /** One keep-alive HTTP/1.1 connection speaking just enough of the protocol for DynamoDB's JSON requests. */
    static final class Client implements AutoCloseable {
        private final URI endpoint;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Client(URI endpoint) {
            this.endpoint = endpoint;
        }

        /** The body of a 200 answer, or null for any other status. */
        String call(String operation, String json) throws IOException {
            if (socket == null) {
                connect();
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                    + "\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810." + operation
                    + "\r\nX-Amz-Date: 20261126T120000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
                    + "20261126/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, "
                    + "Signature=0000000000000000000000000000000000000000000000000000000000000000\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readResponse();
        }

        String require(String operation, String json) throws IOException {
            String answer = call(operation, json);
            if (answer == null) {
                throw new IOException(operation + " failed during set-up");
            }
            return answer;
        }

        private String readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            byte[] body;
            if (chunked) {
                java.io.ByteArrayOutputStream collected = new java.io.ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    collected.write(in.readNBytes(size));
                    line();
                }
                line();
                body = collected.toByteArray();
            } else {
                body = in.readNBytes(Math.max(length, 0));
            }
            if (close) {
                reconnect();
            }
            return code == 200 ? new String(body, StandardCharsets.UTF_8) : null;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }

        void reconnect() {
            close();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already gone
                }
                socket = null;
            }
        }
    }
}
