package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws thousands of malformed requests at the engine: each must be answered with a DynamoDB-style 4xx (a JSON body
 * with {@code __type} and a message), never a 500, a dropped connection or a hang, and the engine must still serve
 * normal requests afterwards. The seed is fixed so a failure replays; {@code -Dfuzz.seed=N} tries another.
 */
class EngineFuzzTest {
    private static final int CLIENTS = 4;
    private static final Duration PER_REQUEST = Duration.ofSeconds(10);

    @TempDir
    Path data;

    @Test
    @Timeout(value = 170, unit = TimeUnit.SECONDS)
    void malformedBodiesAndExpressionsGetDynamoDbStyleClientErrors() throws Exception {
        fuzz(FuzzRequests.Target.BODIES, 12_000, 10_000);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void badTargetsAndAuthorizationGetDynamoDbStyleClientErrors() throws Exception {
        fuzz(FuzzRequests.Target.ENVELOPES, 1_500, 1_500);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void invalidUtf8GetsDynamoDbStyleClientErrors() throws Exception {
        fuzz(FuzzRequests.Target.ENCODING, 500, 500);
    }

    /** Sends the generated requests from several clients at once, then checks every answer and that the engine serves. */
    private void fuzz(FuzzRequests.Target target, int count, int minimumRejected) throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261126L);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(0, data), line -> { })) {
            DynamoDbWire wire = new DynamoDbWire(sandbox.endpoint(), PER_REQUEST);
            assertThat(wire.call("CreateTable", FuzzRequests.createTable()).status()).as("create fuzz table").isEqualTo(200);
            wire.awaitActive(FuzzRequests.TABLE);

            FuzzRequests generator = new FuzzRequests(seed, target);
            List<FuzzRequest> requests = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                requests.add(generator.next());
            }
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Map<String, AtomicInteger> rejectedByKind = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> failedByKind = new ConcurrentHashMap<>();
            AtomicInteger rejected = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int first = c;
                    done.add(clients.submit(() -> {
                        for (int i = first; i < requests.size(); i += CLIENTS) {
                            String problem = judge(wire, requests.get(i), rejected, rejectedByKind);
                            if (problem != null) {
                                failedByKind.computeIfAbsent(requests.get(i).kind(), k -> new AtomicInteger()).incrementAndGet();
                                if (failures.size() < 20) {
                                    failures.add("#" + i + " " + problem + "\n    request: " + requests.get(i).preview());
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(failures).as("answers that were not DynamoDB-style 4xx (seed " + seed + "; failures by kind "
                    + failedByKind + "; first 20 shown)").isEmpty();
            assertThat(rejected.get()).as("malformed requests rejected with a 4xx; by kind " + rejectedByKind)
                    .isGreaterThanOrEqualTo(minimumRejected);
            assertStillServes(wire);
        }
    }

    /**
     * Sends once more when a pooled keep-alive connection gave back no byte at all. This was seen once in many runs,
     * on a request the server answers every other time; whether the client or the server dropped that connection
     * is not established. A request the server never answers still fails, since the second try fails too.
     */
    private static WireResponse sendOnLiveConnection(DynamoDbWire wire, FuzzRequest request) throws Exception {
        try {
            return wire.send("POST", request.headers(), request.body());
        } catch (java.io.IOException e) {
            if (e instanceof java.net.http.HttpTimeoutException || !String.valueOf(e.getMessage())
                    .contains("received no bytes")) {
                throw e;
            }
            return wire.send("POST", request.headers(), request.body());
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String judge(DynamoDbWire wire, FuzzRequest request, AtomicInteger rejected,
                                Map<String, AtomicInteger> rejectedByKind) {
        WireResponse response;
        try {
            response = sendOnLiveConnection(wire, request);
        } catch (java.net.http.HttpTimeoutException e) {
            return "no answer within " + PER_REQUEST.toSeconds() + " s";
        } catch (Exception e) {
            return "connection failed: " + e;
        }
        if (response.status() == 200 && request.mayBeValid()) {
            return response.json() == null ? "200 without a JSON body" : null;
        }
        if (response.status() < 400 || response.status() > 499) {
            return "status " + response.status() + ": " + abbreviate(response.text());
        }
        if (response.status() == 413) {
            return countRejected(request, rejected, rejectedByKind);
        }
        JsonNode json = response.json();
        if (json == null || !json.hasNonNull("__type") || json.get("__type").asText().isBlank()) {
            return "4xx without a JSON __type: " + abbreviate(response.text());
        }
        String type = json.get("__type").asText();
        boolean awsSendsNoMessage = type.endsWith("#UnknownOperationException") || type.endsWith("#SerializationException");
        if (!awsSendsNoMessage && !(json.path("message").isTextual() || json.path("Message").isTextual())) {
            return "error without a message: " + abbreviate(response.text());
        }
        if (!response.crcMatches()) {
            return "x-amz-crc32 does not match the body";
        }
        return countRejected(request, rejected, rejectedByKind);
    }

    private static String countRejected(FuzzRequest request, AtomicInteger rejected, Map<String, AtomicInteger> byKind) {
        rejected.incrementAndGet();
        byKind.computeIfAbsent(request.kind(), k -> new AtomicInteger()).incrementAndGet();
        return null;
    }

    private static void assertStillServes(DynamoDbWire wire) throws Exception {
        assertThat(wire.call("ListTables", "{}").status()).isEqualTo(200);
        String keyFields = "\"pk\":{\"S\":\"after-fuzz\"},\"sk\":{\"N\":\"42\"}";
        String key = "{" + keyFields + "}";
        WireResponse put = wire.call("PutItem", "{\"TableName\":\"" + FuzzRequests.TABLE + "\",\"Item\":{" + keyFields
                + ",\"v\":{\"S\":\"still here\"}}}");
        assertThat(put.status()).as("put after fuzzing: " + put).isEqualTo(200);
        WireResponse get = wire.call("GetItem", "{\"TableName\":\"" + FuzzRequests.TABLE + "\",\"Key\":" + key
                + ",\"ConsistentRead\":true}");
        assertThat(get.status()).as("get after fuzzing: " + get).isEqualTo(200);
        assertThat(get.json().path("Item").path("v").path("S").asText()).isEqualTo("still here");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
