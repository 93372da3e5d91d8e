package dev.dynagate.tables;

import java.util.List;
import javafx.beans.property.LongProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** On demand or provisioned, with read and write units: the capacity fields of the table forms. */
final class CapacityRow extends HBox {
    final RadioButton onDemand = new RadioButton("On demand");
    final RadioButton provisioned = new RadioButton("Provisioned");
    final Spinner<Integer> reads;
    final Spinner<Integer> writes;

    CapacityRow(CapacityDraft draft) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        ToggleGroup billing = new ToggleGroup();
        onDemand.setToggleGroup(billing);
        provisioned.setToggleGroup(billing);
        onDemand.setSelected(draft.onDemand().get());
        provisioned.setSelected(!draft.onDemand().get());
        draft.onDemand().bind(onDemand.selectedProperty());
        reads = units(draft.readUnits());
        writes = units(draft.writeUnits());
        reads.disableProperty().bind(onDemand.selectedProperty());
        writes.disableProperty().bind(onDemand.selectedProperty());
        Label readLabel = new Label("read");
        Label writeLabel = new Label("write");
        getChildren().addAll(onDemand, provisioned, readLabel, reads, writeLabel, writes);
        Layouts.keepWidth(List.of(onDemand, provisioned, readLabel, writeLabel));
    }

    /** A units field that writes what the user picks into {@code value}. */
    static Spinner<Integer> units(LongProperty value) {
        Spinner<Integer> spinner = new Spinner<>(1, 40_000, (int) Math.max(1, Math.min(40_000, value.get())));
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        value.set(spinner.getValue());
        spinner.valueProperty().addListener((obs, old, now) -> value.set(now));
        // and shows what others write there (an index's units following the table's)
        value.addListener((obs, old, now) -> {
            if (now.longValue() != spinner.getValue() && now.longValue() >= 1 && now.longValue() <= 40_000) {
                spinner.getValueFactory().setValue(now.intValue());
            }
        });
        return spinner;
    }
}
