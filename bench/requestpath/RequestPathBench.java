package dev.dynagate.sandbox.http;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.dynamodb.DynamoDbComponent;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The CPU one DynamoDB request costs in our code alone: the HTTP head and body parsed from bytes, the engine's
 * answer, the response encoded; no socket, no other thread. Runs each operation on one thread for a number of
 * one-second rounds and prints the thread's CPU time per request in each round, so the figure is not blurred by the
 * load generator or the kernel sharing the machine, and the bytes it allocated per request (the garbage collector's
 * share of the work grows with them). In this package because the request parser is not public.
 */
public final class RequestPathBench {
    private static final String PAYLOAD = "x".repeat(64);
    private static final int KEYS = 1000;

    private final DynamoDbComponent engine;
    private final RequestParser parser = new RequestParser(HttpLimits.DEFAULT);
    private final Random random = new Random(1);
    private long sequence;

    private RequestPathBench(DynamoDbComponent engine) {
        this.engine = engine;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        // other items in the same table: lookups walk a larger ordered map, as after bench/dynamodb.sh's PutItem runs
        int others = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path data = Files.createTempDirectory("dynagate-request-path");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(0, data), line -> { })) {
            RequestPathBench bench = new RequestPathBench(sandbox.component(DynamoDbComponent.class));
            bench.setUp(others);
            for (String operation : new String[] {"ListTables", "GetItem", "UpdateItem", "PutItem"}) {
                bench.measure(operation, rounds);
            }
        }
    }

    private void setUp(int others) {
        call("CreateTable", "{\"TableName\":\"bench_items\",\"AttributeDefinitions\":["
                + "{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
        for (int i = 0; i < KEYS; i++) {
            call("PutItem", "{\"TableName\":\"bench_items\",\"Item\":{\"pk\":{\"S\":\"get-" + i
                    + "\"},\"sk\":{\"S\":\"0\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}");
        }
        for (int i = 0; i < others; i++) {
            call("PutItem", body("PutItem"));
        }
    }

    /** The same bodies as bench/wrk/*.lua and bench/DynamoDbLoad.java. */
    private String body(String operation) {
        int key = random.nextInt(KEYS);
        return switch (operation) {
            case "ListTables" -> "{\"Limit\":1}";
            case "GetItem" -> "{\"TableName\":\"bench_items\",\"Key\":{\"pk\":{\"S\":\"get-" + key
                    + "\"},\"sk\":{\"S\":\"0\"}}}";
            case "UpdateItem" -> "{\"TableName\":\"bench_items\",\"Key\":{\"pk\":{\"S\":\"get-" + key
                    + "\"},\"sk\":{\"S\":\"0\"}},\"UpdateExpression\":\"ADD hits :one SET touched = :t\","
                    + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":t\":{\"S\":\"" + key + "\"}}}";
            case "PutItem" -> "{\"TableName\":\"bench_items\",\"Item\":{\"pk\":{\"S\":\"put-" + (++sequence)
                    + "\"},\"sk\":{\"S\":\"0\"},\"n\":{\"N\":\"" + sequence + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"}}}";
            default -> throw new IllegalArgumentException(operation);
        };
    }

    private void measure(String operation, int rounds) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StringBuilder line = new StringBuilder(String.format("%-11s µs of CPU per request, one-second rounds:", operation));
        long allocated = 0;
        long counted = 0;
        for (int round = 0; round < rounds; round++) {
            long requests = 0;
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long cpu = threads.getCurrentThreadCpuTime();
            long until = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < until) {
                for (int i = 0; i < 100; i++) {
                    call(operation, body(operation));
                }
                requests += 100;
            }
            line.append(String.format(" %.2f", (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / requests));
            allocated += threads.getCurrentThreadAllocatedBytes() - bytes;
            counted += requests;
        }
        System.out.println(line.append(String.format("; %,d bytes allocated per request", allocated / counted)));
    }

    private void call(String operation, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64) + "\r\n"
                + "X-Amz-Date: 20260101T000000Z\r\nX-Amz-Target: DynamoDB_20120810." + operation + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n" + json).getBytes(StandardCharsets.UTF_8);
        try {
            parser.readSpace().put(request);
            parser.filled(request.length);
            ParsedRequest parsed = parser.next();
            SandboxResponse response = engine.handleAsync(parsed.toSandboxRequest("127.0.0.1")).toCompletableFuture()
                    .join();
            if (response.status() != 200) {
                throw new IllegalStateException(operation + " answered " + response.status() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            ByteBuffer encoded = ResponseEncoder.encode(response, false, true, false);
            if (!encoded.hasRemaining()) {
                throw new IllegalStateException(operation + " encoded to nothing");
            }
        } catch (HttpProtocolException e) {
            throw new IllegalStateException(e);
        }
    }
}
