package dev.dynagate.apis;

import java.net.URI;

/**
 * The URL a client calls for a route on a stage. AWS: {@code https://ID.execute-api.REGION.amazonaws.com/STAGE/PATH}
 * (no stage segment for an HTTP API's {@code $default} stage). Local emulators and the sandbox, in LocalStack's path
 * style: {@code http://HOST:PORT/_aws/execute-api/ID/STAGE/PATH}.
 */
public final class InvokeUrls {

    private InvokeUrls() {
    }

    /** @param localEndpoint the emulator's endpoint, or null for AWS itself */
    public static String of(ApiSummary api, Stage stage, Route route, String region, URI localEndpoint) {
        String path = pathOf(route);
        String stageSegment = stage.isDefault() ? "" : "/" + stage.name();
        if (localEndpoint != null) {
            String base = localEndpoint.toString().replaceAll("/+$", "");
            return base + "/_aws/execute-api/" + api.id() + stageSegment + path;
        }
        String host = api.endpoint() != null && !api.endpoint().isBlank() && !api.endpoint().contains("127.0.0.1")
                ? api.endpoint().replaceAll("/+$", "")
                : (api.kind() == ApiKind.WEBSOCKET ? "wss://" : "https://") + api.id() + ".execute-api." + region
                + ".amazonaws.com";
        return host + stageSegment + path;
    }

    /** The path part for a route; catch-all routes without a path ({@code $default}, WebSocket keys) give "/". */
    static String pathOf(Route route) {
        String path = route.path();
        if (path == null || !path.startsWith("/")) {
            return "/";
        }
        return path;
    }
}
