package dev.dynagate.apis;

/** REST APIs are API Gateway v1; HTTP and WebSocket APIs are v2. */
public enum ApiKind {
    REST("REST"), HTTP("HTTP"), WEBSOCKET("WebSocket");

    private final String label;

    ApiKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
