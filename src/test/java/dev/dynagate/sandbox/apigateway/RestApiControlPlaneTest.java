package dev.dynagate.sandbox.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxComponents;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.testing.SdkClients;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.Resource;

class RestApiControlPlaneTest {
    @TempDir
    Path folder;
    Sandbox sandbox;
    SdkHttpClient http;
    ApiGatewayClient apis;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, folder), line -> { }, SandboxComponents.standard());
        http = SdkClients.http();
        apis = SdkClients.build(ApiGatewayClient.builder(), sandbox.endpoint(), http);
    }

    @AfterEach
    void stop() {
        apis.close();
        http.close();
        sandbox.close();
    }

    @Test
    void restApiWithResourcesMethodsIntegrationsDeploymentAndStage() {
        CreateRestApiResponse api = apis.createRestApi(b -> b.name("experiments-proxy"));
        assertThat(api.apiKeySourceAsString()).isEqualTo("HEADER");
        assertThat(api.endpointConfiguration().typesAsStrings()).containsExactly("EDGE");
        assertThat(api.createdDate()).isNotNull();
        assertThat(apis.getRestApis().items()).extracting(r -> r.name()).containsExactly("experiments-proxy");

        var proxy = apis.createResource(b -> b.restApiId(api.id()).parentId(api.rootResourceId())
                .pathPart("{proxy+}"));
        assertThat(proxy.path()).isEqualTo("/{proxy+}");
        apis.putMethod(b -> b.restApiId(api.id()).resourceId(proxy.id()).httpMethod("ANY")
                .authorizationType("NONE").requestParameters(Map.of("method.request.path.proxy", true)));
        String uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:000000000000:function:router/invocations";
        var integration = apis.putIntegration(b -> b.restApiId(api.id()).resourceId(proxy.id()).httpMethod("ANY")
                .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(uri));
        assertThat(integration.timeoutInMillis()).isEqualTo(29000);
        assertThat(integration.passthroughBehavior()).isEqualTo("WHEN_NO_MATCH");
        assertThat(integration.cacheNamespace()).isEqualTo(proxy.id());

        var embedded = apis.getResources(b -> b.restApiId(api.id()).embed("methods")).items();
        assertThat(embedded).hasSize(2);
        Resource withMethod = embedded.stream().filter(r -> r.path().equals("/{proxy+}")).findFirst().orElseThrow();
        assertThat(withMethod.resourceMethods().get("ANY").methodIntegration().uri()).isEqualTo(uri);
        assertThat(withMethod.resourceMethods().get("ANY").requestParameters())
                .containsEntry("method.request.path.proxy", true);
        var plain = apis.getResources(b -> b.restApiId(api.id())).items();
        assertThat(plain.stream().filter(r -> r.path().equals("/{proxy+}")).findFirst().orElseThrow()
                .resourceMethods().get("ANY").methodIntegration()).isNull();

        var method = apis.getMethod(b -> b.restApiId(api.id()).resourceId(proxy.id()).httpMethod("ANY"));
        assertThat(method.authorizationType()).isEqualTo("NONE");
        assertThat(method.methodIntegration().typeAsString()).isEqualTo("AWS_PROXY");

        var deployment = apis.createDeployment(b -> b.restApiId(api.id()).stageName("dev")
                .variables(Map.of("color", "blue")));
        var stages = apis.getStages(b -> b.restApiId(api.id())).item();
        assertThat(stages).singleElement().satisfies(s -> {
            assertThat(s.stageName()).isEqualTo("dev");
            assertThat(s.deploymentId()).isEqualTo(deployment.id());
            assertThat(s.variables()).containsEntry("color", "blue");
        });
        apis.createStage(b -> b.restApiId(api.id()).stageName("prod").deploymentId(deployment.id()));
        apis.updateStage(b -> b.restApiId(api.id()).stageName("prod")
                .patchOperations(p -> p.op(Op.REPLACE).path("/variables/color").value("green")));
        assertThat(apis.getStage(b -> b.restApiId(api.id()).stageName("prod")).variables())
                .containsEntry("color", "green");
    }

    @Test
    void apiKeysShowValuesOnlyWhenAsked() {
        var key = apis.createApiKey(b -> b.name("tester").enabled(true));
        assertThat(key.value()).isNotBlank();
        assertThat(apis.getApiKeys(b -> b.includeValues(true)).items()).singleElement()
                .satisfies(k -> assertThat(k.value()).isEqualTo(key.value()));
        assertThat(apis.getApiKeys(b -> b.includeValues(false)).items()).singleElement()
                .satisfies(k -> assertThat(k.value()).isNull());
    }

    @Test
    void authorizersAndErrors() {
        CreateRestApiResponse api = apis.createRestApi(b -> b.name("a"));
        apis.createAuthorizer(b -> b.restApiId(api.id()).name("tok").type("TOKEN")
                .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/x/invocations")
                .identitySource("method.request.header.Authorization"));
        assertThat(apis.getAuthorizers(b -> b.restApiId(api.id())).items()).extracting(a -> a.name())
                .containsExactly("tok");
        apis.createResource(b -> b.restApiId(api.id()).parentId(api.rootResourceId()).pathPart("items"));
        assertThatThrownBy(() -> apis.createResource(b -> b.restApiId(api.id()).parentId(api.rootResourceId())
                .pathPart("items"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> apis.getRestApi(b -> b.restApiId("missing")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Invalid API identifier specified 000000000000:missing");
        assertThatThrownBy(() -> apis.getMethod(b -> b.restApiId(api.id()).resourceId(api.rootResourceId())
                .httpMethod("GET"))).isInstanceOf(NotFoundException.class);
        apis.deleteRestApi(b -> b.restApiId(api.id()));
        assertThat(apis.getRestApis().items()).isEmpty();
    }

    @Test
    void testInvokeMethodRunsALambdaProxyIntegration() throws Exception {
        sandbox.component(ApiGatewayComponent.class).lambda().create(dev.dynagate.sandbox.lambda.FunctionDefinition
                .builtIn("capture", DataPlaneHandlers.Capture.class.getName()));
        CreateRestApiResponse api = apis.createRestApi(b -> b.name("lambda"));
        var items = apis.createResource(b -> b.restApiId(api.id()).parentId(api.rootResourceId()).pathPart("items"));
        var item = apis.createResource(b -> b.restApiId(api.id()).parentId(items.id()).pathPart("{id}"));
        apis.putMethod(b -> b.restApiId(api.id()).resourceId(item.id()).httpMethod("GET").authorizationType("NONE"));
        apis.putIntegration(b -> b.restApiId(api.id()).resourceId(item.id()).httpMethod("GET")
                .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST")
                .uri(LambdaTargets.invokeArn(dev.dynagate.sandbox.lambda.FunctionDefinition.arn("capture"))));
        var result = apis.testInvokeMethod(b -> b.restApiId(api.id()).resourceId(item.id()).httpMethod("GET")
                .pathWithQueryString("/items/42?view=full").headers(Map.of("X-Test", "yes")));
        assertThat(result.status()).isEqualTo(200);
        var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.body());
        assertThat(event.get("resource").asText()).isEqualTo("/items/{id}");
        assertThat(event.at("/pathParameters/id").asText()).isEqualTo("42");
        assertThat(event.at("/queryStringParameters/view").asText()).isEqualTo("full");
        assertThat(event.at("/headers/X-Test").asText()).isEqualTo("yes");
        assertThat(event.at("/requestContext/stage").asText()).isEqualTo("test-invoke-stage");
        assertThat(result.headers()).containsEntry("x-handler", "capture");
        assertThat(result.log()).contains("Endpoint request body after transformations").contains("Method completed with status: 200");
        assertThat(result.latency()).isNotNegative();
    }

    @Test
    void testInvokeMethodRunsAMockIntegration() {
        CreateRestApiResponse api = apis.createRestApi(b -> b.name("mock"));
        String root = api.rootResourceId();
        apis.putMethod(b -> b.restApiId(api.id()).resourceId(root).httpMethod("GET").authorizationType("NONE"));
        apis.putIntegration(b -> b.restApiId(api.id()).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apis.putMethodResponse(b -> b.restApiId(api.id()).resourceId(root).httpMethod("GET").statusCode("200"));
        apis.putIntegrationResponse(b -> b.restApiId(api.id()).resourceId(root).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"ok\": true}")));
        var result = apis.testInvokeMethod(b -> b.restApiId(api.id()).resourceId(root).httpMethod("GET")
                .pathWithQueryString("/"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("{\"ok\": true}");
        assertThat(result.log()).contains("Execution log for request");
    }
}
