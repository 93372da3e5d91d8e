package dev.dynagate.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An SDK client a test uses to set up and read back what the code under test works on (any keys, any region). */
public final class TestClients {
    private TestClients() {
    }

    public static DynamoDbClient dynamoDb(URI endpoint, Region region) {
        return DynamoDbClient.builder().httpClient(Apache5HttpClient.builder().build()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(endpoint).build();
    }
}
