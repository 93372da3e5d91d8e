package dev.dynagate.tables;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Capacity form over {@link CapacityPresenter}: the billing choice and what keeps it from being sent. */
final class CapacityForm extends VBox {
    final CapacityRow capacity;
    final Label problem = new Label();

    CapacityForm(CapacityPresenter presenter) {
        getStyleClass().add("capacity-form");
        setSpacing(8);
        setPadding(new Insets(12));
        capacity = new CapacityRow(presenter.capacity());
        boolean hasGlobalIndexes = presenter.table().indexes().stream()
                .anyMatch(i -> i.kind() == TableDescription.IndexKind.GSI);
        Label note = FormDialog.note("On AWS a table moves to on demand at most four times a day (to provisioned "
                + "at any time), and its units can only go down a limited number of times a day." + (hasGlobalIndexes
                ? " Moving to provisioned gives each global index the same units." : ""));
        FormDialog.showProblem(problem, "capacity-problem", presenter.problem());
        getChildren().addAll(capacity, note, problem);
        setPrefWidth(560);
    }

    /** Shows the form in a dialog; true when the user asked to apply it. */
    static boolean show(Window owner, CapacityPresenter presenter) {
        return FormDialog.show(owner, "Capacity", "Capacity of " + presenter.table().name(),
                new CapacityForm(presenter), "Change", presenter.problem());
    }
}
