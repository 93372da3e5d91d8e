package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.n;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams through the unmodified SDK's streams client, on the same port as the tables. */
class StreamsTest extends EngineTest {
    private DynamoDbStreamsClient streams;

    @BeforeEach
    void streamsClient() {
        streams = DynamoDbStreamsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(engine.sandbox.endpoint()).build();
    }

    @AfterEach
    void closeStreams() {
        streams.close();
    }

    private String createStreaming(String table, StreamViewType view) {
        return engine.client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(EngineFixture.def("pk", ScalarAttributeType.S),
                                EngineFixture.def("sk", ScalarAttributeType.N))
                        .keySchema(EngineFixture.key("pk", KeyType.HASH), EngineFixture.key("sk", KeyType.RANGE))
                        .streamSpecification(sp -> sp.streamEnabled(true).streamViewType(view)))
                .tableDescription().latestStreamArn();
    }

    private void put(String table, String pk, int sk, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(more);
        item.put("pk", s(pk));
        item.put("sk", n(Integer.toString(sk)));
        engine.client.putItem(b -> b.tableName(table).item(item));
    }

    private String shardOf(String arn) {
        return streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
    }

    private String iterator(String arn, ShardIteratorType type, String sequence) {
        return streams.getShardIterator(b -> b.streamArn(arn).shardId(shardOf(arn)).shardIteratorType(type)
                .sequenceNumber(sequence)).shardIterator();
    }

    /** Every record from the iterator on, following NextShardIterator until a page comes back empty or the end. */
    private List<Record> readAll(String iterator) {
        List<Record> out = new ArrayList<>();
        String next = iterator;
        while (next != null) {
            String at = next;
            GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(at));
            out.addAll(page.records());
            next = page.records().isEmpty() ? null : page.nextShardIterator();
        }
        return out;
    }

    @Test
    void everyChangeIsARecordWithTheImagesTheViewTypeAsksFor() {
        String arn = createStreaming("Orders", StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(arn).startsWith("arn:aws:dynamodb:").contains(":table/Orders/stream/");
        String grant = "12345678901234567890123456789012345678";
        put("Orders", "o-1", 1, Map.of("total", n(grant), "tags", AttributeValue.fromSs(List.of("b", "a")),
                "blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 7}))));
        engine.client.updateItem(b -> b.tableName("Orders").key(Map.of("pk", s("o-1"), "sk", n("1")))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("paid"))));
        // a write that changes nothing is not a change: no record
        engine.client.updateItem(b -> b.tableName("Orders").key(Map.of("pk", s("o-1"), "sk", n("1")))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("paid"))));
        engine.client.deleteItem(b -> b.tableName("Orders").key(Map.of("pk", s("o-1"), "sk", n("1"))));
        engine.client.deleteItem(b -> b.tableName("Orders").key(Map.of("pk", s("none"), "sk", n("1"))));

        List<Record> records = readAll(iterator(arn, ShardIteratorType.TRIM_HORIZON, null));

        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record insert = records.get(0);
        assertThat(insert.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(insert.eventVersion()).isEqualTo("1.1");
        assertThat(insert.awsRegion()).isNotBlank();
        assertThat(insert.eventID()).matches("[0-9a-f]{32}");
        assertThat(insert.userIdentity()).isNull();
        assertThat(insert.dynamodb().keys()).isEqualTo(Map.of("pk", s("o-1"), "sk", n("1")));
        assertThat(insert.dynamodb().oldImage()).isEmpty();
        assertThat(insert.dynamodb().newImage().get("total").n()).isEqualTo(grant);
        assertThat(insert.dynamodb().newImage().get("tags").ss()).containsExactlyInAnyOrder("a", "b");
        assertThat(insert.dynamodb().newImage().get("blob").b().asByteArray()).containsExactly(0, -1, 7);
        assertThat(insert.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(insert.dynamodb().sizeBytes()).isPositive();
        assertThat(insert.dynamodb().approximateCreationDateTime())
                .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(1));
        Record modify = records.get(1);
        assertThat(modify.dynamodb().oldImage()).doesNotContainKey("status");
        assertThat(modify.dynamodb().newImage().get("status").s()).isEqualTo("paid");
        Record remove = records.get(2);
        assertThat(remove.dynamodb().newImage()).isEmpty();
        assertThat(remove.dynamodb().oldImage().get("status").s()).isEqualTo("paid");
        List<BigInteger> sequences = records.stream().map(r -> new BigInteger(r.dynamodb().sequenceNumber())).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void keysOnlyAndNewImageStreamsKeepOnlyWhatTheyAskFor() {
        String keysOnly = createStreaming("KeysOnly", StreamViewType.KEYS_ONLY);
        String newOnly = createStreaming("NewOnly", StreamViewType.NEW_IMAGE);
        put("KeysOnly", "a", 1, Map.of("big", s("x".repeat(1000))));
        put("NewOnly", "a", 1, Map.of("v", n("1")));
        put("NewOnly", "a", 1, Map.of("v", n("2")));

        Record key = readAll(iterator(keysOnly, ShardIteratorType.TRIM_HORIZON, null)).get(0);
        assertThat(key.dynamodb().keys()).containsOnlyKeys("pk", "sk");
        assertThat(key.dynamodb().newImage()).isEmpty();
        assertThat(key.dynamodb().sizeBytes()).isLessThan(100);
        List<Record> changes = readAll(iterator(newOnly, ShardIteratorType.TRIM_HORIZON, null));
        assertThat(changes).extracting(r -> r.dynamodb().newImage().get("v").n()).containsExactly("1", "2");
        assertThat(changes.get(1).dynamodb().oldImage()).isEmpty();
    }

    @Test
    void iteratorsStartWhereAskedAndPageByLimit() {
        String arn = createStreaming("Paged", StreamViewType.NEW_IMAGE);
        for (int i = 1; i <= 5; i++) {
            put("Paged", "p", i, Map.of());
        }
        String latest = iterator(arn, ShardIteratorType.LATEST, null);
        List<Record> all = readAll(iterator(arn, ShardIteratorType.TRIM_HORIZON, null));
        assertThat(all).hasSize(5);
        String third = all.get(2).dynamodb().sequenceNumber();
        assertThat(readAll(iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, third)))
                .extracting(r -> r.dynamodb().keys().get("sk").n()).containsExactly("3", "4", "5");
        assertThat(readAll(iterator(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, third)))
                .extracting(r -> r.dynamodb().keys().get("sk").n()).containsExactly("4", "5");

        GetRecordsResponse two = streams.getRecords(b -> b.shardIterator(iterator(arn,
                ShardIteratorType.TRIM_HORIZON, null)).limit(2));
        assertThat(two.records()).hasSize(2);
        GetRecordsResponse rest = streams.getRecords(b -> b.shardIterator(two.nextShardIterator()));
        assertThat(rest.records()).extracting(r -> r.dynamodb().keys().get("sk").n()).containsExactly("3", "4", "5");

        // LATEST was taken before nothing more was written: it sees only what comes after it
        GetRecordsResponse none = streams.getRecords(b -> b.shardIterator(latest));
        assertThat(none.records()).isEmpty();
        assertThat(none.nextShardIterator()).isNotNull();
        put("Paged", "p", 6, Map.of());
        assertThat(readAll(none.nextShardIterator())).extracting(r -> r.dynamodb().keys().get("sk").n())
                .containsExactly("6");
    }

    @Test
    void batchesAndTransactionsGiveARecordPerItemAndFailedConditionsNone() {
        String arn = createStreaming("Moves", StreamViewType.NEW_IMAGE);
        engine.client.batchWriteItem(b -> b.requestItems(Map.of("Moves", List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(
                        Map.of("pk", s("b"), "sk", n("1")))).build(),
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(
                        Map.of("pk", s("b"), "sk", n("2")))).build()))));
        engine.client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("Moves")
                        .item(Map.of("pk", s("t"), "sk", n("1"))).build()).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("Moves")
                        .key(Map.of("pk", s("b"), "sk", n("1")))).build()));
        assertThatThrownBy(() -> engine.client.putItem(b -> b.tableName("Moves")
                .item(Map.of("pk", s("t"), "sk", n("1"), "x", n("1"))).conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(readAll(iterator(arn, ShardIteratorType.TRIM_HORIZON, null)))
                .extracting(r -> r.eventName() + " " + r.dynamodb().keys().get("pk").s() + r.dynamodb().keys()
                        .get("sk").n())
                .containsExactly("INSERT b1", "INSERT b2", "INSERT t1", "REMOVE b1");
    }

    @Test
    void aStreamIsListedDescribedAndClosedWhenDisabled() {
        String first = createStreaming("Lifecycle", StreamViewType.KEYS_ONLY);
        engine.createTable("Plain", null);
        put("Lifecycle", "a", 1, Map.of());
        assertThat(streams.listStreams().streams()).singleElement()
                .satisfies(st -> {
                    assertThat(st.streamArn()).isEqualTo(first);
                    assertThat(st.tableName()).isEqualTo("Lifecycle");
                    assertThat(first).endsWith("/stream/" + st.streamLabel());
                });
        StreamDescription described = streams.describeStream(b -> b.streamArn(first)).streamDescription();
        assertThat(described.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(described.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                .containsExactly("pk HASH", "sk RANGE");
        assertThat(described.tableName()).isEqualTo("Lifecycle");
        assertThat(described.shards()).singleElement()
                .satisfies(sh -> assertThat(sh.sequenceNumberRange().endingSequenceNumber()).isNull());
        String open = iterator(first, ShardIteratorType.TRIM_HORIZON, null);

        engine.client.updateTable(b -> b.tableName("Lifecycle").streamSpecification(sp -> sp.streamEnabled(false)));
        put("Lifecycle", "a", 2, Map.of());

        StreamDescription closed = streams.describeStream(b -> b.streamArn(first)).streamDescription();
        assertThat(closed.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(closed.shards().get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        GetRecordsResponse last = streams.getRecords(b -> b.shardIterator(open));
        assertThat(last.records()).hasSize(1);
        assertThat(last.nextShardIterator()).as("a closed shard read to its end has no next iterator").isNull();

        String second = engine.client.updateTable(b -> b.tableName("Lifecycle").streamSpecification(sp -> sp
                .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))).tableDescription().latestStreamArn();
        assertThat(second).isNotEqualTo(first);
        assertThat(streams.listStreams(b -> b.tableName("Lifecycle")).streams()).hasSize(2);
        assertThat(streams.listStreams(b -> b.limit(1)).lastEvaluatedStreamArn()).isNotNull();
        assertThat(streams.listStreams(b -> b.tableName("Plain")).streams()).isEmpty();
    }

    @Test
    void timeToLiveDeletesNameTheServiceAsTheirAuthor() throws Exception {
        String arn = createStreaming("Expiring", StreamViewType.OLD_IMAGE);
        engine.client.updateTimeToLive(b -> b.tableName("Expiring")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        put("Expiring", "a", 1, Map.of("expires", n(Long.toString(System.currentTimeMillis() / 1000 - 10))));
        String from = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
        long deadline = System.currentTimeMillis() + 10_000;
        List<Record> records = readAll(from);
        while (records.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            records = readAll(from);
        }
        assertThat(records).hasSize(2);
        Record expired = records.get(1);
        assertThat(expired.eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(expired.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(expired.userIdentity().type()).isEqualTo("Service");
        assertThat(expired.dynamodb().oldImage()).containsKey("expires");
    }

    @Test
    void aRestartStartsTheStreamOnANewShard() throws Exception {
        String arn = createStreaming("Durable", StreamViewType.KEYS_ONLY);
        put("Durable", "a", 1, Map.of());
        String before = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
        String oldShard = shardOf(arn);
        streams.close();
        engine = engine.restart();
        streamsClient();

        assertThat(shardOf(arn)).isNotEqualTo(oldShard);
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(before)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Invalid ShardId in ShardIterator");
        put("Durable", "a", 2, Map.of());
        assertThat(readAll(iterator(arn, ShardIteratorType.TRIM_HORIZON, null))).hasSize(1);
    }

    @Test
    void mistakesAreAnsweredAsDynamoDbStreamsDoes() throws Exception {
        String arn = createStreaming("Errors", StreamViewType.KEYS_ONLY);
        String missing = arn.replace("Errors", "Nothing");
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(missing)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found: Stream: " + missing + " not found");
        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId("shardId-00000000000000000000-0000").shardIteratorType(ShardIteratorType.LATEST)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found: Shard does not exist");
        assertThatThrownBy(() -> streams.listStreams(b -> b.tableName("Nothing")))
                .isInstanceOf(ResourceNotFoundException.class);
        put("Errors", "a", 1, Map.of());
        String sequence = readAll(iterator(arn, ShardIteratorType.TRIM_HORIZON, null)).get(0).dynamodb()
                .sequenceNumber();
        String beforeIt = String.format("%021d", new BigInteger(sequence).longValueExact() - 1);
        assertThatThrownBy(() -> iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, beforeIt))
                .hasMessageContaining("Invalid SequenceNumber");

        assertThat(error("DynamoDBStreams_20120810.GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\""
                + shardOf(arn) + "\",\"ShardIteratorType\":\"AT_SEQUENCE_NUMBER\"}"))
                .startsWith("ValidationException: Invalid SequenceNumber");
        assertThat(error("DynamoDBStreams_20120810.GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\""
                + shardOf(arn) + "\",\"ShardIteratorType\":\"OLDEST\"}"))
                .isEqualTo("ValidationException: 1 validation error detected: Value 'OLDEST' at 'shardIteratorType' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, "
                        + "AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
        assertThat(error("DynamoDBStreams_20120810.GetRecords", "{\"ShardIterator\":\"garbage\"}"))
                .startsWith("ValidationException: Invalid ShardIterator");
        assertThat(error("DynamoDBStreams_20120810.GetRecords", "{}")).isEqualTo("ValidationException: 1 validation "
                + "error detected: Value null at 'shardIterator' failed to satisfy constraint: Member must not be "
                + "null");
        assertThat(error("DynamoDBStreams_20120810.DescribeStream", "{\"StreamArn\":\"" + arn + "\",\"Limit\":0}"))
                .contains("Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than "
                        + "or equal to 1");
        assertThat(engine.raw("DynamoDBStreams_20120810.PutRecord", "{}")).contains("UnknownOperationException");
    }
}
