package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.apis.ApiDetail;
import dev.dynagate.apis.ApiKind;
import dev.dynagate.apis.ApiSummary;
import dev.dynagate.apis.Integration;
import dev.dynagate.apis.Route;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.testing.MotoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.JWTConfiguration;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** Reads REST and HTTP APIs created through the SDK in moto_server, the way the explorer shows them. */
class ApiGatewayRouteCatalogAgainstMotoTest {
    private static final String FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:orders";
    private static final String LAMBDA_URI = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
            + FUNCTION + ":live/invocations";

    static MotoServer moto;
    static AwsClientFactory factory;
    static Connection connection;
    static String restId;
    static String httpId;
    static String keyValue;

    @TempDir
    static Path home;

    @BeforeAll
    static void createApis() throws Exception {
        moto = MotoServer.start();
        connection = Connection.endpoint("moto", moto.endpoint(), "eu-west-1");
        factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home), () -> null, new SessionSecrets());
        createRestApi(factory.apiGateway(connection));
        createHttpApi(factory.apiGatewayV2(connection));
    }

    private static void createRestApi(ApiGatewayClient v1) {
        restId = v1.createRestApi(r -> r.name("orders-rest")).id();
        String root = v1.getResources(r -> r.restApiId(restId)).items().stream()
                .filter(r -> r.path().equals("/")).findFirst().orElseThrow().id();
        String orders = v1.createResource(r -> r.restApiId(restId).parentId(root).pathPart("orders")).id();
        String order = v1.createResource(r -> r.restApiId(restId).parentId(orders).pathPart("{id}")).id();
        String proxy = v1.createResource(r -> r.restApiId(restId).parentId(root).pathPart("{proxy+}")).id();
        v1.putMethod(r -> r.restApiId(restId).resourceId(orders).httpMethod("GET").authorizationType("AWS_IAM"));
        v1.putIntegration(r -> r.restApiId(restId).resourceId(orders).httpMethod("GET").type("AWS_PROXY")
                .integrationHttpMethod("POST").uri(LAMBDA_URI).timeoutInMillis(12000));
        v1.putMethod(r -> r.restApiId(restId).resourceId(order).httpMethod("DELETE").authorizationType("NONE")
                .apiKeyRequired(true).requestParameters(Map.of("method.request.path.id", true)));
        v1.putIntegration(r -> r.restApiId(restId).resourceId(order).httpMethod("DELETE").type("HTTP_PROXY")
                .integrationHttpMethod("DELETE").uri("https://backend.internal/orders/{id}"));
        v1.putMethod(r -> r.restApiId(restId).resourceId(proxy).httpMethod("ANY").authorizationType("NONE"));
        v1.putIntegration(r -> r.restApiId(restId).resourceId(proxy).httpMethod("ANY").type("MOCK"));
        v1.createDeployment(r -> r.restApiId(restId).stageName("prod"));
        var key = v1.createApiKey(r -> r.name("partner").enabled(true));
        keyValue = key.value();
        var plan = v1.createUsagePlan(r -> r.name("gold").apiStages(ApiStage.builder().apiId(restId).stage("prod").build()));
        v1.createUsagePlanKey(r -> r.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY"));
    }

    private static void createHttpApi(ApiGatewayV2Client v2) {
        httpId = v2.createApi(r -> r.name("orders-http").protocolType(ProtocolType.HTTP)).apiId();
        String lambda = v2.createIntegration(r -> r.apiId(httpId).integrationType(IntegrationType.AWS_PROXY)
                .integrationUri(FUNCTION).payloadFormatVersion("2.0").timeoutInMillis(29000)).integrationId();
        String jwt = v2.createAuthorizer(r -> r.apiId(httpId).name("cognito").authorizerType(AuthorizerType.JWT)
                .identitySource("$request.header.Authorization")
                .jwtConfiguration(JWTConfiguration.builder().issuer("https://issuer.example/pool").audience("app").build()))
                .authorizerId();
        v2.createRoute(r -> r.apiId(httpId).routeKey("GET /items/{id}").target("integrations/" + lambda)
                .authorizationType(AuthorizationType.JWT).authorizerId(jwt).authorizationScopes("items/read"));
        v2.createRoute(r -> r.apiId(httpId).routeKey("$default").target("integrations/" + lambda));
        v2.createStage(r -> r.apiId(httpId).stageName("$default").autoDeploy(true));
    }

    @AfterAll
    static void stop() {
        if (factory != null) {
            factory.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private ApiDetail describe(String id) {
        ApiGatewayRouteCatalog catalog = new ApiGatewayRouteCatalog(factory.apiGateway(connection),
                factory.apiGatewayV2(connection));
        ApiSummary api = catalog.listApis().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        return catalog.describe(api);
    }

    @Test
    void listsRestAndHttpApis() {
        List<ApiSummary> apis = new ApiGatewayRouteCatalog(factory.apiGateway(connection),
                factory.apiGatewayV2(connection)).listApis();

        assertThat(apis).extracting(ApiSummary::name, ApiSummary::kind)
                .contains(org.assertj.core.groups.Tuple.tuple("orders-rest", ApiKind.REST),
                        org.assertj.core.groups.Tuple.tuple("orders-http", ApiKind.HTTP));
    }

    @Test
    void restRoutesCarryAuthKeysParametersAndTheirTargets() {
        ApiDetail detail = describe(restId);

        assertThat(detail.routes()).extracting(Route::label)
                .containsExactly("GET /orders", "DELETE /orders/{id}", "ANY /{proxy+}");
        Route list = detail.routes().get(0);
        assertThat(list.requiresIam()).isTrue();
        assertThat(list.integration().kind()).isEqualTo(Integration.Kind.LAMBDA);
        assertThat(list.integration().target()).isEqualTo("orders:live");
        assertThat(list.integration().functionArn()).isEqualTo(FUNCTION + ":live");
        assertThat(list.integration().timeoutMillis()).isEqualTo(12000);
        Route delete = detail.routes().get(1);
        assertThat(delete.apiKeyRequired()).isTrue();
        assertThat(delete.requestParameters()).containsEntry("method.request.path.id", true);
        assertThat(delete.pathParameters()).containsExactly("id");
        assertThat(delete.integration().kind()).isEqualTo(Integration.Kind.HTTP);
        assertThat(detail.routes().get(2).isCatchAll()).isTrue();
        assertThat(detail.routes().get(2).integration().kind()).isEqualTo(Integration.Kind.MOCK);
        assertThat(detail.stages()).extracting(s -> s.name()).containsExactly("prod");
        assertThat(detail.keysFor("prod")).extracting(k -> k.value()).containsExactly(keyValue);
    }

    @Test
    void httpRoutesJoinTheirIntegrationsAndAuthorizers() {
        ApiDetail detail = describe(httpId);

        assertThat(detail.routes()).extracting(Route::label).containsExactly("$default", "GET /items/{id}");
        Route item = detail.routes().get(1);
        assertThat(item.authorizationType()).isEqualTo("JWT");
        assertThat(item.scopes()).containsExactly("items/read");
        assertThat(detail.authorizer(item.authorizerId()).takesBearerToken()).isTrue();
        assertThat(detail.authorizer(item.authorizerId()).target()).isEqualTo("https://issuer.example/pool");
        assertThat(item.integration().target()).isEqualTo("orders");
        assertThat(item.integration().payloadFormat()).isEqualTo("2.0");
        assertThat(detail.routes().get(0).isCatchAll()).isTrue();
        assertThat(detail.stages()).extracting(s -> s.name()).containsExactly("$default");
    }
}
