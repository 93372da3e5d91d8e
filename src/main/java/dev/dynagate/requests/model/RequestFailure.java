package dev.dynagate.requests.model;

/** Why a request could not be sent or got no response, worded for people (no stack traces). */
public class RequestFailure extends RuntimeException {
    private final Kind kind;

    public enum Kind { BAD_URL, UNKNOWN_HOST, CONNECTION_REFUSED, TIMEOUT, CREDENTIALS, TOO_LARGE, CANCELLED, IO }

    public RequestFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
