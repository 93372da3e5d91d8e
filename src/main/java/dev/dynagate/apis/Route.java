package dev.dynagate.apis;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A route: REST resource method or HTTP/WebSocket route key.
 *
 * @param method            GET, POST…, ANY; null for WebSocket routes and {@code $default}
 * @param path              the resource path ({@code /items/{id}}), or the route key for WebSocket routes and
 *                          {@code $default}
 * @param authorizationType NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT
 * @param requestParameters parameter name → required (e.g. {@code method.request.path.id → true})
 */
public record Route(String id, String method, String path, String authorizationType, String authorizerId,
                    List<String> scopes, boolean apiKeyRequired, Map<String, Boolean> requestParameters,
                    Integration integration) {

    public Route {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        requestParameters = requestParameters == null ? Map.of() : Map.copyOf(requestParameters);
        integration = integration == null ? Integration.NONE : integration;
        authorizationType = authorizationType == null ? "NONE" : authorizationType;
    }

    /** A catch-all (greedy path, ANY, {@code $default}): the function behind it does its own routing. */
    public boolean isCatchAll() {
        return "$default".equals(path) || "ANY".equals(method) || path != null && path.contains("+}");
    }

    /** The names of {@code {param}} segments in the path, greedy ones without the {@code +}. */
    public List<String> pathParameters() {
        if (path == null) {
            return List.of();
        }
        return java.util.regex.Pattern.compile("\\{([^}]+?)\\+?}").matcher(path).results()
                .map(m -> m.group(1)).toList();
    }

    public String label() {
        return method == null ? path : method + " " + path;
    }

    public boolean requiresIam() {
        return "AWS_IAM".equals(authorizationType.toUpperCase(Locale.ROOT));
    }
}
