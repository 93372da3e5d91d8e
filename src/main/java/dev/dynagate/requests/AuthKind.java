package dev.dynagate.requests;

/** The auth choices the request panel offers. */
public enum AuthKind {
    NONE("No auth"), API_KEY("API key"), BEARER("Bearer token"), BASIC("Basic"), SIGV4("AWS SigV4");

    private final String label;

    AuthKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
