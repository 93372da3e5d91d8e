package dev.dynagate.apis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected route: invoke URL per stage, auth, API key, parameters, integration and its Lambda. */
final class RouteDetailView extends ScrollPane {
    private final VBox content = new VBox(8);
    private final RouteExplorerPresenter presenter;
    private final Consumer<RouteSelection> openRequest;

    RouteDetailView(RouteExplorerPresenter presenter, Consumer<RouteSelection> openRequest) {
        this.presenter = presenter;
        this.openRequest = openRequest;
        getStyleClass().add("route-detail");
        setId("route-detail");
        setFitToWidth(true);
        content.setPadding(new Insets(12));
        getStylesheets().add(RouteDetailView.class.getResource("/dev/dynagate/apis/apis.css").toExternalForm());
        setContent(content);
        presenter.selected().addListener((obs, old, selection) -> show(selection));
        show(presenter.selected().get()); // built when the first route is picked, so show that one
    }

    private void show(RouteSelection selection) {
        content.getChildren().clear();
        if (selection == null) {
            Label hint = new Label("Select a route to see where it goes and how to call it.");
            hint.setWrapText(true);
            hint.getStyleClass().add("empty-state");
            content.getChildren().add(hint);
            return;
        }
        Route route = selection.route();
        Label title = new Label(route.path(), MethodBadge.of(route));
        title.getStyleClass().add("detail-title");
        Button request = new Button("New request", new FontIcon("fth-send"));
        request.setId("new-request-from-route");
        request.setDefaultButton(false);
        request.setOnAction(e -> openRequest.accept(selection));
        HBox header = new HBox(8, title, request);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int row = 0;
        ApiSummary api = selection.api().api();
        row = add(grid, row, "API", new Label(api.name() + " · " + api.kind().label() + " API · " + api.id()));
        for (Stage stage : selection.api().stages()) {
            row = add(grid, row, "URL (" + stage.name() + ")", urlField(presenter.invokeUrl(selection.api(), stage, route)));
        }
        if (selection.api().stages().isEmpty()) {
            row = add(grid, row, "URL", new Label("not deployed to any stage"));
        }
        row = add(grid, row, "Auth", new Label(authText(selection.api(), route)));
        row = add(grid, row, "API key", new Label(route.apiKeyRequired() ? "required (x-api-key), "
                + keysText(selection) : "not required"));
        row = add(grid, row, "Parameters", new Label(parametersText(route.requestParameters())));
        Integration integration = route.integration();
        row = add(grid, row, "Integration", new Label(integration.kind() + (integration.type() == null ? ""
                : " · " + integration.type()) + " → " + integration.target()));
        if (integration.payloadFormat() != null) {
            row = add(grid, row, "Payload", new Label("format " + integration.payloadFormat()));
        }
        row = add(grid, row, "Timeout", new Label(integration.timeoutMillis() == null ? "default"
                : integration.timeoutMillis() + " ms"));
        if (integration.functionArn() != null) {
            row = add(grid, row, "Lambda", urlField(integration.functionArn()));
        }
        if (route.isCatchAll()) {
            Label note = new Label("Catch-all route: the function behind it routes requests itself.");
            note.getStyleClass().add("catch-all-marker");
            note.setWrapText(true);
            add(grid, row, "", note);
        }
        content.getChildren().addAll(header, grid);
    }

    private static String authText(ApiDetail api, Route route) {
        Authorizer authorizer = api.authorizer(route.authorizerId());
        List<String> parts = new ArrayList<>(List.of(route.authorizationType()));
        if (authorizer != null) {
            parts.add(authorizer.name() + " (" + authorizer.type() + ")");
            if (authorizer.identitySource() != null && !authorizer.identitySource().isBlank()) {
                parts.add("from " + authorizer.identitySource());
            }
            if (authorizer.target() != null) {
                parts.add(authorizer.target());
            }
        }
        if (!route.scopes().isEmpty()) {
            parts.add("scopes " + String.join(" ", route.scopes()));
        }
        return String.join(" · ", parts);
    }

    private static String keysText(RouteSelection selection) {
        if (selection.stage() == null) {
            return "no stage";
        }
        int keys = selection.api().keysFor(selection.stage().name()).size();
        return keys + (keys == 1 ? " key" : " keys") + " on " + selection.stage().name();
    }

    private static String parametersText(Map<String, Boolean> parameters) {
        if (parameters.isEmpty()) {
            return "none declared";
        }
        return parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + (e.getValue() ? " (required)" : ""))
                .collect(Collectors.joining("\n"));
    }

    private static HBox urlField(String text) {
        TextField field = new TextField(text == null ? "" : text);
        field.setEditable(false);
        field.getStyleClass().add("url-field");
        HBox.setHgrow(field, Priority.ALWAYS);
        Button copy = new Button(null, new FontIcon("fth-copy"));
        copy.setTooltip(new Tooltip("Copy"));
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(field.getText());
            Clipboard.getSystemClipboard().setContent(clip);
        });
        return new HBox(4, field, copy);
    }

    private static int add(GridPane grid, int row, String key, javafx.scene.Node value) {
        Label label = new Label(key);
        label.getStyleClass().add("detail-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        if (value instanceof Label text) {
            text.setWrapText(true);
        }
        GridPane.setHgrow(value, Priority.ALWAYS);
        grid.addRow(row, label, value);
        return row + 1;
    }
}
