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
import dev.dynagate.sandbox.demo.handlers.SampleAuditHandler;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import dev.dynagate.sandbox.template.StreamEventSources;
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
    /** Triggered by the table's stream: an audit line per changed sample in its log. */
    public static final String AUDIT_FUNCTION = "experiments-audit";

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
    private final StreamEventSources streams;

    public DemoBackend(SandboxContext context, DynamoDbComponent dynamoDb, LambdaRuntime lambda, ApiDefinitions apis,
                       StreamEventSources streams) {
        this.context = context;
        this.dynamoDb = dynamoDb;
        this.lambda = lambda;
        this.apis = apis;
        this.streams = streams;
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
        ensureAudit();
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

    /** The audit function on the table's stream; a table made before the demo streamed keeps going without it. */
    private void ensureAudit() {
        try {
            String done = streams.connect(AUDIT_FUNCTION, TABLE, new ObjectMapper().createObjectNode()
                    .put("StartingPosition", "LATEST").put("BatchSize", 25));
            if (!done.contains("stays")) {
                context.log().accept("Demo: " + done);
            }
        } catch (IllegalArgumentException noStream) {
            context.log().accept("Demo: " + TABLE + " has no stream (it was created before the demo had one), so "
                    + AUDIT_FUNCTION + " is not triggered; delete the table to have it made again with one.");
        }
    }

    private void ensureFunctions() {
        Map<String, String> functions = new LinkedHashMap<>();
        ROUTES.forEach(route -> functions.put(route[1], route[2]));
        functions.put(PROXY_FUNCTION, ExperimentsProxyHandler.class.getName());
        functions.put(AUDIT_FUNCTION, SampleAuditHandler.class.getName());
        functions.forEach((name, handler) -> {
            if (lambda.function(name).isEmpty()) {
                lambda.put(new FunctionDefinition(name, "java17", null, handler, "Experiments demo: " + name, 30,
                        512, Map.of("TABLE_NAME", TABLE), Map.of("app", "experiments-demo"), null, null));
            }
        });
    }
}
