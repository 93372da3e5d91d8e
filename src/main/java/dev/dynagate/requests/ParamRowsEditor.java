package dev.dynagate.requests;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Rows of switch, name and value fields bound to a list of {@link ParamRow}s, with add and remove. */
final class ParamRowsEditor extends VBox {
    private final ObservableList<ParamRow> rows;
    private final VBox lines = new VBox(4);
    private final boolean fixedNames;

    /** @param fixedNames names come from elsewhere (path parameters): no add, no remove, names read-only */
    ParamRowsEditor(ObservableList<ParamRow> rows, String namePrompt, String valuePrompt, boolean fixedNames, String empty) {
        this.rows = rows;
        this.fixedNames = fixedNames;
        setSpacing(4);
        getStyleClass().add("param-rows");
        Label none = new Label(empty);
        none.getStyleClass().add("muted");
        rows.addListener((ListChangeListener<ParamRow>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= !change.wasUpdated();
            }
            if (structural) {
                rebuild(namePrompt, valuePrompt, none);
            }
        });
        rebuild(namePrompt, valuePrompt, none);
        getChildren().add(lines);
        if (!fixedNames) {
            Button add = new Button("Add", new FontIcon("fth-plus"));
            add.getStyleClass().add("flat");
            add.setOnAction(e -> rows.add(new ParamRow("", "", true)));
            getChildren().add(add);
        }
    }

    private void rebuild(String namePrompt, String valuePrompt, Label none) {
        lines.getChildren().clear();
        if (rows.isEmpty()) {
            lines.getChildren().add(none);
        }
        for (ParamRow row : rows) {
            CheckBox on = new CheckBox();
            on.selectedProperty().bindBidirectional(row.enabled());
            TextField key = new TextField();
            key.setPromptText(namePrompt);
            key.textProperty().bindBidirectional(row.key());
            key.setEditable(!fixedNames);
            key.setPrefColumnCount(14);
            TextField value = new TextField();
            value.setPromptText(valuePrompt);
            value.textProperty().bindBidirectional(row.value());
            HBox.setHgrow(value, Priority.ALWAYS);
            HBox line = new HBox(6, on, key, value);
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            if (!fixedNames) {
                Button remove = new Button(null, new FontIcon("fth-x"));
                remove.getStyleClass().add("flat");
                remove.setTooltip(new Tooltip("Remove"));
                remove.setOnAction(e -> rows.remove(row));
                line.getChildren().add(remove);
            }
            lines.getChildren().add(line);
        }
    }
}
