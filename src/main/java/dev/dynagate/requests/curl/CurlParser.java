package dev.dynagate.requests.curl;

import dev.dynagate.requests.QueryStrings;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a pasted curl command into a request: {@code -X}, {@code -H}, {@code -d}/{@code --data*}, {@code --json},
 * {@code -F}, {@code -u}, {@code -G}, {@code --url}, {@code --aws-sigv4}, quotes and line continuations. Options
 * that only change curl's own behaviour ({@code -s}, {@code -L}, {@code -k}…) are ignored.
 */
public final class CurlParser {
    private static final Set<String> IGNORED_FLAGS = Set.of("-s", "--silent", "-S", "--show-error", "-L", "--location",
            "-k", "--insecure", "-i", "--include", "-v", "--verbose", "--compressed", "-f", "--fail", "-#",
            "--progress-bar", "-N", "--no-buffer", "--http1.1", "--http2", "-g", "--globoff", "-O", "--remote-name");
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("-o", "--output", "-m", "--max-time",
            "--connect-timeout", "--retry", "-w", "--write-out", "--cacert", "--cert", "--key", "-x", "--proxy",
            "--resolve", "-c", "--cookie-jar");
    private static final String NO_ARG_SHORT = "sSLkivfN#gO";

    private CurlParser() {
    }

    public static RequestSpec parse(String command) {
        List<String> tokens = CurlTokenizer.split(command == null ? "" : command.strip());
        if (!tokens.isEmpty() && tokens.get(0).equals("curl")) {
            tokens = tokens.subList(1, tokens.size());
        }
        State state = new State();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.startsWith("-") && token.length() > 1) {
                i = option(tokens, i, state);
            } else {
                state.url = token;
            }
        }
        return state.toSpec();
    }

    private static int option(List<String> tokens, int i, State state) {
        String token = tokens.get(i);
        String name = token;
        String attached = null;
        if (token.startsWith("--") && token.contains("=") && !token.startsWith("--data") && !token.startsWith("--json")) {
            name = token.substring(0, token.indexOf('='));
            attached = token.substring(token.indexOf('=') + 1);
        } else if (!token.startsWith("--") && token.length() > 2) {
            if (token.substring(1).chars().allMatch(c -> NO_ARG_SHORT.indexOf(c) >= 0)) {
                return i;
            }
            name = token.substring(0, 2);
            attached = token.substring(2);
        }
        if (IGNORED_FLAGS.contains(name)) {
            return i;
        }
        boolean needsValue = !Set.of("-G", "--get", "-I", "--head").contains(name);
        String value = attached;
        int next = i;
        if (needsValue && value == null) {
            if (i + 1 >= tokens.size()) {
                throw new IllegalArgumentException("The curl option " + name + " needs a value.");
            }
            value = tokens.get(++next);
        }
        if (IGNORED_WITH_VALUE.contains(name)) {
            return next;
        }
        switch (name) {
            case "-X", "--request" -> state.method = value.toUpperCase(Locale.ROOT);
            case "-H", "--header" -> header(value, state);
            case "-d", "--data", "--data-raw", "--data-binary", "--data-ascii" -> state.data.add(value);
            case "--data-urlencode" -> state.data.add(urlencoded(value));
            case "--json" -> {
                state.data.add(value);
                state.json = true;
            }
            case "-F", "--form" -> {
                int eq = value.indexOf('=');
                state.form.add(KeyValue.of(eq < 0 ? value : value.substring(0, eq), eq < 0 ? "" : value.substring(eq + 1)));
            }
            case "-u", "--user" -> state.user = value;
            case "-G", "--get" -> state.get = true;
            case "-I", "--head" -> state.method = "HEAD";
            case "--url" -> state.url = value;
            case "-A", "--user-agent" -> state.headers.add(KeyValue.of("User-Agent", value));
            case "-b", "--cookie" -> state.headers.add(KeyValue.of("Cookie", value));
            case "-e", "--referer" -> state.headers.add(KeyValue.of("Referer", value));
            case "--aws-sigv4" -> state.sigv4 = value;
            default -> throw new IllegalArgumentException("The curl option " + name + " is not supported here.");
        }
        return next;
    }

    private static void header(String value, State state) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return;
        }
        state.headers.add(KeyValue.of(value.substring(0, colon).strip(), value.substring(colon + 1).strip()));
    }

    /** curl's {@code name=value} form: the value is encoded, the name is not. */
    private static String urlencoded(String value) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        return value.substring(0, eq + 1) + URLEncoder.encode(value.substring(eq + 1), StandardCharsets.UTF_8);
    }

    private static final class State {
        String method;
        String url;
        String user;
        String sigv4;
        boolean get;
        boolean json;
        final List<KeyValue> headers = new ArrayList<>();
        final List<String> data = new ArrayList<>();
        final List<KeyValue> form = new ArrayList<>();

        RequestSpec toSpec() {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("The curl command has no URL.");
            }
            String data = String.join("&", this.data);
            String target = url;
            Body body = Body.NONE;
            if (get && !this.data.isEmpty()) {
                target = url + (url.contains("?") ? "&" : "?") + data;
            } else if (!this.data.isEmpty()) {
                body = body(data);
            } else if (!form.isEmpty()) {
                body = new Body(Body.Mode.MULTIPART_FORM, null, form, null);
            }
            if (json) {
                setIfAbsent("Content-Type", "application/json");
                setIfAbsent("Accept", "application/json");
            }
            String verb = method != null ? method : body != Body.NONE ? "POST" : "GET";
            return new RequestSpec(null, verb, target, headers, body, auth(), List.of(), List.of(), null);
        }

        private Body body(String data) {
            String type = headerValue("Content-Type");
            if (json || type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
                return Body.json(data);
            }
            if (type == null && data.matches("[^=&{\\[\\s]+=[^&]*(&[^=&]+=[^&]*)*")) {
                return Body.form(QueryStrings.parse("?" + data));
            }
            // curl labels -d data form-urlencoded unless told otherwise: keep that label explicit
            setIfAbsent("Content-Type", "application/x-www-form-urlencoded");
            return Body.text(data);
        }

        private Auth auth() {
            if (sigv4 != null) {
                // aws:amz:REGION:SERVICE; the keys in --user are the caller's, never kept
                String[] parts = sigv4.split(":");
                String region = parts.length > 2 ? parts[2] : null;
                String service = parts.length > 3 ? parts[3] : "execute-api";
                return new Auth.SigV4(service, region, null);
            }
            if (user != null) {
                int colon = user.indexOf(':');
                return new Auth.Basic(colon < 0 ? user : user.substring(0, colon), colon < 0 ? "" : user.substring(colon + 1));
            }
            return Auth.NONE;
        }

        private String headerValue(String name) {
            return headers.stream().filter(h -> h.key().equalsIgnoreCase(name)).map(KeyValue::value).findFirst()
                    .orElse(null);
        }

        private void setIfAbsent(String name, String value) {
            if (headerValue(name) == null) {
                headers.add(KeyValue.of(name, value));
            }
        }
    }
}
