package dev.dynagate.requests;

import dev.dynagate.requests.model.RequestFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads a URL as people type it (no scheme, spaces, braces) into a URI java.net.http accepts. */
public final class RequestUrls {
    private static final String UNSAFE = " \"<>`{}|\\^";

    private RequestUrls() {
    }

    public static URI parse(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw bad("The URL is empty.");
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(escapeUnsafe(text));
        } catch (URISyntaxException e) {
            throw bad("The URL \"" + url + "\" is not valid: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad("The URL must start with http:// or https:// (got \"" + uri.getScheme() + "://\").");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw bad("The URL \"" + url + "\" has no host name.");
        }
        return uri;
    }

    /** Adds one query parameter, encoded, keeping the rest of the URI as it is. */
    public static URI withQueryParameter(URI uri, String name, String value) {
        String pair = encode(name) + "=" + encode(value);
        String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? pair : uri.getRawQuery() + "&" + pair;
        String text = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + "?" + query + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        return URI.create(text);
    }

    public static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escapeUnsafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (UNSAFE.indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static RequestFailure bad(String message) {
        return new RequestFailure(RequestFailure.Kind.BAD_URL, message, null);
    }
}
