package dev.dynagate.ui;

/**
 * An error as shown to a person: what happened, how to fix it (may be empty), and whether retrying can help.
 */
public record UserMessage(String text, String fix, boolean retryable) {

    public String oneLine() {
        return fix == null || fix.isBlank() ? text : text + " " + fix;
    }
}
