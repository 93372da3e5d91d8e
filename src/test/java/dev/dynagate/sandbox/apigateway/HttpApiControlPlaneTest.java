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
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponse;
import software.amazon.awssdk.services.apigatewayv2.model.CreateRouteResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

class HttpApiControlPlaneTest {
    @TempDir
    Path folder;
    Sandbox sandbox;
    SdkHttpClient http;
    ApiGatewayV2Client apis;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, folder), line -> { }, SandboxComponents.standard());
        http = SdkClients.http();
        apis = SdkClients.build(ApiGatewayV2Client.builder(), sandbox.endpoint(), http);
    }

    @AfterEach
    void stop() {
        apis.close();
        http.close();
        sandbox.close();
    }

    private CreateApiResponse api(String name) {
        return apis.createApi(b -> b.name(name).protocolType(ProtocolType.HTTP));
    }

    @Test
    void createsAndReadsAnApiWithRoutesIntegrationsAndStages() {
        CreateApiResponse api = api("experiments-api");
        assertThat(api.apiId()).matches("[a-z0-9]{10}");
        assertThat(api.routeSelectionExpression()).isEqualTo("$request.method $request.path");
        assertThat(api.apiEndpoint()).isEqualTo(sandbox.endpoint() + "/_aws/execute-api/" + api.apiId());
        assertThat(api.createdDate()).isNotNull();

        CreateIntegrationResponse integration = apis.createIntegration(b -> b.apiId(api.apiId())
                .integrationType(IntegrationType.AWS_PROXY).payloadFormatVersion("2.0")
                .integrationUri("arn:aws:lambda:us-east-1:000000000000:function:list"));
        assertThat(integration.integrationMethod()).isEqualTo("POST");
        assertThat(integration.timeoutInMillis()).isEqualTo(30000);
        assertThat(integration.connectionTypeAsString()).isEqualTo("INTERNET");

        CreateRouteResponse route = apis.createRoute(b -> b.apiId(api.apiId()).routeKey("GET /experiments/{id}")
                .target("integrations/" + integration.integrationId()));
        assertThat(route.authorizationTypeAsString()).isEqualTo("NONE");
        assertThat(route.apiKeyRequired()).isFalse();

        apis.createStage(b -> b.apiId(api.apiId()).stageName("$default").autoDeploy(true)
                .stageVariables(Map.of("table", "Experiments")));

        assertThat(apis.getApi(b -> b.apiId(api.apiId())).name()).isEqualTo("experiments-api");
        assertThat(apis.getRoutes(b -> b.apiId(api.apiId())).items()).singleElement()
                .satisfies(r -> assertThat(r.routeKey()).isEqualTo("GET /experiments/{id}"));
        assertThat(apis.getIntegration(b -> b.apiId(api.apiId()).integrationId(integration.integrationId()))
                .payloadFormatVersion()).isEqualTo("2.0");
        var stage = apis.getStage(b -> b.apiId(api.apiId()).stageName("$default"));
        assertThat(stage.autoDeploy()).isTrue();
        assertThat(stage.stageVariables()).containsEntry("table", "Experiments");
        assertThat(stage.deploymentId()).isNotBlank();
        assertThat(apis.getDeployments(b -> b.apiId(api.apiId())).items()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.autoDeployed()).isTrue());
    }

    @Test
    void quickCreateMakesIntegrationRouteAndDefaultStage() {
        CreateApiResponse api = apis.createApi(b -> b.name("quick").protocolType(ProtocolType.HTTP)
                .target("arn:aws:lambda:us-east-1:000000000000:function:f"));
        assertThat(apis.getRoutes(b -> b.apiId(api.apiId())).items()).singleElement()
                .satisfies(r -> assertThat(r.routeKey()).isEqualTo("$default"));
        assertThat(apis.getStages(b -> b.apiId(api.apiId())).items()).singleElement()
                .satisfies(s -> assertThat(s.stageName()).isEqualTo("$default"));
    }

    @Test
    void updatesAndDeletes() {
        CreateApiResponse api = api("a");
        apis.updateApi(b -> b.apiId(api.apiId()).name("b").description("renamed"));
        assertThat(apis.getApi(b -> b.apiId(api.apiId())).description()).isEqualTo("renamed");
        CreateRouteResponse route = apis.createRoute(b -> b.apiId(api.apiId()).routeKey("GET /x"));
        apis.updateRoute(b -> b.apiId(api.apiId()).routeId(route.routeId()).routeKey("POST /x"));
        assertThat(apis.getRoute(b -> b.apiId(api.apiId()).routeId(route.routeId())).routeKey()).isEqualTo("POST /x");
        apis.deleteRoute(b -> b.apiId(api.apiId()).routeId(route.routeId()));
        assertThat(apis.getRoutes(b -> b.apiId(api.apiId())).items()).isEmpty();
        apis.deleteApi(b -> b.apiId(api.apiId()));
        assertThatThrownBy(() -> apis.getApi(b -> b.apiId(api.apiId()))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Invalid API identifier specified 000000000000:" + api.apiId());
    }

    @Test
    void jwtAuthorizers() {
        CreateApiResponse api = api("secured");
        var authorizer = apis.createAuthorizer(b -> b.apiId(api.apiId()).name("jwt").authorizerType(AuthorizerType.JWT)
                .identitySource("$request.header.Authorization")
                .jwtConfiguration(j -> j.issuer("https://issuer.example").audience("app")));
        var read = apis.getAuthorizers(b -> b.apiId(api.apiId())).items();
        assertThat(read).singleElement().satisfies(a -> {
            assertThat(a.authorizerId()).isEqualTo(authorizer.authorizerId());
            assertThat(a.jwtConfiguration().issuer()).isEqualTo("https://issuer.example");
            assertThat(a.jwtConfiguration().audience()).containsExactly("app");
            assertThat(a.identitySource()).containsExactly("$request.header.Authorization");
        });
    }

    @Test
    void paginatesWithNextToken() {
        for (int i = 0; i < 5; i++) {
            api("api-" + i);
        }
        GetApisResponse first = apis.getApis(b -> b.maxResults("2"));
        assertThat(first.items()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        GetApisResponse second = apis.getApis(b -> b.maxResults("2").nextToken(first.nextToken()));
        GetApisResponse third = apis.getApis(b -> b.maxResults("2").nextToken(second.nextToken()));
        assertThat(third.items()).hasSize(1);
        assertThat(third.nextToken()).isNull();
    }

    @Test
    void errorsUseApiGatewayTypes() {
        CreateApiResponse api = api("a");
        assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(api.apiId()).routeKey("FETCH /x")))
                .isInstanceOf(BadRequestException.class);
        apis.createRoute(b -> b.apiId(api.apiId()).routeKey("GET /x"));
        assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(api.apiId()).routeKey("GET /x")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> apis.getRoute(b -> b.apiId(api.apiId()).routeId("nope")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> apis.createRoute(b -> b.apiId(api.apiId()).routeKey("GET /y").target("integrations/zz")))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void definitionsSurviveARestart() throws Exception {
        CreateApiResponse api = api("durable");
        apis.createRoute(b -> b.apiId(api.apiId()).routeKey("GET /x"));
        sandbox.close();
        sandbox = Sandbox.start(SandboxOptions.of(0, folder), line -> { }, SandboxComponents.standard());
        apis.close();
        apis = SdkClients.build(ApiGatewayV2Client.builder(), sandbox.endpoint(), http);
        assertThat(apis.getRoutes(b -> b.apiId(api.apiId())).items()).hasSize(1);
    }
}
