package dev.dynagate.shell;

import dev.dynagate.connections.Connection;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** The strip at the top: the active connection in its environment colour, its region, read-only, theme. */
public final class ConnectionBarView extends HBox {
    final ComboBox<Connection> picker = new ComboBox<>();
    final ToggleButton readOnly = new ToggleButton("Read-only");
    final Button edit = new Button();
    final Button addEndpoint = new Button("Add endpoint…");
    final Button theme = new Button();
    final Label detail = new Label();

    final Button sandboxPanel = new Button("Sandbox");

    public ConnectionBarView(ShellPresenter presenter, Runnable onEdit, Runnable onAdd, Runnable onSandboxPanel) {
        getStyleClass().add("connection-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));

        Region swatch = new Region();
        swatch.getStyleClass().add("environment-swatch");
        swatch.styleProperty().bind(Bindings.createStringBinding(() -> "-fx-background-color: "
                + (presenter.active().get() == null ? "transparent" : presenter.active().get().colour().hex()) + ";",
                presenter.active()));

        picker.setId("connection-picker");
        picker.setItems(presenter.connections());
        picker.setCellFactory(list -> new ConnectionCell());
        picker.setButtonCell(new ConnectionCell());
        // one way each: the presenter decides what is active, the picker only asks for a change
        picker.setValue(presenter.active().get());
        presenter.active().addListener((obs, old, now) -> picker.setValue(now));
        picker.valueProperty().addListener((obs, old, chosen) -> presenter.select(chosen));
        // a ComboBox whose items are replaced while it is showing can keep the value yet show an empty button; once
        // every listener of the list has run, the active connection is shown again (select ignores null and repeats)
        presenter.connections().addListener((ListChangeListener<Connection>) change -> Platform.runLater(() -> {
            Connection shown = presenter.active().get();
            picker.setValue(null);
            picker.setValue(shown);
        }));
        picker.setPrefWidth(240);

        detail.getStyleClass().add("connection-detail");
        detail.textProperty().bind(Bindings.createStringBinding(() -> presenter.active().get() == null ? ""
                : presenter.active().get().detail(), presenter.active()));

        readOnly.setId("read-only-toggle");
        readOnly.getStyleClass().add("read-only-badge");
        readOnly.setGraphic(new FontIcon("fth-lock"));
        readOnly.setTooltip(new Tooltip("Refuse every write on this connection"));
        presenter.readOnly().addListener((obs, was, is) -> readOnly.setSelected(is));
        readOnly.setSelected(presenter.readOnly().get());
        readOnly.setOnAction(e -> presenter.setReadOnly(readOnly.isSelected()));

        edit.setGraphic(new FontIcon("fth-settings"));
        edit.setTooltip(new Tooltip("Connection settings: region, colour, endpoint"));
        edit.setOnAction(e -> onEdit.run());
        addEndpoint.setGraphic(new FontIcon("fth-plus"));
        addEndpoint.setOnAction(e -> onAdd.run());

        theme.setId("theme-toggle");
        theme.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                presenter.theme().get() == Theme.DARK ? "fth-sun" : "fth-moon"), presenter.theme()));
        theme.setTooltip(new Tooltip("Switch between light and dark theme"));
        theme.setOnAction(e -> presenter.toggleTheme());

        sandboxPanel.setId("open-sandbox-panel");
        sandboxPanel.setGraphic(new FontIcon("fth-server"));
        sandboxPanel.setTooltip(new Tooltip("The built-in local cloud: endpoint, data folder, Lambda logs"));
        sandboxPanel.setOnAction(e -> onSandboxPanel.run());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label brand = new Label("Dynagate");
        brand.getStyleClass().add("brand");
        getChildren().addAll(brand, swatch, picker, detail, edit, readOnly, spacer, sandboxPanel, addEndpoint, theme);
    }

    /** Adds a feature's button among the bar's tools, before "Add endpoint…". */
    public void addTool(javafx.scene.Node tool) {
        getChildren().add(getChildren().indexOf(addEndpoint), tool);
    }

    /** Name in bold, what kind of connection it is underneath. */
    private static final class ConnectionCell extends ListCell<Connection> {
        @Override
        protected void updateItem(Connection item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Region dot = new Region();
            dot.getStyleClass().add("environment-dot");
            dot.setStyle("-fx-background-color: " + item.colour().hex() + ";");
            setGraphic(dot);
            setText(item.name() + (item.readOnly() ? "  (read-only)" : ""));
        }
    }
}
