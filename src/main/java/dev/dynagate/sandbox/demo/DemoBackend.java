package dev.dynagate.sandbox.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.apigateway.ApiDefinitions;
import dev.dynagate.sandbox.dynamodb.DynamoDbComponent;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.demo.handlers.CreateSampleHandler;
import dev.dynagate.sandbox.demo.handlers.DeleteSampleHandler;
import dev.dynagate.sandbox.demo.handlers.ExperimentsProxyHandler;
import dev.dynagate.sandbox.demo.handlers.GetExperimentHandler;
import dev.dynagate.sandbox.demo.handlers.GetSampleHandler;
import dev.dynagate.sandbox.demo.handlers.ListExperimentsHandler;
import dev.dynagate.sandbox.demo.handlers.ListSamplesHandler;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The table's definition, as a CreateTable request would carry it. */
    private static final String CREATE_TABLE = """
            {"TableName": "Experiments", "BillingMode": "PAY_PER_REQUEST",
             "AttributeDefinitions": [{"AttributeName": "experimentId", "AttributeType": "S"},
                                      {"AttributeName": "sampleId", "AttributeType": "S"},
                                      {"AttributeName": "subjectId", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "experimentId", "KeyType": "HASH"},
                           {"AttributeName": "sampleId", "KeyType": "RANGE"}],
             "GlobalSecondaryIndexes": [{"IndexName": "bySubject",
                 "KeySchema": [{"AttributeName": "subjectId", "KeyType": "HASH"},
                               {"AttributeName": "sampleId", "KeyType": "RANGE"}],
                 "Projection": {"ProjectionType": "ALL"}}],
             "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"}}""";

    private final SandboxContext context;
    private final DynamoDbComponent dynamoDb;
    private final LambdaRuntime lambda;
    private final ApiDefinitions apis;

    public DemoBackend(SandboxContext context, DynamoDbComponent dynamoDb, LambdaRuntime lambda, ApiDefinitions apis) {
        this.context = context;
        this.dynamoDb = dynamoDb;
        this.lambda = lambda;
        this.apis = apis;
    }

    /**
     * Creates what is missing. The table is created and filled in-process, through the engine's own CreateTable and
     * one durable commit for all items: a first start of the app waits for this, and thousands of HTTP batch writes
     * made it seconds.
     */
    public void apply() {
        if (dynamoDb.database().table(TABLE) == null) {
            try {
                dynamoDb.call("CreateTable", new ObjectMapper().readTree(CREATE_TABLE));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the demo table's definition is not JSON", e);
            }
            List<Map<String, AttrValue>> items = new DemoDataset().items();
            dynamoDb.putAll(TABLE, items);
            context.log().accept("Demo: created table " + TABLE + " with " + items.size() + " items");
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
}
