package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.KeyValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Edits one environment: its variables (secret ones masked, their values kept outside the collection when saved)
 * and whether it is production.
 */
public final class EnvironmentEditor extends VBox {
    /** One editable line of the table. */
    public static final class Row {
        final SimpleStringProperty key = new SimpleStringProperty("");
        final SimpleStringProperty value = new SimpleStringProperty("");
        final SimpleBooleanProperty secret = new SimpleBooleanProperty();
        final SimpleBooleanProperty enabled = new SimpleBooleanProperty(true);

        Row(String key, String value, boolean secret, boolean enabled) {
            this.key.set(key);
            this.value.set(value);
            this.secret.set(secret);
            this.enabled.set(enabled);
        }
    }

    final ObservableList<Row> rows = FXCollections.observableArrayList();
    final TableView<Row> table = new TableView<>(rows);
    final CheckBox production = new CheckBox("Production: coloured red; POST, PUT, PATCH and DELETE ask before sending");
    private final String name;

    public EnvironmentEditor(Environment environment) {
        this.name = environment.name();
        environment.variables().forEach(kv -> rows.add(new Row(kv.key(), kv.value(), environment.isSecret(kv.key()), kv.enabled())));
        production.setSelected(environment.production());
        production.setId("environment-production");
        table.setId("environment-variables");
        table.setEditable(true);
        TableColumn<Row, Boolean> on = new TableColumn<>("On");
        on.setCellValueFactory(data -> data.getValue().enabled);
        on.setCellFactory(CheckBoxTableCell.forTableColumn(on));
        on.setPrefWidth(44);
        TableColumn<Row, String> key = new TableColumn<>("Variable");
        key.setCellValueFactory(data -> data.getValue().key);
        key.setCellFactory(TextFieldTableCell.forTableColumn());
        key.setPrefWidth(180);
        TableColumn<Row, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(data -> data.getValue().value);
        value.setCellFactory(column -> new MaskedCell());
        value.setPrefWidth(250);
        TableColumn<Row, Boolean> secret = new TableColumn<>("Secret");
        secret.setCellValueFactory(data -> data.getValue().secret);
        secret.setCellFactory(CheckBoxTableCell.forTableColumn(secret));
        secret.setPrefWidth(76);
        secret.setMinWidth(76);
        table.getColumns().setAll(List.of(on, key, value, secret));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button add = new Button("Add variable", new FontIcon("fth-plus"));
        add.setId("environment-add");
        add.setOnAction(e -> {
            rows.add(new Row("name", "", false, true));
            table.getSelectionModel().selectLast();
        });
        Button remove = new Button("Remove", new FontIcon("fth-trash-2"));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> rows.remove(table.getSelectionModel().getSelectedItem()));
        Label hint = new Label("Secret values are kept in your app data folder, never in the collection's files.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        getChildren().addAll(production, table, new HBox(6, add, remove), hint);
        setSpacing(8);
        setPadding(new Insets(8));
        setPrefSize(640, 420);
    }

    /** The environment as edited; rows without a name are dropped. */
    public Environment result() {
        List<KeyValue> variables = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (Row row : rows) {
            String key = row.key.get() == null ? "" : row.key.get().strip();
            if (key.isEmpty()) {
                continue;
            }
            variables.add(new KeyValue(key, row.value.get() == null ? "" : row.value.get(), row.enabled.get()));
            if (row.secret.get()) {
                secrets.add(key);
            }
        }
        return new Environment(name, production.isSelected(), variables, secrets);
    }

    /** Shows the editor in a dialog; the edited environment when the user saves. */
    public static Optional<Environment> edit(Window owner, Environment environment) {
        EnvironmentEditor editor = new EnvironmentEditor(environment);
        Dialog<Environment> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Environment " + environment.name());
        dialog.setHeaderText("Variables of the environment \"" + environment.name() + "\"");
        dialog.getDialogPane().setContent(editor);
        ButtonType save = new ButtonType("Save", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == save ? editor.result() : null);
        return dialog.showAndWait();
    }

    /** Shows dots instead of a secret value, except while it is being edited. */
    private static final class MaskedCell extends TextFieldTableCell<Row, String> {
        MaskedCell() {
            super(new javafx.util.converter.DefaultStringConverter());
        }

        @Override
        public void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (!empty && !isEditing() && row != null && row.secret.get() && item != null && !item.isEmpty()) {
                setText("••••••••");
            }
        }
    }
}
