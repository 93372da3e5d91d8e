package dev.dynagate.tables;

import javafx.beans.binding.StringExpression;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** A table form in a modal dialog whose action stays off while the form says what is wrong. */
final class FormDialog {
    private FormDialog() {
    }

    /** A muted line under a form's fields that explains what the action will do. */
    static Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        return note;
    }

    /** The line that says what keeps a form from being sent, bound to the presenter's problem. */
    static void showProblem(Label label, String id, StringExpression problem) {
        label.setId(id);
        label.getStyleClass().add("explorer-problem");
        label.setWrapText(true);
        label.textProperty().bind(problem);
    }

    /** Shows {@code form}; true when the user pressed {@code action}, which is off while {@code problem} is set. */
    static boolean show(Window owner, String title, String header, Node form, String action,
                        StringExpression problem) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(form);
        ButtonType confirm = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(confirm).disableProperty().bind(problem.isNotNull());
        return dialog.showAndWait().filter(confirm::equals).isPresent();
    }
}
