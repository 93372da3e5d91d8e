package dev.dynagate.connections;

/** The colour a connection is marked with, so production never looks like a sandbox. */
public enum EnvironmentColour {
    GREY("#8c959f", "neutral"),
    GREEN("#2da44e", "local / dev"),
    BLUE("#0969da", "test"),
    PURPLE("#8250df", "staging"),
    ORANGE("#d4a72c", "pre-production"),
    RED("#cf222e", "production");

    private final String hex;
    private final String meaning;

    EnvironmentColour(String hex, String meaning) {
        this.hex = hex;
        this.meaning = meaning;
    }

    public String hex() {
        return hex;
    }

    public String meaning() {
        return meaning;
    }
}
