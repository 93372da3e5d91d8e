package dev.dynagate.sandbox.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.streams.Shard;
import dev.dynagate.sandbox.dynamodb.streams.StreamRecord;
import dev.dynagate.sandbox.dynamodb.streams.StreamRecordJson;
import dev.dynagate.sandbox.dynamodb.streams.StreamStore;
import dev.dynagate.sandbox.dynamodb.streams.TableStream;
import dev.dynagate.sandbox.lambda.FunctionNotFoundException;
import dev.dynagate.sandbox.lambda.InvocationResult;
import dev.dynagate.sandbox.lambda.LambdaJson;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the enabled event source mappings: about five times a second each mapping's stream is read from where it got
 * to, and a batch of new records (those its filter lets through) goes to its function, one batch at a time and in
 * order, as Lambda does for a stream shard. A batch whose invocation fails is retried, with growing pauses, until it
 * succeeds or the mapping's MaximumRetryAttempts is used up; then it is skipped.
 */
final class StreamTriggers implements AutoCloseable {
    static final long POLL_MILLIS = 200;
    /** Lambda hands a function at most 6 MB of records in one invocation. */
    private static final long BATCH_BYTES = 6L * 1024 * 1024;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(StreamTriggers.class.getName());

    /** Where one mapping has got to in its stream. */
    private static final class Cursor {
        String shardId;
        long position;
        int failures;
        long retryAt;
        volatile String lastResult = "No records processed";
    }

    private final StreamStore streams;
    private final LambdaRuntime lambda;
    private final Supplier<Collection<EventSourceMapping>> mappings;
    private final LongSupplier clock;
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lambda-stream-triggers");
        t.setDaemon(true);
        return t;
    });

    StreamTriggers(StreamStore streams, LambdaRuntime lambda, Supplier<Collection<EventSourceMapping>> mappings,
                   LongSupplier clock) {
        this.streams = streams;
        this.lambda = lambda;
        this.mappings = mappings;
        this.clock = clock;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::pollQuietly, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Places a new mapping at its starting position now, so a LATEST mapping sees every change made after it. */
    void place(EventSourceMapping mapping, TableStream stream) {
        Cursor cursor = new Cursor();
        Shard shard = stream.shard();
        cursor.shardId = shard.id();
        cursor.position = mapping.startingPosition().equals("LATEST") ? shard.newest() + 1 : firstAvailable(shard);
        cursors.put(mapping.uuid(), cursor);
    }

    void forget(String uuid) {
        cursors.remove(uuid);
    }

    /** What the mapping's last batch came to, as LastProcessingResult says it. */
    String lastResult(String uuid) {
        Cursor cursor = cursors.get(uuid);
        return cursor == null ? "No records processed" : cursor.lastResult;
    }

    private void pollQuietly() {
        try {
            for (EventSourceMapping mapping : mappings.get()) {
                if (mapping.enabled()) {
                    poll(mapping);
                }
            }
        } catch (RuntimeException | Error e) {
            // the timer must keep running whatever one mapping does
            LOG.log(Level.WARNING, "stream trigger failed", e);
        }
    }

    private void poll(EventSourceMapping mapping) {
        Cursor cursor = cursors.computeIfAbsent(mapping.uuid(), k -> new Cursor());
        TableStream stream = streams.stream(mapping.eventSourceArn());
        if (stream == null) {
            cursor.lastResult = "PROBLEM: Stream not found";
            return;
        }
        Shard shard = stream.shard();
        if (!shard.id().equals(cursor.shardId)) {
            // a stream started on a new shard (after a restart) holds only what came since: read it whole
            cursor.shardId = shard.id();
            cursor.position = shard.startingSequence();
        }
        long now = clock.getAsLong();
        if (now < cursor.retryAt) {
            return;
        }
        cursor.position = Math.max(cursor.position, firstAvailable(shard));
        List<StreamRecord> batch = shard.read(cursor.position, mapping.batchSize(), BATCH_BYTES);
        if (batch.isEmpty()) {
            return;
        }
        long next = batch.get(batch.size() - 1).sequence() + 1;
        EventFilter filter = EventFilter.of(mapping.filterCriteria());
        ObjectNode event = LambdaJson.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (StreamRecord record : batch) {
            ObjectNode json = StreamRecordJson.event(record, stream.viewType());
            json.put("eventSourceARN", stream.arn());
            if (filter.passes(json)) {
                records.add(json);
            }
        }
        if (records.isEmpty()) {
            cursor.position = next;
            return;
        }
        long reached = invoke(mapping, event, cursor, batch);
        if (reached == next) {
            cursor.position = next;
            cursor.failures = 0;
            cursor.lastResult = "OK";
            return;
        }
        // what came before the first failed record is done; the rest is tried again
        cursor.position = reached;
        cursor.failures++;
        if (mapping.maximumRetryAttempts() >= 0 && cursor.failures > mapping.maximumRetryAttempts()) {
            cursor.position = next;
            cursor.failures = 0;
        } else {
            cursor.retryAt = now + Math.min(MAX_BACKOFF_MILLIS, 500L << Math.min(cursor.failures, 10));
        }
    }

    /**
     * Invokes the function with the batch and answers where the mapping goes on from: past the batch when it
     * succeeded, the first record it reported failed (with ReportBatchItemFailures), or the batch's start.
     */
    private long invoke(EventSourceMapping mapping, ObjectNode event, Cursor cursor, List<StreamRecord> batch) {
        long start = batch.get(0).sequence();
        long next = batch.get(batch.size() - 1).sequence() + 1;
        try {
            InvocationResult result = lambda.invoke(mapping.functionName(), LambdaJson.MAPPER.writeValueAsBytes(event));
            if (result.failed()) {
                cursor.lastResult = "PROBLEM: Function call failed";
                return start;
            }
            if (!mapping.reportsItemFailures()) {
                return next;
            }
            long failed = BatchItemFailures.firstFailed(result.payload(), batch, next);
            if (failed != next) {
                cursor.lastResult = "PROBLEM: Function call failed";
            }
            return failed;
        } catch (FunctionNotFoundException e) {
            cursor.lastResult = "PROBLEM: Function not found";
            return start;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long firstAvailable(Shard shard) {
        long oldest = shard.oldestKept();
        return oldest >= 0 ? oldest : shard.newest() + 1;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
