package dev.dynagate.apis;

import dev.dynagate.connections.Connection;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.LatestOnly;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The navigator's APIs section: every API of the active connection with its stages and routes, read in the
 * background (APIs appear one by one as they are described). A newer connection or refresh wins.
 */
public final class RouteExplorerPresenter {

    public enum State { IDLE, LOADING, READY, EMPTY, FAILED }

    private final Function<Connection, RouteCatalog> catalogs;
    private final Function<Connection, ErrorDescriber> errors;
    private final Function<Connection, URI> localEndpoints;
    private final Operations operations;
    private final LatestOnly latest = new LatestOnly();

    private final ObservableList<ApiDetail> apis = FXCollections.observableArrayList();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final ObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<RouteSelection> selected = new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty filter = new javafx.beans.property.SimpleStringProperty("");
    private Connection connection;
    private volatile URI localEndpoint;

    /**
     * @param localEndpoints the emulator endpoint whose path-style invoke URLs to show (sandbox, custom endpoint),
     *                       or null for AWS; may start the sandbox, so it is called in the background
     */
    public RouteExplorerPresenter(Function<Connection, RouteCatalog> catalogs,
                                  Function<Connection, ErrorDescriber> errors,
                                  Function<Connection, URI> localEndpoints, Operations operations) {
        this.catalogs = catalogs;
        this.errors = errors;
        this.localEndpoints = localEndpoints;
        this.operations = operations;
    }

    public ObservableList<ApiDetail> apis() {
        return apis;
    }

    public ObjectProperty<State> state() {
        return state;
    }

    public ObjectProperty<UserMessage> problem() {
        return problem;
    }

    public ObjectProperty<RouteSelection> selected() {
        return selected;
    }

    /** Words that a shown route's method, path, API name or target must all contain. */
    public javafx.beans.property.StringProperty filter() {
        return filter;
    }

    /** The routes of an API that pass the filter (every route when the API's own name matches). */
    public List<Route> visibleRoutes(ApiDetail api) {
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(java.util.Locale.ROOT);
        if (text.isEmpty()) {
            return api.routes();
        }
        List<String> words = List.of(text.split("\\s+"));
        return api.routes().stream().filter(route -> {
            String haystack = (api.api().name() + " " + api.api().id() + " " + route.label() + " "
                    + route.integration().target() + " " + route.authorizationType()).toLowerCase(java.util.Locale.ROOT);
            return words.stream().allMatch(haystack::contains);
        }).toList();
    }

    public Connection connection() {
        return connection;
    }

    public CompletableFuture<List<ApiDetail>> show(Connection value) {
        connection = value;
        return refresh();
    }

    public CompletableFuture<List<ApiDetail>> refresh() {
        Connection target = connection;
        apis.clear();
        selected.set(null);
        problem.set(null);
        if (target == null) {
            state.set(State.IDLE);
            return CompletableFuture.completedFuture(List.of());
        }
        state.set(State.LOADING);
        return latest.run(operations, "Listing APIs of " + target.name(), ticket -> describeAll(target, ticket),
                (all, error) -> {
                    if (error != null) {
                        problem.set(errors.apply(target).describe(error));
                        state.set(State.FAILED);
                    } else {
                        state.set(all.isEmpty() ? State.EMPTY : State.READY);
                    }
                });
    }

    private List<ApiDetail> describeAll(Connection target, long ticket) {
        localEndpoint = localEndpoints.apply(target);
        RouteCatalog catalog = catalogs.apply(target);
        List<ApiDetail> all = new ArrayList<>();
        for (ApiSummary api : catalog.listApis()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
            ApiDetail detail = catalog.describe(api);
            all.add(detail);
            operations.ui().execute(() -> {
                if (latest.isCurrent(ticket)) {
                    apis.add(detail);
                }
            });
        }
        return all;
    }

    /** Selects a route as picked under a stage (null stage: the API is not deployed). */
    public void select(ApiDetail api, Stage stage, Route route) {
        selected.set(route == null ? null : new RouteSelection(api, stage, route, invokeUrl(api, stage, route)));
    }

    /** The URL a client calls, or null when there is no stage to call. */
    public String invokeUrl(ApiDetail api, Stage stage, Route route) {
        if (stage == null || connection == null) {
            return null;
        }
        String region = connection.region() == null || connection.region().isBlank() ? "us-east-1" : connection.region();
        return InvokeUrls.of(api.api(), stage, route, region, localEndpoint);
    }

    /** Routes grouped by path in path order; catch-all keys ({@code $default}, WebSocket keys) group by themselves. */
    public static Map<String, List<Route>> byPath(List<Route> routes) {
        Map<String, List<Route>> groups = new LinkedHashMap<>();
        routes.forEach(route -> groups.computeIfAbsent(route.path() == null ? "/" : route.path(),
                path -> new ArrayList<>()).add(route));
        return groups;
    }
}
