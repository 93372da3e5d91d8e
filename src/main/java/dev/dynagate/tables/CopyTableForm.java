package dev.dynagate.tables;

import dev.dynagate.connections.Connection;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Copy table form over {@link CopyTablePresenter}: where to, under which name, and what keeps it from starting. */
final class CopyTableForm extends VBox {
    final ComboBox<Connection> target = new ComboBox<>();
    final TextField name = new TextField();
    final Label problem = new Label();

    CopyTableForm(CopyTablePresenter presenter) {
        getStyleClass().add("copy-table-form");
        setSpacing(8);
        setPadding(new Insets(12));
        target.setId("copy-target");
        target.getItems().setAll(presenter.targets());
        target.setCellFactory(list -> new ConnectionCell());
        target.setButtonCell(new ConnectionCell());
        target.valueProperty().bindBidirectional(presenter.target());
        target.setMaxWidth(Double.MAX_VALUE);
        name.setId("copy-name");
        name.textProperty().bindBidirectional(presenter.name());
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(8);
        fields.addRow(0, new Label("Copy to"), target);
        fields.addRow(1, new Label("New table"), name);
        GridPane.setHgrow(target, Priority.ALWAYS);
        GridPane.setHgrow(name, Priority.ALWAYS);
        TableDescription table = presenter.table();
        Label note = FormDialog.note("A new on-demand table with the keys, indexes, stream and time to live of "
                + table.name() + ", then every item (" + (table.itemCount() < 0 ? "count unknown" : "about "
                + Cells.number(table.itemCount())) + "), read by a parallel Scan and written in batches, types intact. "
                + "Tags and capacity settings are not copied. On AWS the Scan and the writes consume capacity on both "
                + "sides. A table of that name already there is refused before anything is written.");
        FormDialog.showProblem(problem, "copy-problem", presenter.problem());
        getChildren().addAll(fields, note, problem);
        setPrefWidth(600);
    }

    /** Shows the form in a dialog; true when the user asked to copy. */
    static boolean show(Window owner, CopyTablePresenter presenter) {
        return FormDialog.show(owner, "Copy table", "Copy " + presenter.table().name() + " from "
                + presenter.source().name(), new CopyTableForm(presenter), "Copy", presenter.problem());
    }

    /** A connection by its name and where it points, with its read-only mark. */
    private static final class ConnectionCell extends ListCell<Connection> {
        @Override
        protected void updateItem(Connection connection, boolean empty) {
            super.updateItem(connection, empty);
            setText(empty || connection == null ? null : connection.name() + "  ·  " + connection.detail()
                    + (connection.readOnly() ? "  (read-only)" : ""));
        }
    }
}
