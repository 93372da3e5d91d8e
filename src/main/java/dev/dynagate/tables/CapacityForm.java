package dev.dynagate.tables;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Capacity form over {@link CapacityPresenter}: the billing choice and what keeps it from being sent. */
final class CapacityForm extends VBox {
    private static final double INDENT = 24;
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
                ? " Each global index has units of its own; leaving on demand, they start as the table's." : ""));
        FormDialog.showProblem(problem, "capacity-problem", presenter.problem());
        getChildren().add(capacity);
        if (!presenter.indexes().isEmpty()) {
            getChildren().add(indexUnits(presenter));
        }
        getChildren().addAll(note, problem);
        setPrefWidth(560);
    }

    /** A row of read and write units per global index, off while the table is on demand. */
    private GridPane indexUnits(CapacityPresenter presenter) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("capacity-indexes");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(0, 0, 0, INDENT));
        int row = 0;
        for (CapacityPresenter.IndexUnits index : presenter.indexes()) {
            Spinner<Integer> reads = CapacityRow.units(index.readUnits());
            Spinner<Integer> writes = CapacityRow.units(index.writeUnits());
            reads.setId("index-reads-" + index.name());
            writes.setId("index-writes-" + index.name());
            reads.disableProperty().bind(capacity.onDemand.selectedProperty());
            writes.disableProperty().bind(capacity.onDemand.selectedProperty());
            Label name = new Label("Index " + index.name());
            // the index's units line up under the table's
            name.minWidthProperty().bind(capacity.provisioned.layoutXProperty()
                    .add(capacity.provisioned.widthProperty()).subtract(INDENT));
            name.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            grid.addRow(row++, name, new Label("read"), reads, new Label("write"), writes);
        }
        return grid;
    }

    /** Shows the form in a dialog; true when the user asked to apply it. */
    static boolean show(Window owner, CapacityPresenter presenter) {
        return FormDialog.show(owner, "Capacity", "Capacity of " + presenter.table().name(),
                new CapacityForm(presenter), "Change", presenter.problem());
    }
}
