package dev.dynagate.tables;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Small layout rules shared by the table views. */
final class Layouts {
    private Layouts() {
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
