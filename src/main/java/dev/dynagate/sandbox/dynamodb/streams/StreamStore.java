package dev.dynagate.sandbox.dynamodb.streams;

import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.storage.ChangeListener;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tables' DynamoDB streams: every committed change to a table whose stream is enabled becomes a record in that
 * stream, in commit order. Records are kept in memory for 24 hours (and at most {@link #BYTE_BUDGET} bytes a stream),
 * as DynamoDB keeps them for 24 hours; a restart starts each enabled stream on a new shard.
 */
public final class StreamStore implements ChangeListener {
    public static final long RETENTION_MILLIS = TimeUnit.HOURS.toMillis(24);
    /** What one stream keeps at most, counted as DynamoDB counts a record's size; older records are trimmed first. */
    public static final long BYTE_BUDGET = 64L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(StreamStore.class.getName());

    private final LongSupplier clock;
    private final UnaryOperator<String> tableArn;
    private final long byteBudget;
    private final Map<String, TableStream> byArn = new ConcurrentHashMap<>();
    /** The enabled stream of each table, by table name. */
    private final Map<String, TableStream> current = new ConcurrentHashMap<>();
    private long nextSequence;

    /**
     * @param clock    milliseconds since the epoch
     * @param tableArn a table's ARN from its name
     */
    public StreamStore(LongSupplier clock, UnaryOperator<String> tableArn) {
        this(clock, tableArn, BYTE_BUDGET);
    }

    /** @param byteBudget the most record bytes one stream keeps (tests use a small one) */
    public StreamStore(LongSupplier clock, UnaryOperator<String> tableArn, long byteBudget) {
        this.clock = clock;
        this.tableArn = tableArn;
        this.byteBudget = byteBudget;
        // sequence numbers keep growing across restarts, as a client comparing them across shards expects
        nextSequence = clock.getAsLong() * 1_000_000L;
    }

    /** Opens a stream, on a new shard, for each table whose stream is enabled (after a start or recovery). */
    public synchronized void open(Collection<TableSchema> tables) {
        for (TableSchema schema : tables) {
            if (streaming(schema)) {
                start(schema);
            }
        }
    }

    /** The stream under this ARN, enabled or kept after being disabled, or null. */
    public TableStream stream(String arn) {
        prune();
        return byArn.get(arn);
    }

    /** Every stream kept, by table name then label. */
    public List<TableStream> streams() {
        prune();
        return byArn.values().stream()
                .sorted(Comparator.comparing(TableStream::table).thenComparing(TableStream::label)).toList();
    }

    @Override
    public void itemChanged(TableSchema schema, StoredItem before, StoredItem after, boolean expired) {
        if (!streaming(schema) || before != null && before.sameData(after)) {
            return; // DynamoDB writes no record for a write that changes nothing
        }
        synchronized (this) {
            record(schema, before, after, expired);
        }
    }

    private void record(TableSchema schema, StoredItem before, StoredItem after, boolean expired) {
        try {
            TableStream stream = current.get(schema.name());
            if (stream == null || !stream.label().equals(schema.stream().label())) {
                stream = start(schema);
            }
            append(stream, before, after, expired);
        } catch (RuntimeException e) {
            // the change is committed whatever happens here; a lost record must not undo it
            LOG.log(Level.WARNING, "stream record not kept for " + schema.name(), e);
        }
    }

    @Override
    public synchronized void schemaChanged(TableSchema before, TableSchema after) {
        String was = streaming(before) ? before.stream().label() : null;
        String now = streaming(after) ? after.stream().label() : null;
        if (was != null && !was.equals(now)) {
            TableStream old = current.remove(before.name());
            if (old != null) {
                old.disable(clock.getAsLong());
            }
        }
        if (now != null && !now.equals(was)) {
            start(after);
        }
    }

    private static boolean streaming(TableSchema schema) {
        return schema != null && schema.stream() != null && schema.stream().enabled();
    }

    private TableStream start(TableSchema schema) {
        long now = clock.getAsLong();
        String label = schema.stream().label();
        String arn = tableArn.apply(schema.name()) + "/stream/" + label;
        String shardId = String.format("shardId-%020d-%s", now, HexFormat.of().toHexDigits(
                ThreadLocalRandom.current().nextInt()));
        TableStream stream = new TableStream(arn, schema.name(), label, schema.stream().viewType(), schema.hash(),
                schema.range(), labelMillis(label, now), new Shard(shardId, nextSequence));
        TableStream replaced = byArn.put(arn, stream);
        if (replaced != null) {
            replaced.disable(now);
        }
        current.put(schema.name(), stream);
        return stream;
    }

    private void append(TableStream stream, StoredItem before, StoredItem after, boolean expired) {
        long now = clock.getAsLong();
        StoredItem any = after != null ? after : before;
        Map<String, AttrValue> keys = new LinkedHashMap<>();
        keys.put(stream.hash().name(), any.attribute(stream.hash().name()));
        if (stream.range() != null) {
            keys.put(stream.range().name(), any.attribute(stream.range().name()));
        }
        StoredItem oldImage = stream.keepsImage(true) ? before : null;
        StoredItem newImage = stream.keepsImage(false) ? after : null;
        long size = ItemSize.of(keys) + (oldImage == null ? 0 : oldImage.size())
                + (newImage == null ? 0 : newImage.size());
        StreamRecord.Event event = before == null ? StreamRecord.Event.INSERT
                : after == null ? StreamRecord.Event.REMOVE : StreamRecord.Event.MODIFY;
        String eventId = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong(),
                ThreadLocalRandom.current().nextLong()));
        stream.shard().append(new StreamRecord(nextSequence++, eventId, event, now, keys, oldImage, newImage,
                expired, size));
        stream.shard().trim(now - RETENTION_MILLIS, byteBudget);
    }

    /** Forgets streams disabled longer ago than the retention period, and trims the others' old records. */
    private void prune() {
        long now = clock.getAsLong();
        byArn.values().removeIf(s -> !s.enabled() && s.disabledMillis() < now - RETENTION_MILLIS);
        for (TableStream s : byArn.values()) {
            s.shard().trim(now - RETENTION_MILLIS, byteBudget);
        }
    }

    /** A stream label is the moment the stream was enabled (UTC, milliseconds). */
    private static long labelMillis(String label, long fallback) {
        try {
            return LocalDateTime.parse(label).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static byte[] longBytes(long a, long b) {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (a >>> (56 - 8 * i));
            out[8 + i] = (byte) (b >>> (56 - 8 * i));
        }
        return out;
    }
}
