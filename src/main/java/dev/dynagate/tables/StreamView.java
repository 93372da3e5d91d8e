package dev.dynagate.tables;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The stream tab: Watch and Stop, the changes as a list (time, what happened, the item's key, the attributes that
 * changed), and the selected change's item before and after in DynamoDB JSON.
 */
final class StreamView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    final Button watch = new Button("Watch", new FontIcon("fth-play"));
    final Button stop = new Button("Stop", new FontIcon("fth-square"));
    final Button clear = new Button("Clear", new FontIcon("fth-trash-2"));
    final Button turnOn = new Button("Turn on the stream", new FontIcon("fth-power"));
    final CheckBox fromOldest = new CheckBox("From the oldest change kept (24 hours)");
    final Label status = new Label();
    final Label problem = new Label();
    final TableView<StreamReader.Change> list = new TableView<>();
    final TextArea before = new TextArea();
    final TextArea after = new TextArea();

    StreamView(StreamPresenter presenter, String table, String connection) {
        getStyleClass().add("stream-view");
        getStylesheets().add(StreamView.class.getResource("tables.css").toExternalForm());
        setSpacing(6);
        setPadding(new Insets(8));
        Label title = new Label("Changes to the items of " + table + " on " + connection + ", as its DynamoDB stream "
                + "records them: every write that changes an item, from any client.");
        title.getStyleClass().add("muted");
        title.setWrapText(true);

        watch.setId("stream-watch");
        watch.setTooltip(new Tooltip("Read the table's stream about once a second"));
        watch.setOnAction(e -> presenter.watch());
        watch.disableProperty().bind(presenter.watching());
        stop.setId("stream-stop");
        stop.setOnAction(e -> presenter.stop());
        stop.disableProperty().bind(presenter.watching().not());
        clear.setId("stream-clear");
        clear.setOnAction(e -> presenter.clear());
        clear.disableProperty().bind(Bindings.isEmpty(presenter.changes()));
        fromOldest.setId("stream-from-oldest");
        fromOldest.selectedProperty().bindBidirectional(presenter.fromOldest());
        fromOldest.disableProperty().bind(presenter.watching());
        status.setId("stream-status");
        status.textProperty().bind(presenter.status());
        turnOn.setId("stream-turn-on");
        turnOn.setTooltip(new Tooltip("UpdateTable with a stream that keeps the item before and after each change"));
        turnOn.setOnAction(e -> presenter.turnOn());
        turnOn.visibleProperty().bind(presenter.noStream());
        turnOn.managedProperty().bind(turnOn.visibleProperty());
        HBox actions = new HBox(8, watch, stop, fromOldest, clear, turnOn, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        problem.setId("stream-problem");
        Layouts.problemLine(problem, presenter.problem());

        list.setId("stream-changes");
        list.setItems(presenter.changes());
        list.getColumns().add(column("Time", 80, c -> TIME.format(c.at())));
        list.getColumns().add(column("Change", 110, StreamChanges::describe));
        list.getColumns().add(column("Item key", 420, c -> StreamChanges.key(c.keys())));
        list.getColumns().add(column("Attributes changed", 420, c -> String.join(", ",
                StreamChanges.changedAttributes(c))));
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Label empty = new Label();
        empty.textProperty().bind(presenter.status());
        empty.getStyleClass().add("empty-state");
        list.setPlaceholder(empty);
        // the newest change is the one to see: follow it unless the user picked one
        presenter.changes().addListener((javafx.collections.ListChangeListener<StreamReader.Change>) c -> {
            if (list.getSelectionModel().isEmpty() && !presenter.changes().isEmpty()) {
                list.scrollTo(presenter.changes().size() - 1);
            }
        });

        image(before, "stream-before", "The item before the change, when the stream keeps old images.");
        image(after, "stream-after", "The item after the change, when the stream keeps new images.");
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            before.setText(now == null || now.oldImage().isEmpty() ? "" : DynamoJson.write(now.oldImage()));
            after.setText(now == null || now.newImage().isEmpty() ? "" : DynamoJson.write(now.newImage()));
        });
        SplitPane images = new SplitPane(titled("Before", before), titled("After", after));
        SplitPane split = new SplitPane(list, images);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(title, actions, problem, split);
        // a closed tab stops reading the stream
        sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                presenter.stop();
            }
        });
    }

    private static TableColumn<StreamReader.Change, String> column(String name, double width,
                                                                   Function<StreamReader.Change, String> text) {
        TableColumn<StreamReader.Change, String> column = new TableColumn<>(name);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(text.apply(row.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static void image(TextArea area, String id, String prompt) {
        area.setId(id);
        area.getStyleClass().add("code");
        area.setEditable(false);
        area.setPromptText(prompt);
    }

    private static VBox titled(String title, TextArea area) {
        Label label = new Label(title);
        label.getStyleClass().add("muted");
        VBox box = new VBox(4, label, area);
        VBox.setVgrow(area, Priority.ALWAYS);
        return box;
    }

    /** For tests: the changes as the list shows them. */
    Map<String, String> row(int index) {
        StreamReader.Change c = list.getItems().get(index);
        return Map.of("change", StreamChanges.describe(c), "key", StreamChanges.key(c.keys()), "changed",
                String.join(", ", StreamChanges.changedAttributes(c)));
    }
}
