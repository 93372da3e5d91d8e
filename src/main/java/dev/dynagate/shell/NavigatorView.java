package dev.dynagate.shell;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The left side: Tables of the connection (filterable) and APIs. */
public final class NavigatorView extends VBox {
    final TextField filter = new TextField();
    final ListView<String> tables = new ListView<>();
    final Label tablesPlaceholder = new Label();

    public NavigatorView(NavigatorPresenter presenter, Consumer<String> openTable, javafx.scene.Node apisContent) {
        this(presenter, openTable, apisContent, null);
    }

    /** @param newTable opens the New table form; null for no such button */
    public NavigatorView(NavigatorPresenter presenter, Consumer<String> openTable, javafx.scene.Node apisContent,
                         Runnable newTable) {
        getStyleClass().add("navigator");
        filter.setPromptText("Filter tables");
        filter.setId("table-filter");
        filter.textProperty().bindBidirectional(presenter.filter());
        Button refresh = new Button(null, new FontIcon("fth-refresh-cw"));
        refresh.setTooltip(new Tooltip("List the tables again"));
        refresh.setOnAction(e -> presenter.refresh());
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox tools = new HBox(6, filter, refresh);
        if (newTable != null) {
            Button create = new Button(null, new FontIcon("fth-plus"));
            create.setId("new-table");
            create.setTooltip(new Tooltip("Create a table on this connection"));
            create.setOnAction(e -> newTable.run());
            tools.getChildren().add(1, create);
        }

        tables.setId("table-list");
        tables.setItems(presenter.visibleTables());
        tablesPlaceholder.setWrapText(true);
        tablesPlaceholder.getStyleClass().add("empty-state");
        tablesPlaceholder.textProperty().bind(Bindings.createStringBinding(() -> placeholderText(presenter),
                presenter.state(), presenter.problem(), presenter.filter()));
        tables.setPlaceholder(tablesPlaceholder);
        tables.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && tables.getSelectionModel().getSelectedItem() != null) {
                openTable.accept(tables.getSelectionModel().getSelectedItem());
            }
        });
        tables.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && tables.getSelectionModel().getSelectedItem() != null) {
                openTable.accept(tables.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox tablesBox = new VBox(6, tools, tables);
        tablesBox.setPadding(new Insets(6));
        TitledPane tablesPane = new TitledPane(null, tablesBox);
        tablesPane.textProperty().bind(Bindings.createStringBinding(() -> "Tables (" + presenter.tables().size() + ")",
                presenter.tables()));
        tablesPane.setGraphic(new FontIcon("fth-database"));
        tablesPane.setCollapsible(false);
        tablesPane.setMaxHeight(Double.MAX_VALUE);
        VBox.setVgrow(tablesPane, Priority.ALWAYS);

        TitledPane apisPane = new TitledPane("APIs", apisContent);
        apisPane.setGraphic(new FontIcon("fth-share-2"));
        apisPane.setCollapsible(false);
        apisPane.setMaxHeight(Double.MAX_VALUE);
        VBox.setVgrow(apisPane, Priority.SOMETIMES);
        getChildren().addAll(tablesPane, apisPane);
        setSpacing(4);
        setPadding(new Insets(4));
    }

    /** The list of table names, for a feature to dress (cells, order). */
    public ListView<String> tableList() {
        return tables;
    }

    private static String placeholderText(NavigatorPresenter presenter) {
        return switch (presenter.state().get()) {
            case IDLE -> "Pick a connection to list its tables.";
            case LOADING -> "Listing tables…";
            case EMPTY -> "This connection has no tables in its region.";
            case FAILED -> presenter.problem().get() == null ? "Listing failed." : presenter.problem().get().oneLine();
            case READY -> "No table name contains \"" + presenter.filter().get() + "\".";
        };
    }

    /** A plain message for a navigator section that has nothing to show. */
    public static BorderPane emptyState(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("empty-state");
        BorderPane pane = new BorderPane(label);
        pane.setPadding(new Insets(8));
        return pane;
    }
}
