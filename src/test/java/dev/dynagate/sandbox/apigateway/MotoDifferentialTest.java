package dev.dynagate.sandbox.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxComponents;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.testing.Peers;
import dev.dynagate.sandbox.testing.SdkClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * Runs the same control-plane sequences against moto_server and the sandbox and compares the responses field by
 * field (generated values masked). Every difference must be listed in {@code apigateway-differences.md}.
 */
class MotoDifferentialTest {
    private static final Pattern LISTED = Pattern.compile("^- `([^`]+)`", Pattern.MULTILINE);

    @TempDir
    Path folder;
    Process moto;
    Sandbox sandbox;
    SdkHttpClient http;

    @BeforeEach
    void start() throws Exception {
        Path executable = Peers.require("moto_server", "ships with this machine image; pip install 'moto[server]'");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        moto = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(folder.resolve("moto.log").toFile()).start();
        waitForPort(port);
        motoEndpoint = URI.create("http://127.0.0.1:" + port);
        sandbox = Sandbox.start(SandboxOptions.of(0, folder.resolve("data")), line -> { }, SandboxComponents.standard());
        http = SdkClients.http();
    }

    URI motoEndpoint;

    @AfterEach
    void stop() throws Exception {
        if (http != null) {
            http.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (moto != null) {
            moto.destroy();
            moto.waitFor();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("moto_server did not start on port " + port);
    }

    /** One recorded step: its name and the flattened response (or the error's type and status). */
    private static Map<String, Map<String, String>> record(List<Map.Entry<String, Supplier<SdkPojo>>> steps) {
        Map<String, Map<String, String>> recorded = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<SdkPojo>> step : steps) {
            try {
                recorded.put(step.getKey(), ResponseShapes.of(step.getValue().get()));
            } catch (AwsServiceException e) {
                recorded.put(step.getKey(), Map.of("/error", e.awsErrorDetails().errorCode() + " " + e.statusCode()));
            }
        }
        return recorded;
    }

    private static List<Map.Entry<String, Supplier<SdkPojo>>> httpApiSequence(ApiGatewayV2Client c) {
        List<Map.Entry<String, Supplier<SdkPojo>>> steps = new ArrayList<>();
        String[] ids = new String[4];
        steps.add(Map.entry("CreateApi", () -> {
            var r = c.createApi(b -> b.name("experiments-api").protocolType(ProtocolType.HTTP).description("demo"));
            ids[0] = r.apiId();
            return r;
        }));
        steps.add(Map.entry("GetApi", () -> c.getApi(b -> b.apiId(ids[0]))));
        steps.add(Map.entry("CreateIntegration", () -> {
            var r = c.createIntegration(b -> b.apiId(ids[0]).integrationType("AWS_PROXY").payloadFormatVersion("2.0")
                    .integrationUri("arn:aws:lambda:us-east-1:123456789012:function:list"));
            ids[1] = r.integrationId();
            return r;
        }));
        steps.add(Map.entry("GetIntegration", () -> c.getIntegration(b -> b.apiId(ids[0]).integrationId(ids[1]))));
        steps.add(Map.entry("CreateRoute", () -> {
            var r = c.createRoute(b -> b.apiId(ids[0]).routeKey("GET /experiments/{id}")
                    .target("integrations/" + ids[1]));
            ids[2] = r.routeId();
            return r;
        }));
        steps.add(Map.entry("GetRoutes", () -> c.getRoutes(b -> b.apiId(ids[0]))));
        steps.add(Map.entry("GetRoute", () -> c.getRoute(b -> b.apiId(ids[0]).routeId(ids[2]))));
        steps.add(Map.entry("CreateStage", () -> c.createStage(b -> b.apiId(ids[0]).stageName("dev")
                .stageVariables(Map.of("table", "Experiments")))));
        steps.add(Map.entry("GetStage", () -> c.getStage(b -> b.apiId(ids[0]).stageName("dev"))));
        steps.add(Map.entry("CreateAuthorizer", () -> c.createAuthorizer(b -> b.apiId(ids[0]).name("jwt")
                .authorizerType(AuthorizerType.JWT).identitySource("$request.header.Authorization")
                .jwtConfiguration(j -> j.issuer("https://issuer.example").audience("app")))));
        steps.add(Map.entry("GetAuthorizers", () -> c.getAuthorizers(b -> b.apiId(ids[0]))));
        steps.add(Map.entry("UpdateApi", () -> c.updateApi(b -> b.apiId(ids[0]).description("changed"))));
        steps.add(Map.entry("GetApis", () -> c.getApis()));
        steps.add(Map.entry("GetApiMissing", () -> c.getApi(b -> b.apiId("missing00"))));
        steps.add(Map.entry("GetRouteMissing", () -> c.getRoute(b -> b.apiId(ids[0]).routeId("missing"))));
        return steps;
    }

    private static List<Map.Entry<String, Supplier<SdkPojo>>> restApiSequence(ApiGatewayClient c) {
        List<Map.Entry<String, Supplier<SdkPojo>>> steps = new ArrayList<>();
        String[] ids = new String[3];
        steps.add(Map.entry("CreateRestApi", () -> {
            var r = c.createRestApi(b -> b.name("experiments-proxy").description("demo"));
            ids[0] = r.id();
            ids[1] = r.rootResourceId();
            return r;
        }));
        steps.add(Map.entry("GetRestApi", () -> c.getRestApi(b -> b.restApiId(ids[0]))));
        steps.add(Map.entry("CreateResource", () -> {
            var r = c.createResource(b -> b.restApiId(ids[0]).parentId(ids[1]).pathPart("{proxy+}"));
            ids[2] = r.id();
            return r;
        }));
        steps.add(Map.entry("PutMethod", () -> c.putMethod(b -> b.restApiId(ids[0]).resourceId(ids[2])
                .httpMethod("ANY").authorizationType("NONE"))));
        steps.add(Map.entry("PutIntegration", () -> c.putIntegration(b -> b.restApiId(ids[0]).resourceId(ids[2])
                .httpMethod("ANY").type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST")
                .uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                        + "arn:aws:lambda:us-east-1:123456789012:function:router/invocations"))));
        steps.add(Map.entry("GetMethod", () -> c.getMethod(b -> b.restApiId(ids[0]).resourceId(ids[2])
                .httpMethod("ANY"))));
        steps.add(Map.entry("GetResourcesEmbedded", () -> c.getResources(b -> b.restApiId(ids[0]).embed("methods"))));
        steps.add(Map.entry("CreateDeployment", () -> c.createDeployment(b -> b.restApiId(ids[0]).stageName("dev"))));
        steps.add(Map.entry("GetStages", () -> c.getStages(b -> b.restApiId(ids[0]))));
        steps.add(Map.entry("CreateApiKey", () -> c.createApiKey(b -> b.name("tester").enabled(true))));
        steps.add(Map.entry("GetApiKeys", () -> c.getApiKeys(b -> b.includeValues(true))));
        steps.add(Map.entry("GetRestApis", () -> c.getRestApis()));
        steps.add(Map.entry("GetRestApiMissing", () -> c.getRestApi(b -> b.restApiId("missing000"))));
        return steps;
    }

