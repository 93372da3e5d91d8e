package dev.dynagate.tables;

import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dialogs that answer as told and remember what they were asked. */
class FakeDialogs implements Dialogs {
    final List<String> asked = new ArrayList<>();
    boolean answer = true;
    String typed = "";
    /** What {@link #ask} answers; empty: the user cancelled. */
    Optional<String> typedAnswer = Optional.empty();
    /** Which of the choices {@link #choose} and {@link #pick} take (its position); -1: the user cancelled. */
    int chosen = 0;

    @Override
    public void showError(String title, UserMessage message) {
        asked.add("error: " + message.text());
    }

    @Override
    public void inform(String title, String message) {
        asked.add("inform: " + message);
    }

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        asked.add("confirm: " + question);
        return answer;
    }

    @Override
    public boolean confirmTyped(String title, String question, String expected) {
        asked.add("typed " + expected + ": " + question);
        return typed.equals(expected);
    }

    @Override
    public Optional<String> ask(String title, String question, String initial) {
        asked.add("ask [" + initial + "]: " + question);
        return typedAnswer;
    }

    @Override
    public Optional<String> choose(String title, String question, List<String> choices) {
        asked.add("choose " + choices + ": " + question);
        return chosen < 0 ? Optional.empty() : Optional.of(choices.get(chosen));
    }

    @Override
    public Optional<String> pick(String title, String question, List<String> choices) {
        asked.add("pick " + choices + ": " + question);
        return chosen < 0 ? Optional.empty() : Optional.of(choices.get(chosen));
    }
}
