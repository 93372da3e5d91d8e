package dev.dynagate.requests;

import dev.dynagate.requests.model.KeyValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Splits a typed URL's query into parameters and puts them back, leaving {@code {{variables}}} and the rest of
 * the URL exactly as typed.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    public static String withoutQuery(String url) {
        int q = url == null ? -1 : url.indexOf('?');
        return url == null ? "" : q < 0 ? url : url.substring(0, q);
    }

    public static List<KeyValue> parse(String url) {
        int q = url == null ? -1 : url.indexOf('?');
        if (q < 0 || q == url.length() - 1) {
            return List.of();
        }
        String query = url.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        List<KeyValue> pairs = new ArrayList<>();
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(KeyValue.of(decode(key), decode(value)));
        }
        return pairs;
    }

    /** The URL with its query replaced by the enabled pairs. */
    public static String build(String url, List<KeyValue> pairs) {
        String query = pairs.stream().filter(KeyValue::enabled).filter(p -> !p.key().isBlank())
                .map(p -> encode(p.key()) + (p.value() == null || p.value().isEmpty() ? "" : "=" + encode(p.value())))
                .collect(Collectors.joining("&"));
        String base = withoutQuery(url);
        return query.isEmpty() ? base : base + "?" + query;
    }

    /** Encodes what would break the query, but leaves {{variables}} and common characters readable. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("%26");
                case '=' -> out.append("%3D");
                case '#' -> out.append("%23");
                case '+' -> out.append("%2B");
                case '%' -> out.append("%25");
                case ' ' -> out.append("%20");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
