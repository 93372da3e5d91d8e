package dev.dynagate.sandbox.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.SandboxContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates a template's {@code AWS::DynamoDB::Table} resources through the sandbox's DynamoDB endpoint. */
final class TemplateTables {
    private final SandboxContext context;

    TemplateTables(SandboxContext context) {
        this.context = context;
    }

    /** Creates the table unless it exists; returns its name. */
    String create(String logicalId, JsonNode properties, List<String> report, Path file) {
        String name = properties.hasNonNull("TableName") ? SamTemplate.plain(properties.get("TableName")) : logicalId;
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(attributes(properties.path("AttributeDefinitions")))
                .keySchema(keys(properties.path("KeySchema")));
        String billing = properties.path("BillingMode").asText("PROVISIONED");
        if (billing.equals("PAY_PER_REQUEST")) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            JsonNode throughput = properties.path("ProvisionedThroughput");
            request.provisionedThroughput(t -> t.readCapacityUnits(throughput.path("ReadCapacityUnits").asLong(5))
                    .writeCapacityUnits(throughput.path("WriteCapacityUnits").asLong(5)));
        }
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
            GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                    .indexName(index.path("IndexName").asText()).keySchema(keys(index.path("KeySchema")))
                    .projection(projection(index.path("Projection")));
            if (!billing.equals("PAY_PER_REQUEST")) {
                gsi.provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L));
            }
            globals.add(gsi.build());
        }
        if (!globals.isEmpty()) {
            request.globalSecondaryIndexes(globals);
        }
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        for (JsonNode index : properties.path("LocalSecondaryIndexes")) {
            locals.add(LocalSecondaryIndex.builder().indexName(index.path("IndexName").asText())
                    .keySchema(keys(index.path("KeySchema"))).projection(projection(index.path("Projection"))).build());
        }
        if (!locals.isEmpty()) {
            request.localSecondaryIndexes(locals);
        }
        String streamView = SamTemplate.plain(properties.path("StreamSpecification").get("StreamViewType"));
        if (streamView != null) {
            request.streamSpecification(s -> s.streamEnabled(true).streamViewType(streamView));
        }
        try (SdkHttpClient http = Apache5HttpClient.builder().build();
             DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(http).region(Region.of(SandboxContext.REGION))
                     .endpointOverride(context.endpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sam", "sam")))
                     .build()) {
            dynamo.createTable(request.build());
            report.add(file + ": table " + name);
        } catch (ResourceInUseException e) {
            report.add(file + ": table " + name + " exists; kept");
        }
        return name;
    }

    private static List<AttributeDefinition> attributes(JsonNode definitions) {
        List<AttributeDefinition> list = new ArrayList<>();
        definitions.forEach(d -> list.add(AttributeDefinition.builder().attributeName(d.path("AttributeName").asText())
                .attributeType(d.path("AttributeType").asText()).build()));
        return list;
    }

    private static List<KeySchemaElement> keys(JsonNode schema) {
        List<KeySchemaElement> list = new ArrayList<>();
        schema.forEach(k -> list.add(KeySchemaElement.builder().attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText()).build()));
        return list;
    }

    private static Projection projection(JsonNode projection) {
        Projection.Builder builder = Projection.builder().projectionType(projection.path("ProjectionType").asText("ALL"));
        if (projection.has("NonKeyAttributes")) {
            List<String> attributes = new ArrayList<>();
            projection.get("NonKeyAttributes").forEach(a -> attributes.add(a.asText()));
            builder.nonKeyAttributes(attributes);
        }
        return builder.build();
    }
}
