package dev.dynagate.requests.model;

import java.util.List;

/**
 * A request body. {@code text} holds JSON, XML or plain text as typed; {@code fields} holds form fields for the
 * form modes. A file body names the file; its bytes are read when the request is sent.
 */
public record Body(Mode mode, String text, List<KeyValue> fields, String file) {

    public enum Mode { NONE, JSON, TEXT, XML, FORM_URLENCODED, MULTIPART_FORM, FILE }

    public static final Body NONE = new Body(Mode.NONE, null, List.of(), null);

    public static Body json(String text) {
        return new Body(Mode.JSON, text, List.of(), null);
    }

    public static Body text(String text) {
        return new Body(Mode.TEXT, text, List.of(), null);
    }

    public static Body form(List<KeyValue> fields) {
        return new Body(Mode.FORM_URLENCODED, null, List.copyOf(fields), null);
    }

    /** The Content-Type this body is sent with unless a header says otherwise. */
    public String defaultContentType() {
        return switch (mode) {
            case NONE, FILE -> null;
            case JSON -> "application/json";
            case TEXT -> "text/plain; charset=utf-8";
            case XML -> "application/xml";
            case FORM_URLENCODED -> "application/x-www-form-urlencoded";
            case MULTIPART_FORM -> "multipart/form-data";
        };
    }
}
