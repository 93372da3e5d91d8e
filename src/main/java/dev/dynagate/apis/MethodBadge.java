package dev.dynagate.apis;

import java.util.Locale;
import javafx.scene.control.Label;

/** A coloured label for an HTTP method (colours from {@code -app-method-*}). */
public final class MethodBadge extends Label {

    /** HTTP API {@code $default} catches every method; other keys without a method are WebSocket routes. */
    public static MethodBadge of(Route route) {
        return new MethodBadge(route.method() != null ? route.method() : "$default".equals(route.path()) ? "ANY" : null);
    }

    public MethodBadge(String method) {
        super(method == null ? "WS" : method);
        getStyleClass().addAll("method-badge", "method-" + (method == null ? "other" : method.toLowerCase(Locale.ROOT)));
    }
}
