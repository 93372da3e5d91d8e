package dev.dynagate.ui;

import java.util.List;
import java.util.Optional;

/** Dialogs behind an interface, so presenters and views can be tested without windows popping up. */
public interface Dialogs {

    void showError(String title, UserMessage message);

    /** Tells the user that something they started in the background is done. */
    void inform(String title, String message);

    boolean confirm(String title, String question, String confirmLabel);

    /** Asks the user to type {@code expected} to confirm a destructive action on many things. */
    boolean confirmTyped(String title, String question, String expected);

    Optional<String> ask(String title, String question, String initial);

    /** Offers {@code choices} as buttons beside Cancel, the first as the default; the one picked, or empty. */
    Optional<String> choose(String title, String question, List<String> choices);

    /** Offers {@code choices} in a drop-down list, the first selected; the one picked, or empty. */
    Optional<String> pick(String title, String question, List<String> choices);
}
