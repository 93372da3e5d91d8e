package dev.dynagate.sandbox.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxComponents;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import dev.dynagate.sandbox.testing.SdkClients;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

class DataPlaneTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLERS = DataPlaneHandlers.class.getName() + "$";

    @TempDir
    Path folder;
    Sandbox sandbox;
    SdkHttpClient sdkHttp;
    ApiGatewayV2Client v2;
    ApiGatewayClient v1;
    LambdaRuntime lambda;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, folder), line -> { }, SandboxComponents.standard());
        sdkHttp = SdkClients.http();
        v2 = SdkClients.build(ApiGatewayV2Client.builder(), sandbox.endpoint(), sdkHttp);
        v1 = SdkClients.build(ApiGatewayClient.builder(), sandbox.endpoint(), sdkHttp);
        lambda = sandbox.component(ApiGatewayComponent.class).lambda();
        for (String name : List.of("Capture", "Echo", "TypedV2", "TypedV1", "Throws", "Sleeps", "Busy")) {
            lambda.create(FunctionDefinition.builtIn(name.toLowerCase(), HANDLERS + name).withTimeout(10));
        }
    }

    @AfterEach
    void stop() {
        v1.close();
        v2.close();
        sdkHttp.close();
        sandbox.close();
    }

    // ---- setup helpers

    private String httpApi(String stage, Map<String, String> routes, String payloadVersion, int timeoutMillis) {
        String apiId = v2.createApi(b -> b.name("t").protocolType(ProtocolType.HTTP)).apiId();
        routes.forEach((routeKey, function) -> {
            String integrationId = v2.createIntegration(b -> b.apiId(apiId).integrationType("AWS_PROXY")
                    .integrationUri(FunctionDefinition.arn(function)).payloadFormatVersion(payloadVersion)
                    .timeoutInMillis(timeoutMillis)).integrationId();
            v2.createRoute(b -> b.apiId(apiId).routeKey(routeKey).target("integrations/" + integrationId));
        });
        v2.createStage(b -> b.apiId(apiId).stageName(stage).autoDeploy(true)
                .stageVariables(Map.of("table", "Experiments")));
        return apiId;
    }

    private String restProxyApi(String function, int timeoutMillis) {
        var api = v1.createRestApi(b -> b.name("proxy"));
        var proxy = v1.createResource(b -> b.restApiId(api.id()).parentId(api.rootResourceId()).pathPart("{proxy+}"));
        v1.putMethod(b -> b.restApiId(api.id()).resourceId(proxy.id()).httpMethod("ANY").authorizationType("NONE"));
        v1.putIntegration(b -> b.restApiId(api.id()).resourceId(proxy.id()).httpMethod("ANY")
                .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").timeoutInMillis(timeoutMillis)
                .uri(LambdaTargets.invokeArn(FunctionDefinition.arn(function))));
        v1.createDeployment(b -> b.restApiId(api.id()).stageName("dev"));
        return api.id();
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_aws/execute-api/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode event(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode example(String name) throws Exception {
        try (InputStream in = DataPlaneTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    /** Every field path of the documented example exists in ours and ours has no others. */
    private static void assertSameShape(JsonNode ours, JsonNode documented) {
        assertThat(paths(ours, "")).isEqualTo(paths(documented, ""));
    }

    private static TreeSet<String> paths(JsonNode node, String prefix) {
        TreeSet<String> paths = new TreeSet<>();
        if (node.isObject() && !prefix.endsWith("headers") && !prefix.endsWith("Headers")
                && !prefix.endsWith("Parameters") && !prefix.endsWith("stageVariables")) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                paths.add(prefix + "/" + field.getKey());
                paths.addAll(paths(field.getValue(), prefix + "/" + field.getKey()));
            }
        }
        return paths;
    }

    // ---- routing

    @Test
    void mostSpecificRouteWins() throws Exception {
        String api = httpApi("$default", Map.of("GET /pets/dog/1", "capture", "GET /pets/dog/{id}", "capture",
                "ANY /pets/dog/{id}", "capture", "GET /pets/{proxy+}", "capture", "$default", "capture"), "2.0", 30000);
        assertThat(event(send("GET", api + "/pets/dog/1", null)).get("routeKey").asText()).isEqualTo("GET /pets/dog/1");
        assertThat(event(send("GET", api + "/pets/dog/2", null)).get("routeKey").asText()).isEqualTo("GET /pets/dog/{id}");
        assertThat(event(send("POST", api + "/pets/dog/2", null)).get("routeKey").asText()).isEqualTo("ANY /pets/dog/{id}");
        JsonNode greedy = event(send("GET", api + "/pets/cat/x%2Fy/z", null));
        assertThat(greedy.get("routeKey").asText()).isEqualTo("GET /pets/{proxy+}");
        assertThat(greedy.at("/pathParameters/proxy").asText()).isEqualTo("cat/x/y/z");
        assertThat(event(send("DELETE", api + "/elsewhere", null)).get("routeKey").asText()).isEqualTo("$default");
    }

    @Test
    void noRouteIs404NotFoundForHttpApisAnd403ForRestApis() throws Exception {
        String api = httpApi("$default", Map.of("GET /known", "capture"), "2.0", 30000);
        HttpResponse<byte[]> missing = send("GET", api + "/unknown", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(missing.headers().firstValue("apigw-requestid")).isPresent();

        String rest = restProxyApi("capture", 29000);
        HttpResponse<byte[]> root = send("GET", rest + "/dev/", null);
        assertThat(root.statusCode()).isEqualTo(403);
        assertThat(text(root)).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(root.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(send("GET", rest + "/nostage/x", null).statusCode()).isEqualTo(403);
    }

    // ---- events

    @Test
    void payload2EventMatchesTheDocumentedShape() throws Exception {
        String api = httpApi("$default", Map.of("GET /items/{id}", "capture"), "2.0", 30000);
        long before = System.currentTimeMillis();
        JsonNode event = event(send("GET", api + "/items/a%20b?x=1&x=2&y=3", null,
                "X-Custom", "a", "X-Custom", "b", "Cookie", "c1=1; c2=2", "User-Agent", "tester"));
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("GET /items/{id}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/items/a%20b");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("x=1&x=2&y=3");
        assertThat(event.get("cookies")).extracting(JsonNode::asText).containsExactly("c1=1", "c2=2");
        assertThat(event.at("/headers/x-custom").asText()).isEqualTo("a,b");
        assertThat(event.get("headers").has("cookie")).isFalse();
        assertThat(event.at("/headers/user-agent").asText()).isEqualTo("tester");
        assertThat(event.at("/queryStringParameters/x").asText()).isEqualTo("1,2");
        assertThat(event.at("/queryStringParameters/y").asText()).isEqualTo("3");
        assertThat(event.at("/pathParameters/id").asText()).isEqualTo("a b");
        assertThat(event.at("/stageVariables/table").asText()).isEqualTo("Experiments");
        assertThat(event.at("/requestContext/apiId").asText()).isEqualTo(api);
        assertThat(event.at("/requestContext/accountId").asText()).isEqualTo("000000000000");
        assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("GET");
        assertThat(event.at("/requestContext/http/path").asText()).isEqualTo("/items/a%20b");
        assertThat(event.at("/requestContext/http/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(event.at("/requestContext/http/userAgent").asText()).isEqualTo("tester");
        assertThat(event.at("/requestContext/stage").asText()).isEqualTo("$default");
        assertThat(event.at("/requestContext/time").asText()).matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000");
        assertThat(event.at("/requestContext/timeEpoch").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(event.has("body")).isFalse();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();

        assertThat(send("POST", api + "/items/1", "x".getBytes()).statusCode()).isEqualTo(404);
        JsonNode withAll = event(send("GET", api + "/items/1?x=1", "Hello".getBytes(), "Cookie", "c=1",
                "Content-Type", "text/plain"));
        assertThat(withAll.get("body").asText()).isEqualTo("Hello");
        assertSameShape(withAll, example("payload-2.0-example.json"));
    }

    @Test
    void namedStageIsAddressedWithItsSegmentAndKeptInRawPath() throws Exception {
        String api = httpApi("dev", Map.of("GET /items", "capture"), "2.0", 30000);
        JsonNode event = event(send("GET", api + "/dev/items", null));
        assertThat(event.at("/requestContext/stage").asText()).isEqualTo("dev");
        assertThat(event.get("rawPath").asText()).isEqualTo("/dev/items");
        assertThat(send("GET", api + "/items", null).statusCode()).isEqualTo(404);
    }

    @Test
    void payload1EventOnHttpApiMatchesTheDocumentedShape() throws Exception {
        String api = httpApi("$default", Map.of("GET /my/{thing}", "capture"), "1.0", 30000);
        JsonNode event = event(send("GET", api + "/my/path?p=1&p=2&q=3", "Hello".getBytes(),
                "X-Custom", "a", "X-Custom", "b", "Content-Type", "text/plain"));
        assertThat(event.get("version").asText()).isEqualTo("1.0");
        assertThat(event.get("resource").asText()).isEqualTo("/my/{thing}");
        assertThat(event.get("path").asText()).isEqualTo("/my/path");
        assertThat(event.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.at("/multiValueHeaders/x-custom")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(event.at("/queryStringParameters/p").asText()).isEqualTo("2");
        assertThat(event.at("/multiValueQueryStringParameters/p")).extracting(JsonNode::asText).containsExactly("1", "2");
        assertThat(event.at("/pathParameters/thing").asText()).isEqualTo("path");
        JsonNode shapeOnly = event.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) shapeOnly).putNull("stageVariables");
        ((com.fasterxml.jackson.databind.node.ObjectNode) shapeOnly).putNull("pathParameters");
        assertSameShape(shapeOnly, example("payload-1.0-example.json"));
    }

    @Test
    void restProxyEventMatchesTheDocumentedShape() throws Exception {
        String api = restProxyApi("capture", 29000);
        JsonNode event = event(send("POST", api + "/dev/experiments/e%201?x=1&x=2", "{\"a\":1}".getBytes(),
                "Content-Type", "application/json", "x-custom", "a", "x-custom", "b"));
        assertThat(event.has("version")).isFalse();
        assertThat(event.get("resource").asText()).isEqualTo("/{proxy+}");
        assertThat(event.get("path").asText()).isEqualTo("/experiments/e 1");
        assertThat(event.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(event.at("/pathParameters/proxy").asText()).isEqualTo("experiments/e 1");
        assertThat(event.at("/headers/Content-Type").asText()).isEqualTo("application/json");
        assertThat(event.at("/headers/X-Custom").asText()).isEqualTo("b");
        assertThat(event.at("/multiValueHeaders/X-Custom")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(event.at("/queryStringParameters/x").asText()).isEqualTo("2");
        assertThat(event.at("/requestContext/path").asText()).isEqualTo("/dev/experiments/e%201");
        assertThat(event.at("/requestContext/stage").asText()).isEqualTo("dev");
        assertThat(event.at("/requestContext/resourcePath").asText()).isEqualTo("/{proxy+}");
        assertThat(event.at("/requestContext/identity/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(event.get("body").asText()).isEqualTo("{\"a\":1}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        ((com.fasterxml.jackson.databind.node.ObjectNode) event).putNull("pathParameters");
        assertSameShape(event, example("rest-proxy-example.json"));
    }

    @Test
    void malformedProxyResponsesAreIntegrationFailures() throws Exception {
        String api = httpApi("$default", Map.of("POST /echo", "echo"), "1.0", 30000);
        HttpResponse<byte[]> noStatus = send("POST", api + "/echo", "{\"body\":\"x\"}".getBytes(),
                "Content-Type", "application/json");
        assertThat(noStatus.statusCode()).isEqualTo(500);
        assertThat(text(noStatus)).isEqualTo("{\"message\":\"Internal Server Error\"}");

        var restApi = restProxyApi("echo", 29000);
        HttpResponse<byte[]> restNoStatus = send("POST", restApi + "/dev/x", "{\"body\":\"x\"}".getBytes(),
                "Content-Type", "application/json");
        assertThat(restNoStatus.statusCode()).isEqualTo(502);
        assertThat(text(restNoStatus)).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void typedEventClassesRoundTrip() throws Exception {
        String api = httpApi("$default", Map.of("GET /items/{id}", "typedv2"), "2.0", 30000);
        HttpResponse<byte[]> response = send("GET", api + "/items/7", null, "Cookie", "k=v");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(text(response)).isEqualTo("GET /items/7 {id=7} [k=v] false");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");

        String rest = restProxyApi("typedv1", 29000);
        HttpResponse<byte[]> restResponse = send("GET", rest + "/dev/a/b?q=1&q=2", null);
        assertThat(text(restResponse)).isEqualTo("GET /{proxy+} /a/b {proxy=a/b} {q=[1, 2]} dev");
        assertThat(restResponse.headers().allValues("x-multi")).containsExactly("1", "2");
    }

    // ---- bodies and responses

    @Test
    void binaryBodiesTravelBase64BothWays() throws Exception {
        String api = httpApi("$default", Map.of("POST /upload", "capture", "POST /echo", "echo"), "2.0", 30000);
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        JsonNode event = event(send("POST", api + "/upload", bytes, "Content-Type", "application/octet-stream"));
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(bytes);

        String result = JSON.createObjectNode().put("statusCode", 200).put("isBase64Encoded", true)
                .put("body", Base64.getEncoder().encodeToString(bytes)).toString();
        HttpResponse<byte[]> response = send("POST", api + "/echo", result.getBytes(), "Content-Type", "application/json");
        assertThat(response.body()).isEqualTo(bytes);
    }

    @Test
    void payload2ResponsesAreMappedLikeApiGateway() throws Exception {
        String api = httpApi("$default", Map.of("POST /echo", "echo"), "2.0", 30000);
        HttpResponse<byte[]> bare = send("POST", api + "/echo", "\"just text\"".getBytes(), "Content-Type", "application/json");
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(text(bare)).isEqualTo("just text");
        assertThat(bare.headers().firstValue("content-type")).contains("application/json");

        HttpResponse<byte[]> object = send("POST", api + "/echo", "{\"a\":1}".getBytes(), "Content-Type", "application/json");
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(text(object)).isEqualTo("{\"a\":1}");

        String full = "{\"statusCode\":418,\"headers\":{\"x-tea\":\"pot\",\"content-type\":\"text/plain\"},"
                + "\"cookies\":[\"s=1; HttpOnly\",\"t=2\"],\"body\":\"short and stout\"}";
        HttpResponse<byte[]> complete = send("POST", api + "/echo", full.getBytes(), "Content-Type", "application/json");
        assertThat(complete.statusCode()).isEqualTo(418);
        assertThat(text(complete)).isEqualTo("short and stout");
        assertThat(complete.headers().firstValue("x-tea")).contains("pot");
        assertThat(complete.headers().allValues("set-cookie")).containsExactly("s=1; HttpOnly", "t=2");
        assertThat(complete.headers().firstValue("apigw-requestid")).isPresent();
    }

    // ---- failures

    @Test
    void handlerExceptionsAre500ForHttpApisAnd502ForRestApisWithTheStackTraceInTheLog() throws Exception {
        String api = httpApi("$default", Map.of("GET /boom", "throws"), "2.0", 30000);
        HttpResponse<byte[]> response = send("GET", api + "/boom", null);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(text(response)).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(lambda.invocations("throws")).last().satisfies(i ->
                assertThat(i.log()).contains("java.lang.IllegalArgumentException: no such experiment")
                        .contains("DataPlaneHandlers$Throws.handleRequest"));

        String rest = restProxyApi("throws", 29000);
        HttpResponse<byte[]> restResponse = send("GET", rest + "/dev/x", null);
        assertThat(restResponse.statusCode()).isEqualTo(502);
        assertThat(text(restResponse)).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(restResponse.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(restResponse.headers().firstValue("x-amz-apigw-id")).isPresent();
    }

    @Test
    void integrationTimeoutsAre503ForHttpApisAnd504ForRestApis() throws Exception {
        String api = httpApi("$default", Map.of("GET /slow", "sleeps"), "2.0", 500);
        HttpResponse<byte[]> response = send("GET", api + "/slow", null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(text(response)).isEqualTo("{\"message\":\"Service Unavailable\"}");

        String rest = restProxyApi("sleeps", 500);
        HttpResponse<byte[]> restResponse = send("GET", rest + "/dev/slow", null);
        assertThat(restResponse.statusCode()).isEqualTo(504);
        assertThat(text(restResponse)).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    }

    @Test
    void httpProxyIntegrationsForwardTheRequest() throws Exception {
        com.sun.net.httpserver.HttpServer backend = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("X-Custom") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Backend", "yes");
            exchange.sendResponseHeaders(207, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        try {
            String base = "http://127.0.0.1:" + backend.getAddress().getPort();
            String apiId = v2.createApi(b -> b.name("proxy").protocolType(ProtocolType.HTTP)).apiId();
            String integrationId = v2.createIntegration(b -> b.apiId(apiId).integrationType("HTTP_PROXY")
                    .integrationMethod("ANY").integrationUri(base + "/backend/{proxy}").payloadFormatVersion("1.0"))
                    .integrationId();
            v2.createRoute(b -> b.apiId(apiId).routeKey("ANY /api/{proxy+}").target("integrations/" + integrationId));
            v2.createStage(b -> b.apiId(apiId).stageName("$default").autoDeploy(true));
            HttpResponse<byte[]> response = send("POST", apiId + "/api/items/7?x=1", "hi".getBytes(),
                    "X-Custom", "c");
            assertThat(response.statusCode()).isEqualTo(207);
            assertThat(text(response)).isEqualTo("POST /backend/items/7?x=1 c hi");
            assertThat(response.headers().firstValue("x-backend")).contains("yes");
            assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        } finally {
            backend.stop(0);
        }
    }

    @Test
    void restMethodsRequiringAnApiKeyCheckIt() throws Exception {
        var api = v1.createRestApi(b -> b.name("keys"));
        v1.putMethod(b -> b.restApiId(api.id()).resourceId(api.rootResourceId()).httpMethod("GET")
                .authorizationType("NONE").apiKeyRequired(true));
        v1.putIntegration(b -> b.restApiId(api.id()).resourceId(api.rootResourceId()).httpMethod("GET")
                .type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        v1.putIntegrationResponse(b -> b.restApiId(api.id()).resourceId(api.rootResourceId()).httpMethod("GET")
                .statusCode("200").responseTemplates(Map.of("application/json", "{\"mock\": true}")));
        v1.createDeployment(b -> b.restApiId(api.id()).stageName("dev"));
        String key = v1.createApiKey(b -> b.name("k").enabled(true)).value();
        HttpResponse<byte[]> without = send("GET", api.id() + "/dev/", null);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(text(without)).isEqualTo("{\"message\":\"Forbidden\"}");
        HttpResponse<byte[]> with = send("GET", api.id() + "/dev/", null, "x-api-key", key);
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(text(with)).isEqualTo("{\"mock\": true}");
    }

    @Test
    void burstsBeyondTheConcurrencyLimitAreThrottledNotQueued() throws Exception {
        String api = httpApi("$default", Map.of("GET /slow", "sleeps"), "2.0", 30000);
        int burst = ExecuteApiService.MAX_CONCURRENT_REQUESTS + 4;
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_aws/execute-api/"
                    + api + "/slow")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int throttled = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == 429) {
                assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
                throttled++;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                ok++;
            }
        }
        assertThat(throttled).isGreaterThanOrEqualTo(1);
        assertThat(ok).isLessThanOrEqualTo(ExecuteApiService.MAX_CONCURRENT_REQUESTS).isPositive();
    }

    @Test
    void concurrentRequestsRunInParallel() throws Exception {
        String api = httpApi("$default", Map.of("GET /busy", "busy"), "2.0", 30000);
        int parallel = ExecuteApiService.MAX_CONCURRENT_REQUESTS;
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_aws/execute-api/"
                    + api + "/busy?n=" + i)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < parallel; i++) {
            HttpResponse<String> response = calls.get(i).get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("n=" + i);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(parallel * 300L);
    }
}
