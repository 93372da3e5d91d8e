package dev.dynagate.apis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.connections.ConnectionRepository;
import dev.dynagate.requests.HttpRequestSender;
import dev.dynagate.requests.LocalServer;
import dev.dynagate.requests.RequestPresenter;
import dev.dynagate.requests.history.HistoryStore;
import dev.dynagate.shell.ConnectionBarView;
import dev.dynagate.shell.ConnectionSource;
import dev.dynagate.shell.MainWindow;
import dev.dynagate.shell.NavigatorPresenter;
import dev.dynagate.shell.NavigatorView;
import dev.dynagate.shell.SettingsStore;
import dev.dynagate.shell.ShellPresenter;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.tables.TableCatalog;
import dev.dynagate.testing.Screenshots;
import dev.dynagate.ui.FxExecutor;
import dev.dynagate.ui.Operations;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The route explorer and request tab in the main window, against a loopback server standing in for an API. */
@ExtendWith(ApplicationExtension.class)
class ApisFeatureTest {
    @TempDir
    static Path home;

    private static final ExecutorService background = Executors.newCachedThreadPool();
    private static final LocalServer server = new LocalServer();
    private static final AtomicInteger orderCalls = new AtomicInteger();
    private static final byte[] BIG = new byte[20 * 1024 * 1024];

