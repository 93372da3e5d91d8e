package dev.dynagate.apis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteExplorerPresenterTest {
    private final Operations operations = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private static final ApiSummary REST = new ApiSummary("r1", "orders", ApiKind.REST, null, null);
    private static final Stage PROD = new Stage("prod", "d", false, Map.of());
    private static final Route IAM = new Route("1", "POST", "/orders", "AWS_IAM", null, List.of(), true, Map.of(), null);
    private static final Route JWT = new Route("2", "GET", "/orders/{id}", "JWT", "a1", List.of(), false, Map.of(), null);
    private static final Route CUSTOM = new Route("3", "DELETE", "/orders/{id}", "CUSTOM", "a2", List.of(), false, Map.of(), null);
    private static final Route KEY_ONLY = new Route("4", "ANY", "/{proxy+}", "NONE", null, List.of(), true, Map.of(), null);
    private static final ApiDetail DETAIL = new ApiDetail(REST, List.of(PROD), List.of(IAM, JWT, CUSTOM, KEY_ONLY),
            List.of(new Authorizer("a1", "jwt", "JWT", "$request.header.Authorization", "https://issuer", List.of("app")),
                    new Authorizer("a2", "lambda", "REQUEST", "method.request.header.X-Tenant, method.request.querystring.q",
                            "auth-fn", List.of())),
            List.of(new ApiKey("k1", "partner", "key-1", true, Set.of("prod")),
                    new ApiKey("k2", "old", "key-2", false, Set.of("prod")),
                    new ApiKey("k3", "other", "key-3", true, Set.of("dev"))));

    private static RouteCatalog catalog(List<ApiDetail> details) {
        return new RouteCatalog() {
            @Override
            public List<ApiSummary> listApis() {
                return details.stream().map(ApiDetail::api).toList();
            }

            @Override
            public ApiDetail describe(ApiSummary api) {
                return details.stream().filter(d -> d.api().equals(api)).findFirst().orElseThrow();
            }
        };
    }

    @Test
    void listsApisAndBuildsLocalInvokeUrlsForEmulatorConnections() {
        RouteExplorerPresenter presenter = new RouteExplorerPresenter(c -> catalog(List.of(DETAIL)), c -> e -> null,
                c -> URI.create("http://127.0.0.1:4566"), operations);

        presenter.show(Connection.sandbox()).join();
        presenter.select(DETAIL, PROD, JWT);

        assertThat(presenter.state().get()).isEqualTo(RouteExplorerPresenter.State.READY);
        assertThat(presenter.apis()).containsExactly(DETAIL);
        assertThat(presenter.selected().get().invokeUrl())
                .isEqualTo("http://127.0.0.1:4566/_aws/execute-api/r1/prod/orders/{id}");
        assertThat(RouteExplorerPresenter.byPath(DETAIL.routes()).keySet())
                .containsExactly("/orders", "/orders/{id}", "/{proxy+}");
    }

    @Test
    void theFilterKeepsRoutesWhoseMethodPathTargetOrAuthMatchEveryWord() {
        RouteExplorerPresenter presenter = new RouteExplorerPresenter(c -> catalog(List.of(DETAIL)), c -> e -> null,
                c -> null, operations);
        presenter.filter().set("get orders/{id}");
        assertThat(presenter.visibleRoutes(DETAIL)).containsExactly(JWT);
        presenter.filter().set("aws_iam");
        assertThat(presenter.visibleRoutes(DETAIL)).containsExactly(IAM);
        presenter.filter().set("ORDERS");
        assertThat(presenter.visibleRoutes(DETAIL)).hasSize(4);
        presenter.filter().set("nothing-like-this");
        assertThat(presenter.visibleRoutes(DETAIL)).isEmpty();
    }

    @Test
    void aFailedListingShowsTheDescribedProblem() {
        RouteCatalog broken = new RouteCatalog() {
            @Override
            public List<ApiSummary> listApis() {
                throw new IllegalStateException("AccessDenied");
            }

            @Override
            public ApiDetail describe(ApiSummary api) {
                throw new AssertionError();
            }
        };
        RouteExplorerPresenter presenter = new RouteExplorerPresenter(c -> broken,
                c -> e -> new UserMessage("Access denied: apigateway:GET.", "Ask for it.", false), c -> null, operations);

        presenter.show(Connection.profile("prod", "eu-west-1")).exceptionally(e -> null).join();

        assertThat(presenter.state().get()).isEqualTo(RouteExplorerPresenter.State.FAILED);
        assertThat(presenter.problem().get().oneLine()).isEqualTo("Access denied: apigateway:GET. Ask for it.");
    }

    @Test
    void requestsFromRoutesArePrewiredWithTheRoutesAuth() {
        RouteSelection iam = new RouteSelection(DETAIL, PROD, IAM, "https://x/prod/orders");
        RouteRequests.Prefilled signed = RouteRequests.from(iam);
        assertThat(signed.spec().auth()).isEqualTo(new Auth.SigV4("execute-api", null, null));
        assertThat(signed.spec().headers()).containsExactly(KeyValue.of("x-api-key", "key-1"));
        assertThat(signed.apiKeys()).containsExactly("key-1");
        assertThat(signed.spec().method()).isEqualTo("POST");
        assertThat(signed.spec().body().text()).isNotNull();

        assertThat(RouteRequests.from(new RouteSelection(DETAIL, PROD, JWT, "u")).spec().auth())
                .isEqualTo(new Auth.Bearer(""));
        assertThat(RouteRequests.from(new RouteSelection(DETAIL, PROD, CUSTOM, "u")).spec().headers())
                .containsExactly(KeyValue.of("X-Tenant", ""));
        RouteRequests.Prefilled keyed = RouteRequests.from(new RouteSelection(DETAIL, PROD, KEY_ONLY, "u"));
        assertThat(keyed.spec().auth()).isEqualTo(new Auth.ApiKey("x-api-key", "key-1", Auth.ApiKey.Placement.HEADER));
        assertThat(keyed.spec().method()).isEqualTo("GET");
    }
}
