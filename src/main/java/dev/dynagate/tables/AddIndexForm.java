package dev.dynagate.tables;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Add global index form over {@link AddIndexPresenter}: one index row and what keeps it from being added. */
final class AddIndexForm extends VBox {
    final IndexRow row;
    final Label problem = new Label();

    AddIndexForm(AddIndexPresenter presenter) {
        getStyleClass().add("add-index-form");
        getStylesheets().add(AddIndexForm.class.getResource("tables.css").toExternalForm());
        setSpacing(8);
        setPadding(new Insets(12));
        TableDescription table = presenter.table();
        row = new IndexRow(presenter.draft(), new SimpleStringProperty(table.keys().partition().name()), () -> { });
        row.kind.setDisable(true);
        row.remove.setVisible(false);
        Label note = FormDialog.note("DynamoDB fills the index from the table's items before it can be queried: "
                + "seconds on the sandbox, up to hours for a large table on AWS." + ("PAY_PER_REQUEST".equals(
                table.billingMode()) ? "" : " On this provisioned table it gets the table's capacity."));
        FormDialog.showProblem(problem, "add-index-problem", presenter.problem());
        getChildren().addAll(row, note, problem);
        setPrefWidth(760);
    }

    /** Shows the form in a dialog; true when the user asked to add the index. */
    static boolean show(Window owner, AddIndexPresenter presenter) {
        return FormDialog.show(owner, "Add global index", "A global index on " + presenter.table().name()
                + " (keys: " + TableFactsView.keys(presenter.table().keys()) + ")", new AddIndexForm(presenter),
                "Add index", presenter.problem());
    }
}
