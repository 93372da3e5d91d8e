package dev.dynagate.sandbox.demo;

import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.apigateway.ApiDefinitions;
import dev.dynagate.sandbox.demo.handlers.CreateSampleHandler;
import dev.dynagate.sandbox.demo.handlers.DeleteSampleHandler;
import dev.dynagate.sandbox.demo.handlers.ExperimentsProxyHandler;
import dev.dynagate.sandbox.demo.handlers.GetExperimentHandler;
import dev.dynagate.sandbox.demo.handlers.GetSampleHandler;
import dev.dynagate.sandbox.demo.handlers.ListExperimentsHandler;
import dev.dynagate.sandbox.demo.handlers.ListSamplesHandler;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The demo backend a newcomer sees first: the {@code Experiments} table with skewed sample data, its Lambda
 * functions, the {@code experiments-api} HTTP API (one route per function) and the {@code experiments-proxy} REST
 * API (one proxy route, one function). Applying it again adds only what is missing.
 */
public final class DemoBackend {
    public static final String TABLE = "Experiments";
    public static final String HTTP_API = "experiments-api";
    public static final String REST_API = "experiments-proxy";
    public static final String REST_STAGE = "dev";
    public static final String PROXY_FUNCTION = "experiments-proxy-router";

    /** Route key → function name → handler class, for the one-function-per-route API. */
    static final List<String[]> ROUTES = List.of(
            new String[] {"GET /experiments", "experiments-list", ListExperimentsHandler.class.getName()},
            new String[] {"GET /experiments/{experimentId}", "experiments-get", GetExperimentHandler.class.getName()},
            new String[] {"GET /experiments/{experimentId}/samples", "samples-list", ListSamplesHandler.class.getName()},
            new String[] {"POST /experiments/{experimentId}/samples", "samples-create", CreateSampleHandler.class.getName()},
            new String[] {"GET /experiments/{experimentId}/samples/{sampleId}", "samples-get", GetSampleHandler.class.getName()},
            new String[] {"DELETE /experiments/{experimentId}/samples/{sampleId}", "samples-delete",
                    DeleteSampleHandler.class.getName()});

    private final SandboxContext context;
    private final LambdaRuntime lambda;
    private final ApiDefinitions apis;

    public DemoBackend(SandboxContext context, LambdaRuntime lambda, ApiDefinitions apis) {
        this.context = context;
        this.lambda = lambda;
        this.apis = apis;
    }

    public void apply() {
        try (SdkHttpClient http = Apache5HttpClient.builder().build();
             DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(http).region(Region.of(SandboxContext.REGION))
                     .endpointOverride(context.endpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                     .build()) {
            if (!tableExists(dynamo)) {
                createTable(dynamo);
                int count = seed(dynamo);
                context.log().accept("Demo: created table " + TABLE + " with " + count + " items");
            }
        }
        ensureFunctions();
        if (apis.httpApiNamed(HTTP_API).isEmpty()) {
            String apiId = apis.createHttpApi(HTTP_API);
            for (String[] route : ROUTES) {
                apis.addLambdaRoute(apiId, route[0], route[1], "2.0");
            }
            apis.addStage(apiId, "$default", true);
            context.log().accept("Demo: HTTP API " + HTTP_API + " at " + context.endpoint() + "/_aws/execute-api/"
                    + apiId + "/experiments");
        }
        if (apis.restApiNamed(REST_API).isEmpty()) {
            String apiId = apis.createRestApi(REST_API);
            apis.addLambdaMethod(apiId, apis.resource(apiId, "/{proxy+}"), "ANY", PROXY_FUNCTION);
            apis.deploy(apiId, REST_STAGE);
            context.log().accept("Demo: REST API " + REST_API + " at " + context.endpoint() + "/_aws/execute-api/"
                    + apiId + "/" + REST_STAGE + "/experiments");
        }
    }

    private void ensureFunctions() {
        Map<String, String> functions = new LinkedHashMap<>();
        ROUTES.forEach(route -> functions.put(route[1], route[2]));
        functions.put(PROXY_FUNCTION, ExperimentsProxyHandler.class.getName());
        functions.forEach((name, handler) -> {
            if (lambda.function(name).isEmpty()) {
                lambda.put(new FunctionDefinition(name, "java17", null, handler, "Experiments demo: " + name, 30,
                        512, Map.of("TABLE_NAME", TABLE), Map.of("app", "experiments-demo"), null, null));
            }
        });
    }

    private static boolean tableExists(DynamoDbClient dynamo) {
        try {
            dynamo.describeTable(b -> b.tableName(TABLE));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static void createTable(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("experimentId").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sampleId").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("subjectId").attributeType(ScalarAttributeType.S).build())
                .keySchema(k -> k.attributeName("experimentId").keyType(KeyType.HASH),
                        k -> k.attributeName("sampleId").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("bySubject")
                        .keySchema(k -> k.attributeName("subjectId").keyType(KeyType.HASH),
                                k -> k.attributeName("sampleId").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        for (int i = 0; i < 600; i++) {
            TableStatus status = dynamo.describeTable(b -> b.tableName(TABLE)).table().tableStatus();
            if (status == TableStatus.ACTIVE) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("table " + TABLE + " did not become ACTIVE");
    }

    /** Writes the dataset in batches of 25, retrying unprocessed items. */
    private static int seed(DynamoDbClient dynamo) {
        List<Map<String, AttributeValue>> items = new DemoDataset().items();
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            write(dynamo, batch);
        }
        return items.size();
    }

    private static void write(DynamoDbClient dynamo, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 10) {
                throw new IllegalStateException("items stayed unprocessed after 10 attempts");
            }
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                sleep(50L << attempt);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the demo", e);
        }
    }
}
