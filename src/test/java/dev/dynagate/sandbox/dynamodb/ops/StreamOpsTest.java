package dev.dynagate.sandbox.dynamodb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.storage.Database;
import dev.dynagate.sandbox.dynamodb.streams.StreamStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What depends on time: iterators that expire after 15 minutes, records trimmed after 24 hours. */
class StreamOpsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-27T10:00:00Z"));
    private ItemOps items;
    private StreamOps streams;
    private String arn;

    @BeforeEach
    void streamingTable() throws Exception {
        streamingTable(StreamStore.BYTE_BUDGET);
    }

    /** A fresh in-memory engine with one table whose stream keeps new images, at most {@code budget} bytes. */
    private void streamingTable(long budget) throws Exception {
        Database database = Database.inMemory();
        Engine engine = new Engine(database, Duration.ZERO, clock);
        StreamStore store = new StreamStore(engine::now, Engine::tableArn, budget);
        database.listen(store);
        items = new ItemOps(engine);
        streams = new StreamOps(engine, store);
        arn = new TableOps(engine).create(request("{\"TableName\":\"Tbl\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_IMAGE\"}}"))
                .get("TableDescription").get("LatestStreamArn").asText();
    }

    private static Request request(String json) throws Exception {
        return new Request(JSON.readTree(json));
    }

    private void put(String pk) throws Exception {
        items.put(request("{\"TableName\":\"Tbl\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"}}}"));
    }

    private String shard() throws Exception {
        return streams.describe(request("{\"StreamArn\":\"" + arn + "\"}")).get("StreamDescription")
                .get("Shards").get(0).get("ShardId").asText();
    }

    private String iterator(String type) throws Exception {
        return streams.iterator(request("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shard()
                + "\",\"ShardIteratorType\":\"" + type + "\"}")).get("ShardIterator").asText();
    }

    private ObjectNode read(String iterator) throws Exception {
        return streams.records(request("{\"ShardIterator\":\"" + iterator + "\"}"));
    }

    private static List<String> keys(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("Records").forEach(r -> out.add(r.get("dynamodb").get("Keys").get("pk").get("S").asText()));
        return out;
    }

    @Test
    void anIteratorExpiresAfterFifteenMinutesButTheOneAfterItIsNew() throws Exception {
        put("a");
        String iterator = iterator("TRIM_HORIZON");
        clock.advance(Duration.ofMinutes(14));
        ObjectNode page = read(iterator);
        assertThat(keys(page)).containsExactly("a");
        String next = page.get("NextShardIterator").asText();
        clock.advance(Duration.ofMinutes(14));
        assertThat(keys(read(next))).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> read(iterator)).isInstanceOfSatisfying(DynamoDbError.class, e -> {
            assertThat(e.code()).isEqualTo("ExpiredIteratorException");
            assertThat(e.getMessage()).startsWith("Iterator expired. The iterator was created at time "
                    + "2026-11-27T10:00:00Z while right now it is 2026-11-27T10:30:00Z");
        });
    }

    @Test
    void recordsOlderThanADayAreTrimmedAndAnIteratorIntoThemIsRefused() throws Exception {
        put("old");
        String atOld = iterator("TRIM_HORIZON");
        String oldSequence = read(atOld).get("Records").get(0).get("dynamodb").get("SequenceNumber").asText();
        clock.advance(Duration.ofHours(23));
        put("recent");
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        // a fresh iterator on the oldest record kept starts after the trimmed one
        assertThat(keys(read(iterator("TRIM_HORIZON")))).containsExactly("recent");
        assertThatThrownBy(() -> streams.iterator(request("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shard()
                + "\",\"ShardIteratorType\":\"AT_SEQUENCE_NUMBER\",\"SequenceNumber\":\"" + oldSequence + "\"}")))
                .isInstanceOfSatisfying(DynamoDbError.class,
                        e -> assertThat(e.code()).isEqualTo("TrimmedDataAccessException"));
    }

    @Test
    void anIteratorWhoseRecordsWereTrimmedMeanwhileIsRefused() throws Exception {
        // room for about two records of this size: the third write trims the first
        streamingTable(2 * 1100);
        String big = "x".repeat(1000);
        items.put(request("{\"TableName\":\"Tbl\",\"Item\":{\"pk\":{\"S\":\"a\"},\"v\":{\"S\":\"" + big + "\"}}}"));
        String atFirst = iterator("TRIM_HORIZON");
        ObjectNode first = read(atFirst);
        assertThat(keys(first)).containsExactly("a");
        String fromStart = streams.iterator(request("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\""
                + shard() + "\",\"ShardIteratorType\":\"AT_SEQUENCE_NUMBER\",\"SequenceNumber\":\""
                + first.get("Records").get(0).get("dynamodb").get("SequenceNumber").asText() + "\"}"))
                .get("ShardIterator").asText();
        for (String pk : List.of("b", "c")) {
            items.put(request("{\"TableName\":\"Tbl\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},\"v\":{\"S\":\""
                    + big + "\"}}}"));
        }
        assertThatThrownBy(() -> read(fromStart)).isInstanceOfSatisfying(DynamoDbError.class, e -> {
            assertThat(e.code()).isEqualTo("TrimmedDataAccessException");
            assertThat(e.getMessage()).isEqualTo("The operation attempted to read past the oldest stream record in a "
                    + "shard.");
        });
        assertThat(keys(read(atFirst))).as("TRIM_HORIZON means the oldest record kept").containsExactly("b", "c");
    }

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long millis() {
            return now.toEpochMilli();
        }
    }
}
