package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.testing.MotoServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The same writes against the sandbox and moto_server, for each stream view type, and the stream records each
 * answers, compared field by field. Left out of the comparison, because moto differs from DynamoDB there: a write
 * that changes nothing (DynamoDB documents no record for it; moto writes a MODIFY), eventVersion (moto "1.0", DynamoDB
 * "1.1"), and SizeBytes, ids, sequence numbers and times, which are each server's own.
 */
class StreamsAgainstMotoTest {
    @TempDir
    static Path temp;
    static Sandbox sandbox;
    static MotoServer moto;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        sandbox = Sandbox.start(SandboxOptions.of(0, temp.resolve("data")), line -> { });
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void everyViewTypeGivesTheSameRecordsAsMoto() {
        for (StreamViewType view : List.of(StreamViewType.NEW_AND_OLD_IMAGES, StreamViewType.NEW_IMAGE,
                StreamViewType.OLD_IMAGE, StreamViewType.KEYS_ONLY)) {
            List<String> ours = scenario(sandbox.endpoint(), "Ours" + view, view);
            List<String> theirs = scenario(moto.endpoint(), "Theirs" + view, view);
            assertThat(ours).as(view.toString()).hasSize(9).isEqualTo(theirs.stream()
                    .map(line -> line.replace("Theirs" + view, "Ours" + view)).toList());
        }
    }

    /** Writes to a new streaming table and answers its stream's description and records, one line each. */
    private static List<String> scenario(URI endpoint, String table, StreamViewType view) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (DynamoDbClient db = DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                .endpointOverride(endpoint).build();
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().region(Region.US_EAST_1)
                     .credentialsProvider(credentials).endpointOverride(endpoint).build()) {
            String arn = db.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                            k -> k.attributeName("sk").keyType(KeyType.RANGE))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)))
                    .tableDescription().latestStreamArn();
            write(db, table);
            StreamDescription described = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
            List<String> out = new ArrayList<>();
            out.add(described.tableName() + " " + described.streamStatusAsString() + " "
                    + described.streamViewTypeAsString() + " " + described.keySchema() + " "
                    + described.shards().size() + " shard " + arn.endsWith("/stream/" + described.streamLabel()));
            GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(streams.getShardIterator(i -> i
                    .streamArn(arn).shardId(described.shards().get(0).shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()));
            for (Record r : page.records()) {
                out.add(r.eventNameAsString() + " " + r.eventSource() + " " + r.awsRegion() + " "
                        + r.dynamodb().streamViewTypeAsString() + " keys " + sorted(r.dynamodb().keys())
                        + " new " + sorted(r.dynamodb().newImage()) + " old " + sorted(r.dynamodb().oldImage()));
            }
            out.add("next iterator " + (page.nextShardIterator() != null));
            return out;
        }
    }

    private static void write(DynamoDbClient db, String table) {
        db.putItem(b -> b.tableName(table).item(item("a", "1", Map.of("v", AttributeValue.fromN("1"),
                "tags", AttributeValue.fromSs(List.of("x"))))));
        db.updateItem(b -> b.tableName(table).key(item("a", "1", Map.of())).updateExpression("SET v = v + :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        db.putItem(b -> b.tableName(table).item(item("a", "1", Map.of("w", AttributeValue.fromS("replaced")))));
        db.deleteItem(b -> b.tableName(table).key(item("a", "1", Map.of())));
        db.deleteItem(b -> b.tableName(table).key(item("missing", "1", Map.of())));
        db.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("b", "1", Map.of()))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("b", "2", Map.of()))).build()))));
        db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(u -> u.tableName(table).key(item("b", "1", Map.of()))
                        .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n",
                                AttributeValue.fromS("t")))).build()));
    }

    private static Map<String, AttributeValue> item(String pk, String sk, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new TreeMap<>(more);
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromN(sk));
        return item;
    }

    private static String sorted(Map<String, AttributeValue> values) {
        return new TreeMap<>(values).toString();
    }
}
