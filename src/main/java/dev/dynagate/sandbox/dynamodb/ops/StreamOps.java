package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.streams.Shard;
import dev.dynagate.sandbox.dynamodb.streams.StreamRecord;
import dev.dynagate.sandbox.dynamodb.streams.StreamRecordJson;
import dev.dynagate.sandbox.dynamodb.streams.StreamStore;
import dev.dynagate.sandbox.dynamodb.streams.TableStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** DynamoDB Streams: ListStreams, DescribeStream, GetShardIterator and GetRecords over the {@link StreamStore}. */
public final class StreamOps {
    static final long ITERATOR_LIFETIME_MILLIS = TimeUnit.MINUTES.toMillis(15);
    private static final long PAGE_BYTES = 1024 * 1024;
    private static final List<String> ITERATOR_TYPES = List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER",
            "AFTER_SEQUENCE_NUMBER");

    private final Engine engine;
    private final StreamStore store;

    public StreamOps(Engine engine, StreamStore store) {
        this.engine = engine;
        this.store = store;
    }

    public ObjectNode list(Request r) {
        Constraints.of(r).name("TableName", false).atLeast("Limit", 1).atMost("Limit", 100)
                .length("ExclusiveStartStreamArn", 37, 1024).check();
        String table = r.string("TableName");
        int limit = r.has("Limit") ? r.integer("Limit") : 100;
        String after = r.string("ExclusiveStartStreamArn");
        List<TableStream> streams = store.streams().stream()
                .filter(s -> table == null || s.table().equals(table)).toList();
        if (table != null && streams.isEmpty() && engine.database().table(table) == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Table: " + table + " not found");
        }
        int from = 0;
        if (after != null) {
            for (int i = 0; i < streams.size(); i++) {
                if (streams.get(i).arn().equals(after)) {
                    from = i + 1;
                }
            }
        }
        ObjectNode out = Request.object();
        ArrayNode list = out.putArray("Streams");
        int to = Math.min(streams.size(), from + limit);
        for (TableStream s : streams.subList(from, to)) {
            list.addObject().put("StreamArn", s.arn()).put("TableName", s.table()).put("StreamLabel", s.label());
        }
        if (to < streams.size()) {
            out.put("LastEvaluatedStreamArn", streams.get(to - 1).arn());
        }
        return out;
    }

    public ObjectNode describe(Request r) {
        Constraints.of(r).notNull("StreamArn").length("StreamArn", 37, 1024).atLeast("Limit", 1)
                .atMost("Limit", 100).length("ExclusiveStartShardId", 28, 65).check();
        TableStream stream = stream(r.string("StreamArn"));
        Shard shard = stream.shard();
        ObjectNode out = Request.object();
        ObjectNode d = out.putObject("StreamDescription");
        d.put("StreamArn", stream.arn()).put("StreamLabel", stream.label())
                .put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED")
                .put("StreamViewType", stream.viewType())
                .put("CreationRequestDateTime", stream.createdMillis() / 1000.0)
                .put("TableName", stream.table());
        ArrayNode keys = d.putArray("KeySchema");
        keys.addObject().put("AttributeName", stream.hash().name()).put("KeyType", "HASH");
        KeyAttr range = stream.range();
        if (range != null) {
            keys.addObject().put("AttributeName", range.name()).put("KeyType", "RANGE");
        }
        ArrayNode shards = d.putArray("Shards");
        if (!shard.id().equals(r.string("ExclusiveStartShardId"))) {
            ObjectNode range0 = shards.addObject().put("ShardId", shard.id()).putObject("SequenceNumberRange")
                    .put("StartingSequenceNumber", StreamRecord.sequenceText(shard.startingSequence()));
            if (shard.closed() && shard.endingSequence() >= shard.startingSequence()) {
                range0.put("EndingSequenceNumber", StreamRecord.sequenceText(shard.endingSequence()));
            }
        }
        return out;
    }

    public ObjectNode iterator(Request r) {
        Constraints.of(r).notNull("StreamArn").length("StreamArn", 37, 1024).notNull("ShardId")
                .length("ShardId", 28, 65).notNull("ShardIteratorType").oneOf("ShardIteratorType", ITERATOR_TYPES)
                .length("SequenceNumber", 21, 40).check();
        TableStream stream = stream(r.string("StreamArn"));
        Shard shard = shard(stream, r.string("ShardId"));
        String type = r.string("ShardIteratorType");
        long position;
        if (type.equals("TRIM_HORIZON")) {
            position = ShardIterator.TRIM_HORIZON;
        } else if (type.equals("LATEST")) {
            position = shard.newest() + 1;
        } else {
            long sequence = sequence(r.string("SequenceNumber"), type, shard);
            if (sequence < firstAvailable(shard)) {
                throw trimmed();
            }
            position = type.equals("AT_SEQUENCE_NUMBER") ? sequence : sequence + 1;
        }
        ObjectNode out = Request.object();
        out.put("ShardIterator", new ShardIterator(stream.arn(), shard.id(), position, engine.now()).text());
        return out;
    }

    public ObjectNode records(Request r) {
        Constraints.of(r).notNull("ShardIterator").length("ShardIterator", 1, 2048).atLeast("Limit", 1)
                .atMost("Limit", 1000).check();
        ShardIterator at = ShardIterator.parse(r.string("ShardIterator"));
        TableStream stream = stream(at.streamArn());
        if (!stream.shard().id().equals(at.shardId())) {
            throw DynamoDbError.resourceNotFound("Invalid ShardId in ShardIterator");
        }
        long now = engine.now();
        if (now - at.issuedMillis() > ITERATOR_LIFETIME_MILLIS) {
            throw new DynamoDbError("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                    + Instant.ofEpochMilli(at.issuedMillis()) + " while right now it is " + Instant.ofEpochMilli(now)
                    + " which is further in the future than the tolerated delay of " + ITERATOR_LIFETIME_MILLIS
                    + " milliseconds.");
        }
        Shard shard = stream.shard();
        long first = firstAvailable(shard);
        long position = at.position() == ShardIterator.TRIM_HORIZON ? first : at.position();
        if (position < first) {
            throw trimmed();
        }
        int limit = r.has("Limit") ? r.integer("Limit") : 1000;
        List<StreamRecord> records = shard.read(position, limit, PAGE_BYTES);
        ObjectNode out = Request.object();
        ArrayNode list = out.putArray("Records");
        for (StreamRecord record : records) {
            list.add(StreamRecordJson.write(record, stream.viewType()));
        }
        long next = records.isEmpty() ? position : records.get(records.size() - 1).sequence() + 1;
        if (!shard.closed() || next <= shard.endingSequence()) {
            out.put("NextShardIterator", new ShardIterator(stream.arn(), shard.id(), next, now).text());
        }
        return out;
    }

    private TableStream stream(String arn) {
        TableStream stream = store.stream(arn);
        if (stream == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return stream;
    }

    private static Shard shard(TableStream stream, String id) {
        if (!stream.shard().id().equals(id)) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Shard does not exist");
        }
        return stream.shard();
    }

    /** The first sequence number a reader can still get: the oldest kept, or the next to come when none is. */
    private static long firstAvailable(Shard shard) {
        long oldest = shard.oldestKept();
        return oldest >= 0 ? oldest : shard.newest() + 1;
    }

    private static long sequence(String text, String type, Shard shard) {
        if (text == null) {
            throw DynamoDbError.validation("Invalid SequenceNumber: a SequenceNumber is required for ShardIteratorType "
                    + type);
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 21
                || text.length() == 21 && text.compareTo(StreamRecord.sequenceText(Long.MAX_VALUE)) > 0) {
            throw DynamoDbError.validation("Invalid SequenceNumber: " + text);
        }
        long sequence = Long.parseLong(text);
        if (sequence < shard.startingSequence() || sequence > shard.newest()) {
            throw DynamoDbError.validation("Invalid SequenceNumber: " + text + " is not a record of shard "
                    + shard.id());
        }
        return sequence;
    }

    private static DynamoDbError trimmed() {
        return new DynamoDbError("TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard.");
    }
}
