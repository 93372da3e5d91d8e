package dev.dynagate.tables;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The PartiQL tab: the statement, Run (Ctrl+Enter) and Load more, the items in a grid, and the selected item in
 * DynamoDB JSON, every type as stored.
 */
final class PartiqlView extends VBox {
    final TextArea statement = new TextArea();
    final Button run = new Button("Run", new FontIcon("fth-play"));
    final Button more = new Button("Load more", new FontIcon("fth-chevrons-down"));
    final MenuButton history = new MenuButton("History", new FontIcon("fth-clock"));
    final Label status = new Label();
    final Label problem = new Label();
    final TableView<Map<String, Attr>> results = new TableView<>();
    final TextArea item = new TextArea();
    private static final int HISTORY_WIDTH = 100;
    private final Map<String, TableColumn<Map<String, Attr>, Attr>> columns = new LinkedHashMap<>();

    final Button copyCli = new Button("Copy as AWS CLI", new FontIcon("fth-clipboard"));

    /** @param copyCli puts the AWS CLI command for a statement on the clipboard */
    PartiqlView(PartiqlPresenter presenter, String connection, java.util.function.Consumer<String> copyCli) {
        getStyleClass().add("partiql-view");
        getStylesheets().add(PartiqlView.class.getResource("tables.css").toExternalForm());
        setSpacing(6);
        setPadding(new Insets(8));
        Label title = new Label("PartiQL on " + connection + ": SELECT reads (a WHERE on the partition key queries, "
                + "anything else scans the table), INSERT, UPDATE and DELETE write one item.");
        title.getStyleClass().add("muted");
        title.setWrapText(true);

        statement.setId("partiql-statement");
        statement.getStyleClass().add("code");
        statement.setPrefRowCount(5);
        statement.setWrapText(true);
        statement.textProperty().bindBidirectional(presenter.statement());
        statement.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)) {
                presenter.run();
                e.consume();
            }
        });

        run.setId("partiql-run");
        run.setDefaultButton(false);
        run.setTooltip(new Tooltip("Run the statement (Ctrl+Enter)"));
        run.setOnAction(e -> presenter.run());
        run.disableProperty().bind(presenter.running());
        more.setId("partiql-more");
        more.setOnAction(e -> presenter.more());
        more.disableProperty().bind(presenter.hasMore().not().or(presenter.running()));
        Button cancel = new Button("Cancel", new FontIcon("fth-x-circle"));
        cancel.setOnAction(e -> presenter.cancel());
        cancel.visibleProperty().bind(presenter.running());
        cancel.managedProperty().bind(cancel.visibleProperty());
        status.setId("partiql-status");
        status.textProperty().bind(presenter.status());
        history.setId("partiql-history");
        history.setTooltip(new Tooltip("Statements run on this connection, newest first"));
        presenter.history().addListener((ListChangeListener<String>) c -> fillHistory(presenter));
        fillHistory(presenter);
        this.copyCli.setId("partiql-copy-cli");
        this.copyCli.setOnAction(e -> copyCli.accept(presenter.statement().get().strip()));
        this.copyCli.disableProperty().bind(presenter.statement().isEmpty());
        HBox actions = new HBox(8, run, more, cancel, history, this.copyCli, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        problem.setId("partiql-problem");
        Layouts.problemLine(problem, presenter.problem());

        results.setId("partiql-results");
        results.setItems(presenter.items());
        results.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = new Label();
        empty.textProperty().bind(presenter.status());
        empty.getStyleClass().add("empty-state");
        results.setPlaceholder(empty);
        presenter.columns().addListener((ListChangeListener<String>) c -> syncColumns(presenter));
        item.setId("partiql-item");
        item.getStyleClass().add("code");
        item.setEditable(false);
        item.setPromptText("Select an item to see it in DynamoDB JSON.");
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                item.setText(now == null ? "" : DynamoJson.write(now)));
        SplitPane split = new SplitPane(results, item);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(title, statement, actions, problem, split);
    }

    /** One entry per statement, on one line and shortened; picking it puts the whole statement back. */
    private void fillHistory(PartiqlPresenter presenter) {
        history.getItems().setAll(presenter.history().stream().map(text -> {
            String line = text.replaceAll("\\s+", " ");
            MenuItem entry = new MenuItem(line.length() > HISTORY_WIDTH ? line.substring(0, HISTORY_WIDTH - 1) + "…"
                    : line);
            entry.setMnemonicParsing(false);
            entry.setOnAction(e -> presenter.statement().set(text));
            return entry;
        }).toList());
        history.setDisable(presenter.history().isEmpty());
    }

    private void syncColumns(PartiqlPresenter presenter) {
        for (String name : presenter.columns()) {
            columns.computeIfAbsent(name, n -> {
                TableColumn<Map<String, Attr>, Attr> column = new TableColumn<>(n);
                column.setCellValueFactory(row -> new javafx.beans.property.SimpleObjectProperty<>(
                        row.getValue().get(n)));
                column.setCellFactory(c -> new TableCell<>() {
                    @Override
                    protected void updateItem(Attr value, boolean empty) {
                        super.updateItem(value, empty);
                        setText(empty || value == null ? null : Cells.render(value));
                    }
                });
                column.setPrefWidth(140);
                results.getColumns().add(column);
                return column;
            });
        }
        results.getColumns().removeIf(c -> !presenter.columns().contains(c.getText()));
        columns.keySet().retainAll(presenter.columns());
    }
}
