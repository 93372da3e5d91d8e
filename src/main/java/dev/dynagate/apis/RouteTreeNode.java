package dev.dynagate.apis;

import java.util.List;

/** What a row of the route tree stands for. */
sealed interface RouteTreeNode {

    record ApiNode(ApiDetail api) implements RouteTreeNode {
    }

    record StageNode(ApiDetail api, Stage stage) implements RouteTreeNode {
    }

    record PathNode(String path, List<Route> routes) implements RouteTreeNode {
        boolean catchAll() {
            return routes.stream().anyMatch(Route::isCatchAll);
        }
    }

    record RouteNode(ApiDetail api, Stage stage, Route route) implements RouteTreeNode {
    }
}
