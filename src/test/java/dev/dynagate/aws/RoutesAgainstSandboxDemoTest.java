package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.apis.ApiDetail;
import dev.dynagate.apis.ApiKind;
import dev.dynagate.apis.ApiSummary;
import dev.dynagate.apis.Integration;
import dev.dynagate.apis.InvokeUrls;
import dev.dynagate.apis.Route;
import dev.dynagate.apis.RouteSelection;
import dev.dynagate.apis.RouteRequests;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.requests.HttpRequestSender;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.requests.model.ResponseRecord;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer and the request sender against the sandbox's demo APIs, through the same SDK clients as the app. */
class RoutesAgainstSandboxDemoTest {
    @TempDir
    static Path data;
    static Sandbox sandbox;
    static AwsClientFactory factory;
    static Connection connection;
    static final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, data.resolve("sandbox")).withDemo(true), line -> { });
        connection = Connection.endpoint("sandbox", sandbox.endpoint(), "us-east-1");
        factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), data), () -> null, new SessionSecrets());
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
        if (factory != null) {
            factory.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static ApiDetail describe(String name) {
        ApiGatewayRouteCatalog catalog = new ApiGatewayRouteCatalog(factory.apiGateway(connection),
                factory.apiGatewayV2(connection));
        ApiSummary api = catalog.listApis().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
        return catalog.describe(api);
    }

    private static Route route(ApiDetail detail, String label) {
        return detail.routes().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void theDemoHttpApiShowsOneFunctionPerRoute() {
        ApiDetail detail = describe("experiments-api");

        assertThat(detail.api().kind()).isEqualTo(ApiKind.HTTP);
        assertThat(detail.routes()).extracting(Route::label).contains("GET /experiments",
                "GET /experiments/{experimentId}", "POST /experiments/{experimentId}/samples",
                "DELETE /experiments/{experimentId}/samples/{sampleId}");
        Route one = route(detail, "GET /experiments/{experimentId}");
        assertThat(one.integration().kind()).isEqualTo(Integration.Kind.LAMBDA);
        assertThat(one.integration().functionArn()).contains(":function:");
        assertThat(detail.stages()).extracting(s -> s.name()).contains("$default");
    }

    @Test
    void theDemoRestProxyIsACatchAllAndAnswersThroughItsInvokeUrl() throws Exception {
        ApiDetail detail = describe("experiments-proxy");
        Route proxy = detail.routes().stream().filter(Route::isCatchAll).findFirst().orElseThrow();
        assertThat(proxy.path()).isEqualTo("/{proxy+}");
        var stage = detail.stages().stream().filter(s -> s.name().equals("dev")).findFirst().orElseThrow();

        String url = InvokeUrls.of(detail.api(), stage, proxy, "us-east-1", sandbox.endpoint())
                .replace("{proxy+}", "experiments/EXP-CARDIO-2024-001/samples/SAMPLE%230001");
        ResponseRecord response = new HttpRequestSender((r, a) -> {
            throw new AssertionError();
        }, executor).send(RequestSpec.of("GET", url)).get(20, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("SAMPLE#0001");
    }

    @Test
    void aRequestFromARouteIsSentSignedAndAnswered() throws Exception {
        ApiDetail detail = describe("experiments-api");
        Route list = route(detail, "GET /experiments");
        var stage = detail.stages().get(0);
        RouteSelection selection = new RouteSelection(detail, stage, list,
                InvokeUrls.of(detail.api(), stage, list, "us-east-1", sandbox.endpoint()));
        RequestSpec spec = RouteRequests.from(selection).spec().withAuth(new Auth.SigV4(null, null, null));
        HttpRequestSender sender = new HttpRequestSender(new SdkSigV4Signer(new SdkSigV4Signer.CredentialsSource() {
            @Override
            public software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials(String profile) {
                return factory.credentials(connection);
            }

            @Override
            public String defaultRegion() {
                return "us-east-1";
            }
        }, Clock.systemUTC()), executor);

        var exchange = sender.exchange(spec).get(20, TimeUnit.SECONDS);

        assertThat(exchange.response().status()).isEqualTo(200);
        assertThat(exchange.response().bodyText()).contains("EXP-CARDIO-2024-001");
        assertThat(exchange.request().signing().credentialScope()).endsWith("/us-east-1/execute-api/aws4_request");
        assertThat(exchange.response().header("apigw-requestid")).isNotBlank();
        assertThat(spec.body()).isEqualTo(Body.NONE);
        assertThat(List.of(spec.method())).containsExactly("GET");
    }
}
