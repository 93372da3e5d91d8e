package dev.dynagate.requests;

import dev.dynagate.requests.model.RequestFailure;
import dev.dynagate.requests.model.RequestFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Maps what java.net.http throws to a {@link RequestFailure} a person can act on. */
final class RequestFailures {

    private RequestFailures() {
    }

    static RequestFailure describe(Throwable error, URI uri, Duration timeout, Duration connectTimeout) {
        Throwable root = unwrap(error);
        if (root instanceof RequestFailure failure) {
            return failure;
        }
        String where = hostAndPort(uri);
        if (root instanceof CancellationException || root instanceof InterruptedException) {
            return new RequestFailure(Kind.CANCELLED, "Cancelled.", root);
        }
        if (root instanceof HttpConnectTimeoutException) {
            return new RequestFailure(Kind.TIMEOUT, "Could not connect to " + where + " within "
                    + seconds(connectTimeout) + ". Check the host, the port and your network or VPN.", root);
        }
        if (root instanceof HttpTimeoutException) {
            return new RequestFailure(Kind.TIMEOUT, "No response from " + where + " within " + seconds(timeout)
                    + " (timeout). The server may be slow or stuck; raise the timeout or check the server.", root);
        }
        if (has(root, UnresolvedAddressException.class) || has(root, UnknownHostException.class)) {
            return unknownHost(uri, root);
        }
        if (has(root, ConnectException.class)) {
            return new RequestFailure(Kind.CONNECTION_REFUSED, "Nothing is listening at " + where
                    + " (connection refused). Start the server or fix the port in the URL.", root);
        }
        if (has(root, SSLException.class)) {
            return new RequestFailure(Kind.IO, "The TLS handshake with " + where + " failed: " + root.getMessage(), root);
        }
        if (root instanceof IOException) {
            return new RequestFailure(Kind.IO, "The connection to " + where + " broke before the response was complete"
                    + (root.getMessage() == null ? "." : ": " + root.getMessage()), root);
        }
        return new RequestFailure(Kind.IO, "The request failed: " + root, root);
    }

    static RequestFailure unknownHost(URI uri, Throwable cause) {
        return new RequestFailure(Kind.UNKNOWN_HOST, "The host name \"" + uri.getHost() + "\" could not be resolved "
                + "(DNS). Check the URL for typos and your network or VPN.", cause);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String hostAndPort(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
