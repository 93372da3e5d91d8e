package dev.dynagate.requests.curl;

import dev.dynagate.requests.RequestUrls;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a request as a curl command a shell can run. SigV4 requests are written with curl's own
 * {@code --aws-sigv4} and credentials read from the environment, so the command never carries a signature that
 * expires in minutes or a secret.
 */
public final class CurlWriter {

    private CurlWriter() {
    }

    /** @param defaultRegion the region SigV4 uses when neither the auth nor the URL names one */
    public static String write(RequestSpec spec, String defaultRegion) {
        List<String> parts = new ArrayList<>();
        parts.add("curl");
        String method = spec.method() == null ? "GET" : spec.method();
        boolean hasBody = spec.body().mode() != Body.Mode.NONE;
        if (!method.equals("GET") || hasBody) {
            parts.add("-X " + method);
        }
        String url = spec.url();
        Auth auth = spec.auth();
        if (auth instanceof Auth.ApiKey key && key.placement() == Auth.ApiKey.Placement.QUERY) {
            url = url + (url.contains("?") ? "&" : "?") + RequestUrls.encode(key.name()) + "=" + RequestUrls.encode(key.value());
        }
        parts.add(quote(url));
        spec.headers().stream().filter(KeyValue::enabled).forEach(h -> parts.add("-H " + quote(h.key() + ": " + h.value())));
        if (auth instanceof Auth.ApiKey key && key.placement() == Auth.ApiKey.Placement.HEADER) {
            parts.add("-H " + quote(key.name() + ": " + key.value()));
        } else if (auth instanceof Auth.Bearer bearer) {
            parts.add("-H " + quote("Authorization: Bearer " + bearer.token()));
        } else if (auth instanceof Auth.Basic basic) {
            parts.add("-u " + quote(basic.username() + ":" + basic.password()));
        } else if (auth instanceof Auth.SigV4 sigV4) {
            String region = sigV4.region() != null ? sigV4.region() : regionOf(url, defaultRegion);
            String service = sigV4.service() != null ? sigV4.service() : "execute-api";
            parts.add("--aws-sigv4 \"aws:amz:" + region + ":" + service + "\"");
            parts.add("--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"");
            parts.add("-H \"x-amz-security-token: $AWS_SESSION_TOKEN\"");
        }
        body(spec, parts);
        return String.join(" \\\n  ", parts);
    }

    private static void body(RequestSpec spec, List<String> parts) {
        Body body = spec.body();
        boolean typed = spec.headers().stream().anyMatch(h -> h.enabled() && h.key().equalsIgnoreCase("Content-Type"));
        switch (body.mode()) {
            case NONE -> {
            }
            case FORM_URLENCODED -> parts.add("--data-raw " + quote(body.fields().stream().filter(KeyValue::enabled)
                    .map(f -> RequestUrls.encode(f.key()) + "=" + RequestUrls.encode(f.value()))
                    .collect(Collectors.joining("&"))));
            case MULTIPART_FORM -> body.fields().stream().filter(KeyValue::enabled)
                    .forEach(f -> parts.add("-F " + quote(f.key() + "=" + f.value())));
            case FILE -> parts.add("--data-binary " + quote("@" + body.file()));
            default -> {
                if (!typed && body.defaultContentType() != null) {
                    parts.add("-H " + quote("Content-Type: " + body.defaultContentType()));
                }
                parts.add("--data-raw " + quote(body.text() == null ? "" : body.text()));
            }
        }
    }

    private static String regionOf(String url, String fallback) {
        try {
            String host = java.net.URI.create(url).getHost();
            if (host != null) {
                for (String label : host.split("\\.")) {
                    if (label.matches("[a-z]{2}(-gov)?-[a-z]+-\\d")) {
                        return label;
                    }
                }
            }
        } catch (IllegalArgumentException ignored) {
            // not a parseable URL: fall back
        }
        return fallback;
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
