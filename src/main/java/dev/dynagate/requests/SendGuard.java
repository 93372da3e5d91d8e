package dev.dynagate.requests;

import dev.dynagate.requests.model.RequestSpec;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Decides, before anything leaves, whether a request may be sent; a refusal is a message for the panel. */
@FunctionalInterface
public interface SendGuard {
    SendGuard NONE = request -> null;
    Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Null to send, else why not. */
    String refusal(RequestSpec resolved);

    /**
     * On a read-only connection only safe methods go out: a POST or DELETE to a production API is a write like any
     * other.
     *
     * @param readOnlyConnection the active connection's name when it is read-only, else null
     */
    static SendGuard readOnly(Supplier<String> readOnlyConnection) {
        return request -> {
            String name = readOnlyConnection.get();
            String method = request.method() == null ? "GET" : request.method().toUpperCase(Locale.ROOT);
            if (name == null || SAFE_METHODS.contains(method)) {
                return null;
            }
            return "The connection '" + name + "' is read-only, so " + method + " requests are not sent. "
                    + "Switch read-only off in the connection bar to send it.";
        };
    }
}
