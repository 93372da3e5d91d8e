package dev.dynagate.sandbox.apigateway;

import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps {@code METHOD /path/{param}} templates of a REST-JSON API to operations. */
final class Router {
    interface Operation {
        SandboxResponse handle(Map<String, String> params, SandboxRequest request);
    }

    private record Entry(String method, Pattern pattern, List<String> names, Operation operation) {
    }

    private final List<Entry> entries = new ArrayList<>();

    Router on(String method, String template, Operation operation) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        entries.add(new Entry(method, Pattern.compile(regex.toString()), names, operation));
        return this;
    }

    /** The answer of the matching operation, API Gateway's NotFound when none matches, its error when one fails. */
    SandboxResponse answer(SandboxRequest request) {
        try {
            return dispatch(request).orElseGet(() -> ApiGatewayError.notFound(
                    "Unsupported operation " + request.method() + " " + request.path()).response());
        } catch (ApiGatewayError e) {
            return e.response();
        }
    }

    Optional<SandboxResponse> dispatch(SandboxRequest request) {
        for (Entry entry : entries) {
            if (!entry.method().equals(request.method())) {
                continue;
            }
            Matcher m = entry.pattern().matcher(request.path());
            if (m.matches()) {
                Map<String, String> params = new HashMap<>();
                for (int i = 0; i < entry.names().size(); i++) {
                    params.put(entry.names().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                }
                return Optional.of(entry.operation().handle(params, request));
            }
        }
        return Optional.empty();
    }

    /** Query parameters of a request, decoded; the last value wins. */
    static Map<String, String> query(SandboxRequest request) {
        Map<String, String> query = new HashMap<>();
        if (request.rawQuery() == null || request.rawQuery().isEmpty()) {
            return query;
        }
        for (String pair : request.rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
