package dev.dynagate.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** {@link Dialogs} with JavaFX alerts, owned by the main window. Messages only: never a stack trace. */
public final class FxDialogs implements Dialogs {
    private final Window owner;

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, UserMessage message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(message.text());
        alert.setContentText(message.fix());
        alert.showAndWait();
    }

    @Override
    public void inform(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yes, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public boolean confirmTyped(String title, String question, String expected) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(question + "\nType " + expected + " to confirm.");
        return dialog.showAndWait().map(String::strip).filter(expected::equals).isPresent();
    }

    @Override
    public Optional<String> choose(String title, String question, List<String> choices) {
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            buttons.add(new ButtonType(choices.get(i), i == 0 ? ButtonBar.ButtonData.OK_DONE
                    : ButtonBar.ButtonData.OTHER));
        }
        buttons.add(ButtonType.CANCEL);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        // the buttons share one width, that of the longest: leave room for its whole text on every one
        int longest = choices.stream().mapToInt(String::length).max().orElse(10);
        alert.getDialogPane().setMinWidth(Math.max(480, buttons.size() * (9 * longest + 60)));
        return alert.showAndWait().filter(b -> b != ButtonType.CANCEL).map(ButtonType::getText);
    }

    @Override
    public Optional<String> pick(String title, String question, List<String> choices) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(choices.isEmpty() ? null : choices.get(0), choices);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        dialog.getDialogPane().setMinWidth(480);
        return dialog.showAndWait();
    }

    @Override
    public Optional<String> ask(String title, String question, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        return dialog.showAndWait();
    }
}
