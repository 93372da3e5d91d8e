package dev.dynagate.testing;

import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.UserMessage;
import java.util.List;
import java.util.Optional;

/** Dialogs a test does not expect to be shown: each fails the test; a test overrides the ones it answers. */
public class UnaskedDialogs implements Dialogs {
    @Override
    public void showError(String title, UserMessage message) {
        throw new AssertionError("unexpected error dialog: " + message.text());
    }

    @Override
    public void inform(String title, String message) {
        throw new AssertionError("unexpected message: " + message);
    }

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        throw new AssertionError("unexpected confirmation: " + question);
    }

    @Override
    public boolean confirmTyped(String title, String question, String expected) {
        throw new AssertionError("unexpected typed confirmation: " + question);
    }

    @Override
    public Optional<String> ask(String title, String question, String initial) {
        throw new AssertionError("unexpected question: " + question);
    }

    @Override
    public Optional<String> choose(String title, String question, List<String> choices) {
        throw new AssertionError("unexpected choice: " + question);
    }

    @Override
    public Optional<String> pick(String title, String question, List<String> choices) {
        throw new AssertionError("unexpected pick: " + question);
    }
}
