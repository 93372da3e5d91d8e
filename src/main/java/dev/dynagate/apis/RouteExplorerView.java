package dev.dynagate.apis;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The navigator's APIs section: a tree API → stage → path → method; the selected route's details open in the workspace.
 * Double-click or Enter on a route (or the detail's button) opens a request for it.
 */
public final class RouteExplorerView extends VBox {
    final TreeView<RouteTreeNode> tree = new TreeView<>();
    final Label placeholder = new Label();

    public RouteExplorerView(RouteExplorerPresenter presenter, Consumer<RouteSelection> openRequest,
                             Runnable openBlankRequest) {
        getStyleClass().add("route-explorer");
        getStylesheets().add(RouteExplorerView.class.getResource("/dev/dynagate/apis/apis.css").toExternalForm());
        tree.setId("route-tree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(view -> new RouteCell());
        presenter.apis().addListener((ListChangeListener<ApiDetail>) change -> rebuild(presenter));
        presenter.filter().addListener((obs, old, text) -> rebuild(presenter));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            // only a picked route changes the detail: a filter hiding the route leaves it on show
            if (item != null && item.getValue() instanceof RouteTreeNode.RouteNode node) {
                presenter.select(node.api(), node.stage(), node.route());
            }
        });
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && routeSelected() && presenter.selected().get() != null) {
                openRequest.accept(presenter.selected().get());
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && routeSelected() && presenter.selected().get() != null) {
                openRequest.accept(presenter.selected().get());
            }
        });

        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> placeholderText(presenter),
                presenter.state(), presenter.problem()));
        StackPane treeArea = new StackPane(tree, placeholder);
        placeholder.visibleProperty().bind(Bindings.isEmpty(presenter.apis()));
        tree.visibleProperty().bind(placeholder.visibleProperty().not());

        Button refresh = new Button(null, new FontIcon("fth-refresh-cw"));
        refresh.setTooltip(new Tooltip("List the APIs again"));
        refresh.setOnAction(e -> presenter.refresh());
        Button blank = new Button(null, new FontIcon("fth-plus"));
        blank.setId("new-blank-request");
        blank.setTooltip(new Tooltip("New request (not tied to a route)"));
        blank.setOnAction(e -> openBlankRequest.run());
        javafx.scene.control.TextField filter = new javafx.scene.control.TextField();
        filter.setId("route-filter");
        filter.setPromptText("Filter routes");
        filter.textProperty().bindBidirectional(presenter.filter());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> presenter.apis().size() + " APIs",
                presenter.apis()));
        HBox tools = new HBox(6, filter, blank, refresh);
        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox.setVgrow(treeArea, Priority.ALWAYS);
        getChildren().addAll(tools, treeArea, count);
        setSpacing(6);
        setPadding(new Insets(6));
    }

    private boolean routeSelected() {
        TreeItem<RouteTreeNode> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof RouteTreeNode.RouteNode;
    }

    private void rebuild(RouteExplorerPresenter presenter) {
        RouteSelection keep = presenter.selected().get();
        List<ApiDetail> apis = presenter.apis();
        boolean filtering = !presenter.filter().get().isBlank();
        TreeItem<RouteTreeNode> root = new TreeItem<>();
        for (ApiDetail api : apis) {
            List<Route> routes = presenter.visibleRoutes(api);
            if (filtering && routes.isEmpty()) {
                continue;
            }
            TreeItem<RouteTreeNode> apiItem = new TreeItem<>(new RouteTreeNode.ApiNode(api));
            if (api.stages().isEmpty()) {
                addRoutes(apiItem, api, null, routes);
            }
            for (Stage stage : api.stages()) {
                TreeItem<RouteTreeNode> stageItem = new TreeItem<>(new RouteTreeNode.StageNode(api, stage));
                addRoutes(stageItem, api, stage, routes);
                stageItem.setExpanded(true);
                apiItem.getChildren().add(stageItem);
            }
            apiItem.setExpanded(filtering || apis.size() <= 5);
            root.getChildren().add(apiItem);
        }
        tree.setRoot(root);
        if (keep != null) {
            reselect(root, keep);
        }
    }

    /** A filter or a newly listed API rebuilds the tree; the route being looked at stays selected if still shown. */
    private void reselect(TreeItem<RouteTreeNode> item, RouteSelection keep) {
        if (item.getValue() instanceof RouteTreeNode.RouteNode node && node.route().equals(keep.route())
                && node.api().equals(keep.api()) && java.util.Objects.equals(node.stage(), keep.stage())) {
            tree.getSelectionModel().select(item);
            return;
        }
        item.getChildren().forEach(child -> reselect(child, keep));
    }

    private static void addRoutes(TreeItem<RouteTreeNode> parent, ApiDetail api, Stage stage, List<Route> routes) {
        for (Map.Entry<String, List<Route>> group : RouteExplorerPresenter.byPath(routes).entrySet()) {
            TreeItem<RouteTreeNode> pathItem = new TreeItem<>(new RouteTreeNode.PathNode(group.getKey(), group.getValue()));
            group.getValue().forEach(route -> pathItem.getChildren()
                    .add(new TreeItem<>(new RouteTreeNode.RouteNode(api, stage, route))));
            pathItem.setExpanded(true);
            parent.getChildren().add(pathItem);
        }
    }

    private static String placeholderText(RouteExplorerPresenter presenter) {
        return switch (presenter.state().get()) {
            case IDLE -> "Pick a connection to list its APIs.";
            case LOADING -> "Listing APIs…";
            case EMPTY -> "This connection has no REST, HTTP or WebSocket APIs in its region.";
            case FAILED -> presenter.problem().get() == null ? "Listing failed." : presenter.problem().get().oneLine();
            case READY -> "";
        };
    }

    /** One tree row: icon and name for APIs and stages, path for groups, method badge and target for routes. */
    private static final class RouteCell extends TreeCell<RouteTreeNode> {
        @Override
        protected void updateItem(RouteTreeNode item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(empty || item == null ? null : graphic(item));
        }

        private static Node graphic(RouteTreeNode item) {
            if (item instanceof RouteTreeNode.ApiNode api) {
                Label kind = muted(api.api().api().kind().label() + " · " + api.api().api().id());
                kind.getStyleClass().add("api-kind");
                Label name = new Label(api.api().api().name(), new FontIcon(switch (api.api().api().kind()) {
                    case REST -> "fth-server";
                    case HTTP -> "fth-globe";
                    case WEBSOCKET -> "fth-radio";
                }));
                return row(name, kind);
            }
            if (item instanceof RouteTreeNode.StageNode stage) {
                return row(new Label("stage " + stage.stage().name(), new FontIcon("fth-layers")));
            }
            if (item instanceof RouteTreeNode.PathNode path) {
                Label label = new Label(path.path());
                if (path.catchAll()) {
                    Label marker = new Label("routes inside the function");
                    marker.getStyleClass().add("catch-all-marker");
                    return row(label, marker);
                }
                return row(label);
            }
            RouteTreeNode.RouteNode node = (RouteTreeNode.RouteNode) item;
            Route route = node.route();
            Label target = muted("→ " + route.integration().target() + targetSuffix(route.integration()));
            target.getStyleClass().add("route-target");
            HBox row = row(MethodBadge.of(route));
            if (!"NONE".equals(route.authorizationType())) {
                Label auth = new Label(route.authorizationType());
                auth.getStyleClass().add("auth-chip");
                row.getChildren().add(auth);
            }
            if (route.apiKeyRequired()) {
                Label key = new Label("API key");
                key.getStyleClass().add("auth-chip");
                row.getChildren().add(key);
            }
            row.getChildren().add(target);
            return row;
        }

        private static String targetSuffix(Integration integration) {
            return switch (integration.kind()) {
                case LAMBDA -> " (Lambda" + (integration.payloadFormat() == null ? "" : " " + integration.payloadFormat()) + ")";
                case HTTP -> " (HTTP)";
                case AWS_SERVICE -> " (AWS service)";
                case MOCK, NONE -> "";
            };
        }

        private static Label muted(String text) {
            Label label = new Label(text);
            label.getStyleClass().add("muted");
            return label;
        }

        private static HBox row(Node... nodes) {
            HBox box = new HBox(6, nodes);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            return box;
        }
    }
}
