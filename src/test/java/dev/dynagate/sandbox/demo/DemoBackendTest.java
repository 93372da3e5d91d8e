package dev.dynagate.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.testing.SdkClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoBackendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOT = "EXP-CARDIO-2024-001";

    Path folder;
    Sandbox sandbox;
    SdkHttpClient sdkHttp;
    DynamoDbClient dynamo;
    HttpClient http = HttpClient.newHttpClient();
    String httpApi;
    String restApi;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        folder = dir;
        sandbox = Sandbox.start(SandboxOptions.of(0, folder).withDemo(true), line -> { });
        sdkHttp = SdkClients.http();
        dynamo = SdkClients.build(DynamoDbClient.builder(), sandbox.endpoint(), sdkHttp);
        findApis();
    }

    private void findApis() {
        try (ApiGatewayV2Client v2 = SdkClients.build(ApiGatewayV2Client.builder(), sandbox.endpoint(), sdkHttp);
             ApiGatewayClient v1 = SdkClients.build(ApiGatewayClient.builder(), sandbox.endpoint(), sdkHttp)) {
            var httpApis = v2.getApis().items().stream().filter(a -> a.name().equals(DemoBackend.HTTP_API)).toList();
            var restApis = v1.getRestApis().items().stream().filter(a -> a.name().equals(DemoBackend.REST_API)).toList();
            assertThat(httpApis).hasSize(1);
            assertThat(restApis).hasSize(1);
            httpApi = httpApis.get(0).apiId();
            restApi = restApis.get(0).id();
            assertThat(v2.getRoutes(b -> b.apiId(httpApi)).items()).hasSize(6);
        }
    }

    @AfterAll
    void stop() {
        dynamo.close();
        sdkHttp.close();
        sandbox.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_aws/execute-api/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private int count(String experimentId) {
        return dynamo.query(b -> b.tableName("Experiments").select(Select.COUNT)
                .keyConditionExpression("experimentId = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(experimentId)))).count();
    }

    @Test
    void tableIsSkewedTypedAndDrifting() {
        var table = dynamo.describeTable(b -> b.tableName("Experiments")).table();
        assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly("experimentId", "sampleId");
        assertThat(table.globalSecondaryIndexes()).extracting(g -> g.indexName()).containsExactly("bySubject");
        assertThat(count(HOT)).isEqualTo(2502);
        Map<String, Integer> temperatureTypes = new HashMap<>();
        int items = 0;
        boolean longNumber = false;
        boolean binary = false;
        boolean stringSet = false;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.scan(b -> b.tableName("Experiments").exclusiveStartKey(from));
            for (var item : page.items()) {
                items++;
                AttributeValue temperature = item.get("temperature");
                if (temperature != null) {
                    temperatureTypes.merge(temperature.type().name(), 1, Integer::sum);
                }
                longNumber |= item.containsKey("grantReference") && item.get("grantReference").n().length() == 38;
                binary |= item.containsKey("rawSignal");
                stringSet |= item.containsKey("flags") && item.get("flags").hasSs();
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(items).isGreaterThan(5000);
        double drift = temperatureTypes.get("S") / (double) (temperatureTypes.get("S") + temperatureTypes.get("N"));
        assertThat(drift).isBetween(0.01, 0.035);
        assertThat(longNumber).isTrue();
        assertThat(binary).isTrue();
        assertThat(stringSet).isTrue();
        assertThat(dynamo.query(b -> b.tableName("Experiments").indexName("bySubject")
                .keyConditionExpression("subjectId = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SUBJ-CARDIO-0001")))).count())
                .isPositive();
    }

    @Test
    void httpApiServesOneFunctionPerRoute() throws Exception {
        HttpResponse<String> list = call("GET", httpApi + "/experiments", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode experiments = JSON.readTree(list.body());
        assertThat(experiments.get("count").asInt()).isEqualTo(43);

        JsonNode experiment = JSON.readTree(call("GET", httpApi + "/experiments/" + HOT, null).body());
        assertThat(experiment.get("title").asText()).startsWith("Cardiac");
        assertThat(experiment.get("grantReference").toString()).hasSize(38);

        JsonNode page = JSON.readTree(call("GET", httpApi + "/experiments/" + HOT + "/samples?limit=5", null).body());
        assertThat(page.get("items")).hasSize(5);
        assertThat(page.at("/items/0/sampleId").asText()).isEqualTo("SAMPLE#0001");
        JsonNode next = JSON.readTree(call("GET", httpApi + "/experiments/" + HOT + "/samples?limit=5&next="
                + page.get("next").asText(), null).body());
        assertThat(next.at("/items/0/sampleId").asText()).isEqualTo("SAMPLE#0006");

        HttpResponse<String> created = call("POST", httpApi + "/experiments/" + HOT + "/samples",
                "{\"sampleId\":\"SAMPLE#9999\",\"temperature\":37.5,\"subjectId\":\"SUBJ-CARDIO-0001\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(call("GET", httpApi + "/experiments/" + HOT + "/samples/SAMPLE%239999", null).statusCode())
                .isEqualTo(200);
        assertThat(call("DELETE", httpApi + "/experiments/" + HOT + "/samples/SAMPLE%239999", null).statusCode())
                .isEqualTo(204);
        assertThat(call("GET", httpApi + "/experiments/" + HOT + "/samples/SAMPLE%239999", null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", httpApi + "/experiments/EXP-NOPE", null).statusCode()).isEqualTo(404);

        // the table's stream triggers the audit function with what the API wrote
        var lambda = sandbox.component(dev.dynagate.sandbox.apigateway.ApiGatewayComponent.class).lambda();
        long deadline = System.currentTimeMillis() + 20_000;
        java.util.function.Supplier<String> audit = () -> String.join("\n", lambda.invocations(
                DemoBackend.AUDIT_FUNCTION).stream().map(dev.dynagate.sandbox.lambda.Invocation::log).toList());
        while (!audit.get().contains("REMOVE") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(audit.get()).contains("INSERT " + HOT + " / SAMPLE#9999: ")
                .contains("REMOVE " + HOT + " / SAMPLE#9999");
    }

    @Test
    void restProxyRoutesInsideOneFunction() throws Exception {
        HttpResponse<String> sample = call("GET", restApi + "/dev/experiments/" + HOT + "/samples/SAMPLE%230002", null);
        assertThat(sample.statusCode()).as(sample.body()).isEqualTo(200);
        assertThat(JSON.readTree(sample.body()).get("experimentId").asText()).isEqualTo(HOT);
        assertThat(call("GET", restApi + "/dev/experiments", null).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = call("GET", restApi + "/dev/nothing-here", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No route for GET /nothing-here");
        assertThat(sandbox.component(dev.dynagate.sandbox.apigateway.ApiGatewayComponent.class).lambda()
                .invocations(DemoBackend.PROXY_FUNCTION)).isNotEmpty();
    }

    @Test
    void applyingAgainAddsNothing() throws Exception {
        int before = count(HOT);
        sandbox.close();
        sandbox = Sandbox.start(SandboxOptions.of(0, folder).withDemo(true), line -> { });
        dynamo.close();
        dynamo = SdkClients.build(DynamoDbClient.builder(), sandbox.endpoint(), sdkHttp);
        findApis();
        assertThat(count(HOT)).isEqualTo(before);
        assertThat(List.of(httpApi, restApi)).doesNotContainNull();
    }
}
