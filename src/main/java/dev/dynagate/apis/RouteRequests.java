package dev.dynagate.apis;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A new request for a route: its method, the stage's invoke URL with {@code {param}} placeholders, and auth wired
 * from the route — AWS_IAM signs with SigV4 for execute-api using the connection's credentials, JWT and Cognito
 * ask for a bearer token, a required API key sends {@code x-api-key} with one of the stage's keys.
 */
public final class RouteRequests {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    /** The request, and the API key values to offer in the auth editor. */
    public record Prefilled(RequestSpec spec, List<String> apiKeys) {
    }

    private RouteRequests() {
    }

    public static Prefilled from(RouteSelection selection) {
        Route route = selection.route();
        String method = route.method() == null || route.method().equals("ANY") ? "GET" : route.method();
        String url = selection.invokeUrl() == null ? "" : selection.invokeUrl();
        List<String> keys = selection.stage() == null ? List.of()
                : selection.api().keysFor(selection.stage().name()).stream().map(ApiKey::value)
                .filter(v -> v != null && !v.isBlank()).toList();
        List<KeyValue> headers = new ArrayList<>();
        Auth auth = authFor(selection, headers);
        if (route.apiKeyRequired()) {
            String key = keys.isEmpty() ? "" : keys.get(0);
            if (auth == Auth.NONE) {
                auth = new Auth.ApiKey("x-api-key", key, Auth.ApiKey.Placement.HEADER);
            } else {
                headers.add(KeyValue.of("x-api-key", key));
            }
        }
        Body body = WITH_BODY.contains(method) ? Body.json("{\n  \n}") : Body.NONE;
        RequestSpec spec = new RequestSpec(route.label(), method, url, headers, body, auth, List.of(), List.of(),
                "From " + selection.api().api().label() + (selection.stage() == null ? ""
                        : ", stage " + selection.stage().name()));
        return new Prefilled(spec, keys);
    }

    private static Auth authFor(RouteSelection selection, List<KeyValue> headers) {
        Route route = selection.route();
        String type = route.authorizationType().toUpperCase(Locale.ROOT);
        Authorizer authorizer = selection.api().authorizer(route.authorizerId());
        if (type.equals("AWS_IAM")) {
            return new Auth.SigV4("execute-api", null, null);
        }
        if (type.equals("JWT") || type.equals("COGNITO_USER_POOLS")
                || authorizer != null && authorizer.takesBearerToken()) {
            return new Auth.Bearer("");
        }
        if (type.equals("CUSTOM") && authorizer != null && authorizer.identitySource() != null) {
            // a Lambda authorizer reads the headers named in its identity source: offer them empty
            for (String source : authorizer.identitySource().split(",")) {
                String header = headerName(source.strip());
                if (header != null) {
                    headers.add(KeyValue.of(header, ""));
                }
            }
        }
        return Auth.NONE;
    }

    /** {@code method.request.header.Authorization} or {@code $request.header.X-Token} → the header name. */
    static String headerName(String identitySource) {
        int at = identitySource.indexOf("request.header.");
        return at < 0 ? null : identitySource.substring(at + "request.header.".length());
    }
}
