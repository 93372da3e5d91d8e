package dev.dynagate.sandbox.dynamodb;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxComponent;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A sandbox running only the DynamoDB engine on a free port, and an unmodified SDK client pointed at it. */
final class EngineFixture implements AutoCloseable {
    final Path data;
    final Sandbox sandbox;
    final DynamoDbClient client;

    private EngineFixture(Path data, Sandbox sandbox) {
        this.data = data;
        this.sandbox = sandbox;
        this.client = client(sandbox);
    }

    static EngineFixture start(Path data) throws Exception {
        return start(data, Duration.ZERO);
    }

    static EngineFixture start(Path data, Duration statusDelay) throws Exception {
        SandboxOptions options = new SandboxOptions(0, data, false, null, statusDelay, null, false);
        List<Function<SandboxContext, SandboxComponent>> components = List.of(DynamoDbComponent::new);
        return new EngineFixture(data, Sandbox.start(options, line -> { }, components));
    }

    static DynamoDbClient client(Sandbox sandbox) {
        return DynamoDbClient.builder()
                .httpClient(Apache5HttpClient.builder().maxConnections(64).build())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(sandbox.endpoint())
                .build();
    }

    EngineFixture restart() throws Exception {
        close();
        return start(data);
    }

    /** A PAY_PER_REQUEST table with a string partition key {@code pk} and, if given, a sort key {@code sk} of that type. */
    void createTable(String name, ScalarAttributeType sortType) {
        CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
        if (sortType == null) {
            b.attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
        } else {
            b.attributeDefinitions(
                            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(sortType).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
        }
        client.createTable(b.build());
    }

    /**
     * Sends a request body as written, for requests the SDK would refuse to build, and answers the response body
     * (an error's {@code __type} and {@code message}, or the result).
     */
    String raw(String operation, String json) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sandbox.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                // an operation of another service comes with its prefix: DynamoDBStreams_20120810.GetRecords
                .header("X-Amz-Target", operation.contains(".") ? operation : "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=00")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        return java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeDefinition def(String name,
            software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType type) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder().attributeName(name)
                .attributeType(type).build();
    }

    static software.amazon.awssdk.services.dynamodb.model.KeySchemaElement key(String name,
            software.amazon.awssdk.services.dynamodb.model.KeyType type) {
        return software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder().attributeName(name)
                .keyType(type).build();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }
}
