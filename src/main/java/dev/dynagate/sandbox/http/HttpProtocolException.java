package dev.dynagate.sandbox.http;

/** A request the server refuses before any service sees it; the connection is answered with the status and closed. */
final class HttpProtocolException extends Exception {
    private final int status;

    HttpProtocolException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
