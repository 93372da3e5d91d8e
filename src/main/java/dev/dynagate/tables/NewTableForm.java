package dev.dynagate.tables;

import javafx.geometry.Insets;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The New table form over {@link NewTablePresenter}; thin: every rule lives in the presenter. */
final class NewTableForm extends GridPane {
    final TextField name = new TextField();
    final TextField partitionName = new TextField();
    final TextField sortName = new TextField();
    final CheckBox hasSortKey = new CheckBox("Sort key");
    final Label problem = new Label();
    final Button addIndex = new Button("Add index");
    final VBox indexRows = new VBox();
    private final Map<IndexDraft, IndexRow> rows = new HashMap<>();

    NewTableForm(NewTablePresenter presenter) {
        getStyleClass().add("new-table-form");
        getStylesheets().add(NewTableForm.class.getResource("tables.css").toExternalForm());
        setHgap(8);
        setVgap(8);
        setPadding(new Insets(12));

        name.setId("new-table-name");
        name.setPromptText("Orders");
        name.textProperty().bindBidirectional(presenter.name());
        partitionName.setId("new-table-partition");
        partitionName.textProperty().bindBidirectional(presenter.keys().partitionName());
        sortName.setId("new-table-sort");
        sortName.textProperty().bindBidirectional(presenter.keys().sortName());
        hasSortKey.setId("new-table-has-sort");
        hasSortKey.selectedProperty().bindBidirectional(presenter.keys().hasSortKey());
        sortName.disableProperty().bind(hasSortKey.selectedProperty().not());
        ComboBox<KeyType> sortType = IndexRow.typePicker(presenter.keys().sortType());
        sortType.disableProperty().bind(hasSortKey.selectedProperty().not());


        FormDialog.showProblem(problem, "new-table-problem", presenter.problem());

        Label tableLabel = new Label("Table name");
        Label partitionLabel = new Label("Partition key");
        Label capacityLabel = new Label("Capacity");
        ComboBox<KeyType> partitionType = IndexRow.typePicker(presenter.keys().partitionType());
        addRow(0, tableLabel, name);
        addRow(1, partitionLabel, new HBox(6, partitionName, partitionType));
        addRow(2, hasSortKey, new HBox(6, sortName, sortType));
        addRow(3, capacityLabel, new CapacityRow(presenter.capacity()));
        Label streamLabel = new Label("Stream");
        ComboBox<String> stream = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                NewTablePresenter.STREAMS));
        stream.setId("new-table-stream");
        stream.valueProperty().bindBidirectional(presenter.stream());
        Label streamHint = new Label("each change kept 24 hours");
        streamHint.getStyleClass().add("muted");
        HBox streamRow = new HBox(8, stream, streamHint);
        streamRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        addRow(4, streamLabel, streamRow);
        Label indexesLabel = new Label("Indexes");
        addIndex.setId("new-table-add-index");
        addIndex.setOnAction(e -> presenter.addIndex());
        Label indexHint = new Label("global: keys of its own · local: another sort key");
        indexHint.getStyleClass().add("muted");
        HBox indexBar = new HBox(8, addIndex, indexHint);
        indexBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        addRow(5, indexesLabel, indexBar);
        indexRows.setId("new-table-indexes");
        add(indexRows, 0, 6, 2, 1);
        add(problem, 0, 7, 2, 1);
        presenter.indexes().addListener((ListChangeListener<IndexDraft>) change -> showIndexes(presenter));
        // labels and choices keep their whole text; the text fields take what width is left
        Layouts.keepWidth(java.util.List.of(tableLabel, partitionLabel, hasSortKey, capacityLabel, partitionType,
                sortType, streamLabel, stream, indexesLabel, addIndex));
        HBox.setHgrow(partitionName, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(sortName, javafx.scene.layout.Priority.ALWAYS);
        setPrefWidth(800);
    }

    /** One row per index, kept in the presenter's order; the dialog grows or shrinks to fit them. */
    private void showIndexes(NewTablePresenter presenter) {
        rows.keySet().retainAll(presenter.indexes());
        indexRows.getChildren().setAll(presenter.indexes().stream().map(draft -> rows.computeIfAbsent(draft,
                d -> new IndexRow(d, presenter.keys().partitionName(), () -> presenter.removeIndex(d)))).toList());
        if (getScene() != null && getScene().getWindow() != null) {
            getScene().getWindow().sizeToScene();
        }
    }

    /** Shows the form in a dialog; true when the user asked to create the table. */
    static boolean show(Window owner, String connectionName, NewTablePresenter presenter) {
        return FormDialog.show(owner, "New table", "A new table on " + connectionName, new NewTableForm(presenter),
                "Create", presenter.problem());
    }
}
