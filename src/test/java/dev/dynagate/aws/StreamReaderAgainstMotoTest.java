package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.tables.Attr;
import dev.dynagate.tables.StreamReader;
import dev.dynagate.testing.MotoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The Stream tab's reader through the app's client factory against a third-party server (moto_server). */
class StreamReaderAgainstMotoTest {
    static MotoServer moto;

    @TempDir
    static Path home;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void aTailSeesTheChangesMadeAfterItAndTheOldestReaderSeesThemAll() throws Exception {
        Connection connection = Connection.endpoint("moto", moto.endpoint(), "eu-west-1");
        try (AwsClientFactory factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home),
                () -> null, new SessionSecrets())) {
            DynamoDbClient client = factory.dynamoDb(connection);
            client.createTable(b -> b.tableName("Watched").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                            k -> k.attributeName("sk").keyType(KeyType.RANGE))
                    .streamSpecification(s -> s.streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            client.createTable(b -> b.tableName("Unwatched").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            StreamReader reader = new AwsServices(factory).tablesFeature().streams(connection);
            put(client, "before", "1");
            StreamReader.Tail fromNow = reader.open("Watched", false);
            assertThat(fromNow.viewType()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(fromNow.streamArn()).contains("table/Watched/stream/");

            put(client, "a", "1");
            put(client, "a", "2");
            client.deleteItem(b -> b.tableName("Watched").key(Map.of("pk", AttributeValue.fromS("a"),
                    "sk", AttributeValue.fromN("1"))));
            List<StreamReader.Change> changes = new ArrayList<>(fromNow.poll());
            changes.addAll(fromNow.poll());

            assertThat(changes).extracting(StreamReader.Change::event).containsExactly("INSERT", "INSERT", "REMOVE");
            assertThat(changes.get(0).keys().keySet()).as("partition key first").containsExactly("pk", "sk");
            assertThat(changes.get(0).newImage()).containsEntry("v", new Attr.S("x"));
            assertThat(changes.get(2).oldImage()).containsEntry("pk", new Attr.S("a"));
            assertThat(fromNow.poll()).isEmpty();
            assertThat(reader.open("Watched", true).poll()).as("from the oldest: the change before the tail too")
                    .hasSize(4);
            assertThat(reader.open("Unwatched", false)).as("a table without a stream").isNull();
        }
    }

    private static void put(DynamoDbClient client, String pk, String sk) {
        client.putItem(b -> b.tableName("Watched").item(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromN(sk), "v", AttributeValue.fromS("x"))));
    }
}
