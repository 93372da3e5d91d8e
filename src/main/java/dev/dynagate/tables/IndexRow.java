package dev.dynagate.tables;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * One secondary index in the New table form: its kind, name and projection on the first line, its keys on the
 * second. A local index shows the table's partition key instead of fields of its own.
 */
final class IndexRow extends GridPane {
    final ComboBox<TableDescription.IndexKind> kind = new ComboBox<>();
    final TextField name = new TextField();
    final TextField partitionName = new TextField();
    final CheckBox hasSortKey = new CheckBox("sort key");
    final TextField sortName = new TextField();
    final ComboBox<IndexDraft.Projection> projection = new ComboBox<>();
    final TextField included = new TextField();
    final Button remove = new Button("Remove");
    final ComboBox<KeyType> sortType;

    IndexRow(IndexDraft draft, javafx.beans.value.ObservableStringValue tablePartition, Runnable onRemove) {
        getStyleClass().add("index-row");
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(6, 0, 6, 0));

        kind.getItems().setAll(TableDescription.IndexKind.values());
        kind.setConverter(labels(k -> k == TableDescription.IndexKind.GSI ? "Global" : "Local"));
        kind.setButtonCell(cell(kind.getConverter()));
        kind.valueProperty().bindBidirectional(draft.kind());
        name.setPromptText("byCustomer");
        name.textProperty().bindBidirectional(draft.name());
        projection.getItems().setAll(IndexDraft.Projection.values());
        projection.setConverter(labels(p -> switch (p) {
            case ALL -> "all attributes";
            case KEYS_ONLY -> "keys only";
            case INCLUDE -> "keys + listed";
        }));
        projection.setButtonCell(cell(projection.getConverter()));
        projection.valueProperty().bindBidirectional(draft.projection());
        included.setPromptText("status, total");
        included.textProperty().bindBidirectional(draft.included());
        included.visibleProperty().bind(draft.projection().isEqualTo(IndexDraft.Projection.INCLUDE));
        remove.setOnAction(e -> onRemove.run());

        partitionName.setPromptText("customer");
        partitionName.textProperty().bindBidirectional(draft.keys().partitionName());
        ComboBox<KeyType> partitionType = typePicker(draft.keys().partitionType());
        Label tableKey = new Label();
        tableKey.textProperty().bind(Bindings.concat(tablePartition, " (the table's)"));
        HBox ownPartition = new HBox(6, partitionName, partitionType);
        showWhen(ownPartition, draft.kind().isEqualTo(TableDescription.IndexKind.GSI));
        showWhen(tableKey, draft.kind().isEqualTo(TableDescription.IndexKind.LSI));

        hasSortKey.selectedProperty().bindBidirectional(draft.keys().hasSortKey());
        hasSortKey.disableProperty().bind(draft.kind().isEqualTo(TableDescription.IndexKind.LSI));
        sortName.setPromptText("placedAt");
        sortName.textProperty().bindBidirectional(draft.keys().sortName());
        sortType = typePicker(draft.keys().sortType());
        sortName.disableProperty().bind(draft.keys().hasSortKey().not());
        sortType.disableProperty().bind(draft.keys().hasSortKey().not());

        Label partitionLabel = new Label("partition key");
        Label projects = new Label("projects");
        projection.setMinWidth(150);
        HBox first = new HBox(8, kind, name, projects, projection, included, remove);
        first.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox second = new HBox(8, partitionLabel, ownPartition, tableKey, hasSortKey, sortName, sortType);
        second.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        add(first, 0, 0);
        add(second, 0, 1);
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox.setHgrow(included, Priority.ALWAYS);
        HBox.setHgrow(ownPartition, Priority.ALWAYS);
        HBox.setHgrow(partitionName, Priority.ALWAYS);
        HBox.setHgrow(sortName, Priority.ALWAYS);
        GridPane.setHgrow(first, Priority.ALWAYS);
        GridPane.setHgrow(second, Priority.ALWAYS);
        Layouts.keepWidth(List.of(kind, projects, remove, partitionLabel, tableKey, hasSortKey, partitionType,
                sortType));
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.binding.BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    static ComboBox<KeyType> typePicker(ObjectProperty<KeyType> type) {
        ComboBox<KeyType> picker = new ComboBox<>();
        picker.getItems().setAll(KeyType.values());
        picker.valueProperty().bindBidirectional(type);
        return picker;
    }

    private static <T> StringConverter<T> labels(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            /** The pickers are not editable: nothing is ever typed into them to convert back. */
            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    private static <T> ListCell<T> cell(StringConverter<T> converter) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : converter.toString(item));
            }
        };
    }
}
