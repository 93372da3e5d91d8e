package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.ResponseRecord;
import dev.dynagate.ui.FilePicker;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The runner: options (iterations, data file, delay, stop on failure), live progress, a results table with a row
 * per request and, beneath it, a row per assertion; selecting a request shows its response underneath.
 */
public final class RunnerView extends VBox {
    /** A row of the results table: a request result, or one of its checks. */
    public record Row(RequestResult request, CheckResult check) {
    }

    final TreeTableView<Row> table = new TreeTableView<>();
    final TextArea response = new TextArea();
    final Label summary = new Label();
    final Button runButton = new Button("Run", new FontIcon("fth-play"));
    final Button stopButton = new Button("Stop", new FontIcon("fth-square"));
    final Button exportButton = new Button("Export report…", new FontIcon("fth-download"));

    public RunnerView(RunnerPresenter presenter, FilePicker picker, Runnable runSelection,
                      javafx.beans.value.ObservableValue<String> selectionName) {
        getStyleClass().add("runner");
        Spinner<Integer> iterations = new Spinner<>(1, 10_000, 1);
        iterations.setId("runner-iterations");
        iterations.setEditable(true);
        iterations.setPrefWidth(90);
        iterations.getValueFactory().valueProperty().addListener((obs, old, now) -> presenter.iterations().set(now));
        Spinner<Integer> delay = new Spinner<>(0, 60_000, 0, 100);
        delay.setEditable(true);
        delay.setPrefWidth(100);
        delay.getValueFactory().valueProperty().addListener((obs, old, now) -> presenter.delayMillis().set(now));
        Button data = new Button("Data file…", new FontIcon("fth-file-text"));
        data.setTooltip(new Tooltip("CSV or JSON: one iteration per row"));
        Label dataName = new Label();
        dataName.getStyleClass().add("text-muted");
        dataName.textProperty().bind(Bindings.createStringBinding(() -> presenter.dataFile().get() == null ? "no data"
                : presenter.dataFile().get().getFileName().toString(), presenter.dataFile()));
        data.setOnAction(e -> picker.chooseFile("Data file", "CSV or JSON", "*.csv", "*.json")
                .ifPresent(presenter.dataFile()::set));
        Button clearData = new Button(null, new FontIcon("fth-x"));
        clearData.setTooltip(new Tooltip("Run without a data file"));
        clearData.setOnAction(e -> presenter.dataFile().set(null));
        CheckBox bail = new CheckBox("Stop on first failure");
        bail.selectedProperty().bindBidirectional(presenter.bail());

        runButton.setId("runner-run");
        runButton.getStyleClass().add("accent");
        runButton.textProperty().bind(Bindings.concat("Run ", selectionName));
        runButton.disableProperty().bind(presenter.running());
        runButton.setOnAction(e -> runSelection.run());
        stopButton.setId("runner-stop");
        stopButton.disableProperty().bind(presenter.running().not());
        stopButton.setOnAction(e -> presenter.stop());
        exportButton.setId("runner-export");
        exportButton.disableProperty().bind(presenter.report().isNull());
        exportButton.setOnAction(e -> picker.saveFile("Export the report (.xml for JUnit, .json)", "report.xml")
                .ifPresent(presenter::export));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, runButton, stopButton, spacer, exportButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox options = new HBox(8, new Label("Iterations"), iterations, new Label("Delay (ms)"), delay, data, dataName,
                clearData, bail);
        options.setAlignment(Pos.CENTER_LEFT);
        options.getChildren().forEach(node -> {
            if (node instanceof javafx.scene.control.Control control) {
                control.setMinWidth(Region.USE_PREF_SIZE);
            }
        });

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(presenter.progress());
        progress.setPrefWidth(180);
        summary.setId("runner-summary");
        summary.textProperty().bind(presenter.summary());
        HBox status = new HBox(10, progress, summary);
        status.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        TreeItem<Row> root = new TreeItem<>();
        root.setExpanded(true);
        table.setRoot(root);
        table.setShowRoot(false);
        presenter.results().addListener((ListChangeListener<RequestResult>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    change.getAddedSubList().forEach(result -> root.getChildren().add(item(result)));
                }
                if (change.wasRemoved() && presenter.results().isEmpty()) {
                    root.getChildren().clear();
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showResponse(now == null ? null
                : now.getValue().request()));

        response.setId("runner-response");
        response.setEditable(false);
        response.getStyleClass().add("response-text");
        response.setPromptText("Select a request in the results to see its response.");
        SplitPane split = new SplitPane(table, response);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(actions, options, status, split);
        setSpacing(8);
        setPadding(new Insets(8));
    }

    private static TreeItem<Row> item(RequestResult result) {
        TreeItem<Row> item = new TreeItem<>(new Row(result, null));
        result.checks().forEach(check -> item.getChildren().add(new TreeItem<>(new Row(result, check))));
        item.setExpanded(!result.passed());
        return item;
    }

    private void buildTable() {
        table.setId("runner-results");
        TreeTableColumn<Row, String> name = column("Request / check", 320, row -> row.check() != null
                ? row.check().description()
                : (row.request().iteration() > 1 ? "#" + row.request().iteration() + " " : "") + row.request().method()
                + " " + row.request().path());
        TreeTableColumn<Row, String> outcome = column("Result", 90, row -> {
            if (row.check() != null) {
                return row.check().passed() ? "passed" : "failed";
            }
            if (row.request().error() != null) {
                return row.request().skipped() ? "skipped" : "error";
            }
            return row.request().passed() ? "passed" : "failed";
        });
        outcome.setCellFactory(column -> new OutcomeCell());
        TreeTableColumn<Row, String> expected = column("Expected / status", 180, row -> row.check() != null
                ? row.check().expected() : row.request().response() == null ? "" : Integer.toString(row.request().response().status()));
        TreeTableColumn<Row, String> actual = column("Actual / time", 260, row -> row.check() != null ? row.check().actual()
                : row.request().error() != null ? row.request().error()
                : row.request().response().elapsed().toMillis() + " ms");
        table.getColumns().setAll(java.util.List.of(name, outcome, expected, actual));
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label("No results yet.");
        placeholder.getStyleClass().add("empty-state");
        table.setPlaceholder(placeholder);
    }

    private static TreeTableColumn<Row, String> column(String title, double width, java.util.function.Function<Row, String> text) {
        TreeTableColumn<Row, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new javafx.beans.property.ReadOnlyStringWrapper(
                data.getValue().getValue() == null ? "" : text.apply(data.getValue().getValue())));
        return column;
    }

