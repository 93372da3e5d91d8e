package dev.dynagate.apis;

import dev.dynagate.connections.Connection;
import dev.dynagate.requests.HttpRequestSender;
import dev.dynagate.requests.RequestPresenter;
import dev.dynagate.requests.RequestView;
import dev.dynagate.requests.SendGuard;
import dev.dynagate.requests.history.HistoryPresenter;
import dev.dynagate.requests.history.HistoryStore;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * The APIs feature as the composition root sees it: the navigator's route explorer, and request tabs opened from
 * routes (or blank), all sharing one sender and one history.
 */
public final class ApisFeature {

    /** Opens a workspace tab (the main window's {@code openTab}). */
    @FunctionalInterface
    public interface TabOpener {
        void open(String id, String title, Supplier<Node> content);
    }

    private final RouteExplorerPresenter explorer;
    private final RouteExplorerView explorerView;
    private RouteDetailView routeDetail;
    private final HttpRequestSender sender;
    private final HistoryPresenter history;
    private final Supplier<Map<String, String>> variables;
    private final Operations operations;
    private final AtomicInteger tabs = new AtomicInteger();
    private TabOpener opener = (id, title, content) -> { };

    /**
     * @param localEndpoints the emulator endpoint of a connection for path-style invoke URLs, or null for AWS
     * @param variables      the active environment's variables for {{name}} references
     */
    private java.util.function.Consumer<RequestSpec> saver;

    public ApisFeature(Function<Connection, RouteCatalog> catalogs, Function<Connection, ErrorDescriber> errors,
                       Function<Connection, URI> localEndpoints, HttpRequestSender sender, HistoryStore historyStore,
                       Supplier<Map<String, String>> variables, Operations operations) {
        this.explorer = new RouteExplorerPresenter(catalogs, errors, localEndpoints, operations);
        this.sender = sender;
        this.history = new HistoryPresenter(historyStore, operations, ZoneId.systemDefault());
        this.variables = variables;
        this.operations = operations;
        this.explorerView = new RouteExplorerView(explorer, this::openRequest, this::openBlankRequest);
        explorer.selected().addListener((obs, old, selection) -> {
            if (selection != null) {
                opener.open("route-detail", "Route", this::routeDetail);
            }
        });
        history.load();
    }

    /** The route pane, built when the first route is picked rather than with the window. */
    private RouteDetailView routeDetail() {
        if (routeDetail == null) {
            routeDetail = new RouteDetailView(explorer, this::openRequest);
        }
        return routeDetail;
    }

    public Node navigatorContent() {
        return explorerView;
    }

    public void attach(TabOpener value) {
        opener = value;
    }

    public void show(Connection connection) {
        explorer.show(connection);
    }

    public RouteExplorerPresenter explorer() {
        return explorer;
    }

    public HistoryPresenter history() {
        return history;
    }

    /** A new request tab prefilled from the route: method, stage URL, path parameters, auth. */
    public RequestPresenter openRequest(RouteSelection selection) {
        RouteRequests.Prefilled prefilled = RouteRequests.from(selection);
        RequestPresenter presenter = newPresenter();
        presenter.load(prefilled.spec());
        presenter.offerApiKeys(prefilled.apiKeys());
        open(prefilled.spec().name(), presenter);
        return presenter;
    }

    /** Opens a saved request (from a collection) in a new request tab. */
    public RequestPresenter openSaved(RequestSpec spec) {
        RequestPresenter presenter = newPresenter();
        presenter.load(spec);
        open(spec.name() == null ? "Request" : spec.name(), presenter);
        return presenter;
    }

    /** Where a request tab's "Save to the open collection" goes. */
    public void onSave(java.util.function.Consumer<RequestSpec> value) {
        saver = value;
    }

    public RequestPresenter openBlankRequest() {
        RequestPresenter presenter = newPresenter();
        presenter.load(RequestSpec.of("GET", ""));
        open("New request", presenter);
        return presenter;
    }

    private RequestPresenter newPresenter() {
        return new RequestPresenter(sender, variables, history, SendGuard.readOnly(() -> {
            Connection connection = explorer.connection();
            return connection != null && connection.readOnly() ? connection.name() : null;
        }), operations);
    }

    private void open(String title, RequestPresenter presenter) {
        opener.open("request-" + tabs.incrementAndGet(), title, () -> new RequestView(presenter, history,
                this::defaultRegion, saver));
    }

    private String defaultRegion() {
        Connection connection = explorer.connection();
        return connection == null || connection.region() == null || connection.region().isBlank() ? "us-east-1"
                : connection.region();
    }
}
