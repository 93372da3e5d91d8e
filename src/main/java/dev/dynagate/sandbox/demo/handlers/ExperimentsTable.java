package dev.dynagate.sandbox.demo.handlers;

import dev.dynagate.sandbox.lambda.LambdaEnvironment;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The demo functions' DynamoDB client and table name, configured from the function's environment as on AWS:
 * {@code TABLE_NAME}, {@code AWS_REGION}, the credentials variables and {@code AWS_ENDPOINT_URL_DYNAMODB} (which the
 * sandbox sets to itself).
 */
final class ExperimentsTable implements AutoCloseable {
    final DynamoDbClient client;
    final String name;

    ExperimentsTable() {
        String region = env("AWS_REGION", "us-east-1");
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(Apache5HttpClient.builder().build())
                .region(Region.of(region));
        String endpoint = env("AWS_ENDPOINT_URL_DYNAMODB", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        String key = env("AWS_ACCESS_KEY_ID", null);
        if (key != null) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(key, env("AWS_SECRET_ACCESS_KEY", ""))));
        }
        this.client = builder.build();
        this.name = env("TABLE_NAME", "Experiments");
    }

    private static String env(String name, String fallback) {
        String value = LambdaEnvironment.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(String experimentId,
                                                                                           String sampleId) {
        return Map.of("experimentId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(experimentId),
                "sampleId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(sampleId));
    }

    @Override
    public void close() {
        client.close();
    }
}