    @Test
    void controlPlanesAnswerLikeMotoExceptForListedDifferences() throws Exception {
        Map<String, Map<String, String>> ours = new LinkedHashMap<>();
        Map<String, Map<String, String>> theirs = new LinkedHashMap<>();
        for (URI endpoint : List.of(sandbox.endpoint(), motoEndpoint)) {
            Map<String, Map<String, String>> target = endpoint.equals(sandbox.endpoint()) ? ours : theirs;
            try (ApiGatewayV2Client v2 = SdkClients.build(ApiGatewayV2Client.builder(), endpoint, http);
                 ApiGatewayClient v1 = SdkClients.build(ApiGatewayClient.builder(), endpoint, http)) {
                target.putAll(record(httpApiSequence(v2)));
                target.putAll(record(restApiSequence(v1)));
            }
        }
        Set<String> listed = listedDifferences();
        Set<String> unlisted = new TreeSet<>();
        Set<String> stale = new TreeSet<>(listed);
        for (String step : ours.keySet()) {
            Set<String> paths = new TreeSet<>(ours.get(step).keySet());
            paths.addAll(theirs.get(step).keySet());
            for (String path : paths) {
                String a = ours.get(step).get(path);
                String b = theirs.get(step).get(path);
                if (a == null ? b != null : !a.equals(b)) {
                    String key = step + path;
                    stale.remove(key);
                    if (!listed.contains(key)) {
                        unlisted.add(key + ": sandbox=" + a + " moto=" + b);
                    }
                }
            }
        }
        assertThat(unlisted).as("differences from moto_server not listed in apigateway-differences.md").isEmpty();
        assertThat(stale).as("listed differences that no longer occur").isEmpty();
    }

    private static Set<String> listedDifferences() throws IOException {
        try (InputStream in = MotoDifferentialTest.class.getResourceAsStream("apigateway-differences.md")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> keys = new TreeSet<>();
            Matcher m = LISTED.matcher(text);
            while (m.find()) {
                keys.add(m.group(1));
            }
            return keys;
        }
    }
}