    static {
        Arrays.fill(BIG, (byte) 'x');
        server.on("/_aws/execute-api/rest1/prod/orders/", ex -> {
            int call = orderCalls.incrementAndGet();
            ex.getResponseHeaders().add("x-amzn-RequestId", "req-" + call);
            ex.getResponseHeaders().add("X-Amzn-Trace-Id", "Root=1-" + call);
            LocalServer.reply(ex, 200, "application/json", ("{\"id\":\"42\",\"status\":\""
                    + (call == 1 ? "open" : "shipped") + "\",\"requestId\":\"req-" + call + "\",\"updatedAt\":\""
                    + "2026-11-26T10:0" + call + ":00Z\"}").getBytes(StandardCharsets.UTF_8));
        });
        server.on("/broken", ex -> LocalServer.reply(ex, 502, "application/json",
                "{\"message\": \"Internal server error\"}".getBytes(StandardCharsets.UTF_8)));
        server.on("/big", ex -> LocalServer.reply(ex, 200, "text/plain", BIG));
        server.on("/slow", ex -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalServer.reply(ex, 200, null, new byte[0]);
        });
    }

    private ApisFeature apis;
    private Scene scene;

    @AfterAll
    static void stop() {
        server.close();
        background.shutdownNow();
    }

    private static RouteCatalog catalog() {
        Integration list = IntegrationTargets.read("AWS_PROXY", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                + "functions/arn:aws:lambda:us-east-1:000000000000:function:orders-get:live/invocations", null, "1.0", 29000);
        Integration create = IntegrationTargets.read("AWS_PROXY", "arn:aws:lambda:us-east-1:000000000000:function:orders-create",
                null, "1.0", 10000);
        Integration router = IntegrationTargets.read("AWS_PROXY", "arn:aws:lambda:us-east-1:000000000000:function:items-router",
                null, "2.0", 30000);
        ApiSummary rest = new ApiSummary("rest1", "orders-api", ApiKind.REST, null, null);
        ApiSummary http = new ApiSummary("http1", "items-api", ApiKind.HTTP, null, null);
        ApiDetail restDetail = new ApiDetail(rest, List.of(new Stage("prod", "d1", false, Map.of())), List.of(
                new Route("r1", "GET", "/orders/{id}", "NONE", null, List.of(), false,
                        Map.of("method.request.path.id", true), list),
                new Route("r2", "POST", "/orders", "AWS_IAM", null, List.of(), true, Map.of(), create),
                new Route("r3", "DELETE", "/orders/{id}", "COGNITO_USER_POOLS", "a1", List.of(), false, Map.of(),
                        IntegrationTargets.read("HTTP_PROXY", "https://backend.internal/orders/{id}", null, null, 5000)),
                new Route("r4", "ANY", "/{proxy+}", "NONE", null, List.of(), false, Map.of(),
                        IntegrationTargets.read("MOCK", null, null, null, null))),
                List.of(new Authorizer("a1", "staff-pool", "COGNITO_USER_POOLS", "method.request.header.Authorization",
                        "arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_x", List.of())),
                List.of(new ApiKey("k1", "partner", "partner-key-123", true, Set.of("prod"))));
        ApiDetail httpDetail = new ApiDetail(http, List.of(new Stage("$default", null, true, Map.of())), List.of(
                new Route("h1", "GET", "/items/{id}", "JWT", null, List.of("items/read"), false, Map.of(), router),
                new Route("h2", null, "$default", "NONE", null, List.of(), false, Map.of(), router)),
                List.of(), List.of());
        return new RouteCatalog() {
            @Override
            public List<ApiSummary> listApis() {
                return List.of(rest, http);
            }

            @Override
            public ApiDetail describe(ApiSummary api) {
                return api.equals(rest) ? restDetail : httpDetail;
            }
        };
    }

    @Start
    void start(javafx.stage.Stage stage) {
        Operations operations = new Operations(background, new FxExecutor(), Clock.systemUTC());
        ConnectionSource source = new ConnectionSource() {
            @Override
            public ConnectionRepository.Listing load() {
                return new ConnectionRepository.Listing(List.of(Connection.sandbox()), Connection.sandbox(), List.of());
            }

            @Override
            public void save(List<Connection> connections, Connection active) {
            }
        };
        TableCatalog tables = (start, limit) -> new TableCatalog.TableNamesPage(List.of("Orders"), null);
        NavigatorPresenter navigator = new NavigatorPresenter(c -> tables, c -> e -> null, operations);
        HttpRequestSender sender = new HttpRequestSender((request, auth) -> {
            throw new AssertionError("no SigV4 route is sent in this test");
        }, background).withResolver(host -> {
            if (host.endsWith(".invalid")) {
                throw new UnknownHostException(host);
            }
        });
        apis = new ApisFeature(c -> catalog(), c -> e -> new dev.dynagate.ui.UserMessage(e.getMessage(), "", false),
                c -> URI.create(server.url("")), sender,
                new HistoryStore(home.resolve("history.jsonl"), 100, Clock.systemUTC()),
                () -> Map.of("base", server.url("")), operations);
        AtomicReference<ShellPresenter> shellRef = new AtomicReference<>();
        ShellPresenter shell = new ShellPresenter(source, new SettingsStore(home.resolve("config")), connection -> {
            navigator.show(connection);
            apis.show(connection);
        }, Runnable::run, Runnable::run);
        shellRef.set(shell);
        ConnectionBarView bar = new ConnectionBarView(shell, () -> { }, () -> { }, () -> { });
        NavigatorView navigatorView = new NavigatorView(navigator, t -> { }, apis.navigatorContent());
        MainWindow window = new MainWindow(bar, navigatorView, shell, operations);
        apis.attach(window::openTab);
        scene = new Scene(window, 1280, 800);
        ThemeSwitcher.apply(shell.theme().get(), scene);
        stage.setScene(scene);
        stage.show();
        shell.start().join();
    }

    @Test
    void pickARouteSendItSeeTheResponseThenReplayItWithADiff(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> apis.explorer().apis().size() == 2);
        TreeView<RouteTreeNode> tree = robot.lookup("#route-tree").query();
        TreeItem<RouteTreeNode> route = find(tree.getRoot(), "GET /orders/{id}");
        robot.interact(() -> tree.getSelectionModel().select(route));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#new-request-from-route").tryQuery().isPresent());
        assertThat(apis.explorer().selected().get().invokeUrl())
                .isEqualTo(server.url("/_aws/execute-api/rest1/prod/orders/{id}"));
        Screenshots.save(scene, "routes");
        robot.clickOn("#route-filter").write("jwt");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.getRoot().getChildren()).extracting(i -> ((RouteTreeNode.ApiNode) i.getValue()).api().api().name())
                .containsExactly("items-api");
        robot.interact(() -> apis.explorer().filter().set(""));
        robot.interact(() -> tree.scrollTo(tree.getRow(find(tree.getRoot(), "ANY /{proxy+}"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".catch-all-marker").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("routes inside the function");

        robot.clickOn("#new-request-from-route");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#request-url").tryQuery().isPresent());
        TextField url = robot.lookup("#request-url").query();
        assertThat(url.getText()).isEqualTo(server.url("/_aws/execute-api/rest1/prod/orders/{id}"));
        robot.clickOn("Params");
        TextField idValue = robot.lookup(".param-rows .text-field").nth(1).query();
        robot.clickOn(idValue).write("42");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);

        Label status = robot.lookup("#response-status").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "200 OK".equals(status.getText()));
        TextArea body = robot.lookup("#response-body").query();
        Screenshots.save(scene, "request-first-send");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> body.getText().contains("\"status\" : \"open\""));
        assertThat(server.seen.get(server.seen.size() - 1).uri()).isEqualTo("/_aws/execute-api/rest1/prod/orders/42");
        robot.clickOn("#body-tree-mode");
        TreeView<String> json = robot.lookup("#response-tree").query();
        assertThat(json.getRoot().getChildren()).extracting(TreeItem::getValue)
                .contains("status: \"open\"", "id: \"42\"");
        Screenshots.save(scene, "request-json-tree");
        robot.clickOn("Pretty");
        ListView<?> history = robot.lookup("#history-list").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        robot.clickOn("Request IDs");
        assertThat(robot.lookup(".text-field").queryAllAs(TextField.class))
                .extracting(TextField::getText).contains("req-1", "Root=1-1");

        robot.interact(() -> history.getSelectionModel().select(0));
        robot.clickOn("#history-replay");
        ListView<?> diff = robot.lookup("#replay-diff").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> diff.getItems().size() == 1);
        assertThat(diff.getItems().get(0).toString()).isEqualTo("~ $.status: \"open\" → \"shipped\"");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 2);
        Screenshots.save(scene, "request");
    }

    @Test
    void badInputGetsAClearMessageAndTheWindowStaysResponsive(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> apis.explorer().apis().size() == 2);
        RequestPresenter[] holder = new RequestPresenter[1];
        robot.interact(() -> holder[0] = apis.openBlankRequest());
        RequestPresenter request = holder[0];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#request-problem").tryQuery().isPresent());
        Label problem = robot.lookup("#request-problem").query();

        assertThat(sendAndReadProblem(robot, request, "GET", "http://exa mple:99999/x", null, problem))
                .contains("\"http://exa mple:99999/x\"");
        assertThat(sendAndReadProblem(robot, request, "POST", "{{base}}/x", "{\"a\": }", problem))
                .startsWith("The body is not valid JSON at line 1");
        assertThat(sendAndReadProblem(robot, request, "GET", "{{base}}/{{missing}}", null, problem))
                .contains("{{missing}}");
        assertThat(sendAndReadProblem(robot, request, "GET", "http://no-such-host.invalid/x", null, problem))
                .contains("could not be resolved");
        int closed = dev.dynagate.testing.MotoServer.freePort();
        assertThat(sendAndReadProblem(robot, request, "GET", "http://127.0.0.1:" + closed + "/", null, problem))
                .contains("connection refused");

        setRequest(robot, request, "GET", "{{base}}/slow", null);
        robot.interact(() -> request.timeoutSeconds().set(2));
        robot.clickOn("#send-request");
        // while the request hangs the window still reacts: the button offers Cancel at once
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#send-request").queryButton().getText()).isEqualTo("Cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problem.getText() != null && problem.isVisible());
        assertThat(problem.getText()).contains("timeout");

        setRequest(robot, request, "GET", "{{base}}/broken", null);
        robot.clickOn("#send-request");
        Label status = robot.lookup("#response-status").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "502 Bad Gateway".equals(status.getText()));
        assertThat(robot.lookup("#response-body").queryAs(TextArea.class).getText()).contains("Internal server error");

        setRequest(robot, request, "GET", "{{base}}/big", null);
        robot.clickOn("#send-request");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "200 OK".equals(status.getText())
                && robot.lookup("#response-facts").queryAs(Label.class).getText().contains("20.0 MB"));
        assertThat(robot.lookup("#response-facts").queryAs(Label.class).getText())
                .contains("20.0 MB (kept the first 10.0 MB)");
        Screenshots.save(scene, "request-big-body");
        assertThat(robot.lookup("#load-all").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#response-body").queryAs(TextArea.class).getLength()).isEqualTo(200_000);

        robot.interact(() -> robot.lookup("#request-url").queryAs(TextField.class)
                .setText("curl -X PUT '" + server.url("/items/9") + "' -H 'X-Trace: t1' --data-raw '{\"a\":1}'"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "PUT".equals(request.method().get()));
        assertThat(request.url().get()).isEqualTo(server.url("/items/9"));
        assertThat(request.bodyText().get()).isEqualTo("{\"a\":1}");
        Screenshots.save(scene, "request-big-body");
    }

    private static void setRequest(FxRobot robot, RequestPresenter request, String method, String url, String json) {
        robot.interact(() -> {
            request.load(dev.dynagate.requests.model.RequestSpec.of(method, url)
                    .withBody(json == null ? dev.dynagate.requests.model.Body.NONE
                            : dev.dynagate.requests.model.Body.json(json)));
        });
    }

    private static String sendAndReadProblem(FxRobot robot, RequestPresenter request, String method, String url,
                                             String json, Label problem) throws Exception {
        setRequest(robot, request, method, url, json);
        robot.clickOn("#send-request");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problem.getText() != null && problem.isVisible());
        return problem.getText();
    }

    private static TreeItem<RouteTreeNode> find(TreeItem<RouteTreeNode> item, String label) {
        if (item.getValue() instanceof RouteTreeNode.RouteNode node && node.route().label().equals(label)) {
            return item;
        }
        for (TreeItem<RouteTreeNode> child : item.getChildren()) {
            TreeItem<RouteTreeNode> found = find(child, label);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