    private void showResponse(RequestResult result) {
        if (result == null) {
            response.clear();
            return;
        }
        StringBuilder text = new StringBuilder(result.method()).append(' ').append(result.url()).append('\n');
        ResponseRecord record = result.response();
        if (record == null) {
            text.append('\n').append(result.error());
        } else {
            text.append(record.status()).append(" · ").append(record.elapsed().toMillis()).append(" ms · ")
                    .append(record.fullSize()).append(" bytes").append(record.truncated() ? " (cut)" : "").append("\n\n");
            for (KeyValue header : record.headers()) {
                text.append(header.key()).append(": ").append(header.value()).append('\n');
            }
            text.append('\n').append(pretty(record.bodyText()));
        }
        response.setText(text.toString());
    }

    private static String pretty(String body) {
        try {
            return JsonFiles.MAPPER.readTree(body).toPrettyString();
        } catch (Exception e) {
            return body;
        }
    }

    private static final class OutcomeCell extends TreeTableCell<Row, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("outcome-passed", "outcome-failed", "outcome-error", "outcome-skipped");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item);
            getStyleClass().add("outcome-" + item);
            setGraphic(new FontIcon(item.equals("passed") ? "fth-check-circle" : item.equals("skipped") ? "fth-slash" : "fth-x-circle"));
        }
    }
}
