package dev.dynagate.aws;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.StreamReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's stream over the SDK: every shard is read, new shards are found when one closes (DynamoDB rolls them over
 * every few hours and splits them under load), and each poll's records come back in the order they were written.
 */
final class DynamoDbStreamReader implements StreamReader {
    /**
     * By time, then by sequence number (decimal digits: the longer is the later, then by text). A record a peer sends
     * without either goes first rather than failing the whole poll.
     */
    private static final Comparator<Record> WRITTEN_ORDER = Comparator
            .comparing((Record r) -> r.dynamodb().approximateCreationDateTime(),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.dynamodb().sequenceNumber(), Comparator.nullsFirst(
                    Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));

    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;

    DynamoDbStreamReader(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
    }

    @Override
    public Tail open(String table, boolean fromOldest) {
        TableDescription described = dynamoDb.describeTable(b -> b.tableName(table)).table();
        if (described.streamSpecification() == null || !Boolean.TRUE.equals(
                described.streamSpecification().streamEnabled()) || described.latestStreamArn() == null) {
            return null;
        }
        ShardTail tail = new ShardTail(described.latestStreamArn(),
                described.streamSpecification().streamViewTypeAsString(),
                described.keySchema().stream().map(k -> k.attributeName()).toList());
        tail.discover(fromOldest ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.LATEST);
        return tail;
    }

    @Override
    public void turnOn(String table, String viewType) {
        dynamoDb.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(viewType)));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    private final class ShardTail implements Tail {
        private final String arn;
        private final String viewType;
        /** The next iterator of each shard being read. */
        private final Map<String, String> iterators = new LinkedHashMap<>();
        /** Shards read to their end, or left behind when the tail started from now. */
        private final Set<String> done = new HashSet<>();
        private final List<String> keyNames;
        private boolean rediscover;

        ShardTail(String arn, String viewType, List<String> keyNames) {
            this.arn = arn;
            this.viewType = viewType;
            this.keyNames = keyNames;
        }

        @Override
        public String streamArn() {
            return arn;
        }

        @Override
        public String viewType() {
            return viewType;
        }

        /** Starts every shard not yet known: closed ones only when reading from the oldest record. */
        void discover(ShardIteratorType start) {
            String after = null;
            do {
                String from = after;
                StreamDescription description = streams.describeStream(b -> b.streamArn(arn)
                        .exclusiveStartShardId(from)).streamDescription();
                for (Shard shard : description.shards()) {
                    String id = shard.shardId();
                    if (iterators.containsKey(id) || done.contains(id)) {
                        continue;
                    }
                    boolean closed = shard.sequenceNumberRange() != null
                            && shard.sequenceNumberRange().endingSequenceNumber() != null;
                    if (start == ShardIteratorType.LATEST && closed) {
                        done.add(id);
                        continue;
                    }
                    iterators.put(id, streams.getShardIterator(b -> b.streamArn(arn).shardId(id)
                            .shardIteratorType(start)).shardIterator());
                }
                after = description.lastEvaluatedShardId();
            } while (after != null);
        }

        @Override
        public List<Change> poll() {
            if (rediscover) {
                rediscover = false;
                // a shard that appears after the tail started holds only what came since: read it whole
                discover(ShardIteratorType.TRIM_HORIZON);
            }
            List<Record> records = new ArrayList<>();
            for (Map.Entry<String, String> entry : List.copyOf(iterators.entrySet())) {
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(entry.getValue()));
                records.addAll(page.records());
                if (page.nextShardIterator() == null) {
                    iterators.remove(entry.getKey());
                    done.add(entry.getKey());
                    rediscover = true;
                } else {
                    iterators.put(entry.getKey(), page.nextShardIterator());
                }
            }
            records.sort(WRITTEN_ORDER);
            return records.stream().map(r -> change(r, keyNames)).toList();
        }
    }

    private static Change change(Record record, List<String> keyNames) {
        var d = record.dynamodb();
        return new Change(record.eventNameAsString(), d.approximateCreationDateTime(), d.sequenceNumber(),
                attrs(d.keys(), keyNames), attrs(d.oldImage(), keyNames), attrs(d.newImage(), keyNames),
                record.userIdentity() != null && "Service".equals(record.userIdentity().type()));
    }

    /** The key attributes first, partition key before sort key, then the others by name. */
    private static Map<String, Attr> attrs(Map<String, AttributeValue> values, List<String> keyNames) {
        Map<String, Attr> out = new LinkedHashMap<>();
        keyNames.stream().filter(values::containsKey)
                .forEach(name -> out.put(name, AttributeValues.fromSdk(values.get(name))));
        values.keySet().stream().filter(name -> !out.containsKey(name)).sorted()
                .forEach(name -> out.put(name, AttributeValues.fromSdk(values.get(name))));
        return out;
    }
}
