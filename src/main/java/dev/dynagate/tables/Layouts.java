package dev.dynagate.tables;

import dev.dynagate.ui.UserMessage;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Small layout rules shared by the table views. */
final class Layouts {
    private Layouts() {
    }

    /** A problem line: the message on one line, wrapped, taking no room while there is none. */
    static void problemLine(Label label, ObservableObjectValue<UserMessage> problem) {
        label.getStyleClass().add("explorer-problem");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(() -> problem.getValue() == null ? ""
                : problem.getValue().oneLine(), problem));
        label.visibleProperty().bind(Bindings.isNotNull(problem));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** Labels, buttons and pickers never shrink below their text: text fields give way instead. */
    static void keepWidth(Iterable<Node> nodes) {
        for (Node node : nodes) {
            if (node instanceof Label || node instanceof ButtonBase || node instanceof ComboBox) {
                ((Region) node).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }
}
