package dev.dynagate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.sandbox.dynamodb.DynamoDbComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class InMemorySandboxTest {

    private static DynamoDbClient client(Sandbox sandbox) {
        return DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(sandbox.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName("Scratch").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    @Test
    void servesEveryComponentAndKeepsNothingAfterItStops() throws Exception {
        Path folder;
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.inMemoryOn(0), line -> { });
             DynamoDbClient client = client(sandbox)) {
            folder = sandbox.context().dataDir();
            createTable(client);
            client.putItem(b -> b.tableName("Scratch").item(Map.of("pk", AttributeValue.fromS("a"),
                    "n", AttributeValue.fromN("12345678901234567890123456789012345678"))));
            assertThat(client.getItem(b -> b.tableName("Scratch").key(Map.of("pk", AttributeValue.fromS("a"))))
                    .item().get("n").n()).isEqualTo("12345678901234567890123456789012345678");
            // conditions hold in memory as on disk
            assertThatThrownBy(() -> client.putItem(b -> b.tableName("Scratch")
                    .item(Map.of("pk", AttributeValue.fromS("a"))).conditionExpression("attribute_not_exists(pk)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);
            assertThat(sandbox.component(DynamoDbComponent.class).database().isInMemory()).isTrue();
            try (var files = Files.walk(folder)) {
                assertThat(files.filter(p -> p.toString().contains("dynamodb"))).isEmpty();
            }
        }
        assertThat(folder).doesNotExist();

        try (Sandbox again = Sandbox.start(SandboxOptions.inMemoryOn(0), line -> { });
             DynamoDbClient client = client(again)) {
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }
}
