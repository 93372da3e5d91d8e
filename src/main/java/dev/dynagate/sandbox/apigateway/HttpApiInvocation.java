package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One request to an HTTP API: picks the stage and the most specific route, runs the integration (Lambda proxy with
 * payload 2.0 or 1.0, or HTTP proxy) and maps the result or failure as HTTP APIs do.
 */
final class HttpApiInvocation {
    /**
     * What an HTTP API answers when its Lambda integration fails (the function threw or answered something that is
     * not a valid response): {@code {"message":"Internal Server Error"}} with 500, as HTTP APIs are observed to do.
     * REST APIs answer 502 instead, with their own wording.
     */
    static final int FUNCTION_ERROR_STATUS = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntegrationInvoker invoker;
    private final HttpProxy httpProxy;
    private final ObjectNode doc;
    private final String apiId;
    private final String below;
    private final SandboxRequest request;
    private final String requestId = requestId();

    HttpApiInvocation(IntegrationInvoker invoker, HttpProxy httpProxy, ObjectNode doc, String apiId, String below,
                      SandboxRequest request) {
        this.invoker = invoker;
        this.httpProxy = httpProxy;
        this.doc = doc;
        this.apiId = apiId;
        this.below = below;
        this.request = request;
    }

    SandboxResponse serve() {
        JsonNode stages = doc.path("stages");
        List<String> segments = PathTemplate.segments(below);
        String first = segments.isEmpty() ? null : InboundRequest.decode(segments.get(0));
        String stage;
        String path;
        if (first != null && !first.equals("$default") && stages.has(first)) {
            stage = first;
            path = below.substring(below.indexOf('/', 1) < 0 ? below.length() : below.indexOf('/', 1));
        } else if (stages.has("$default")) {
            stage = "$default";
            path = below;
        } else {
            return notFound(requestId);
        }
        path = path.isEmpty() ? "/" : path;
        String stagePath = below.isEmpty() ? "/" : below;
        InboundRequest inbound = new InboundRequest(apiId, stage, request.method(), path, stagePath,
                request.rawQuery(), request.headers(), request.body(), request.remoteAddress(), requestId,
                Instant.now());
        RouteMatch route = matchRoute(inbound);
        if (route == null) {
            return notFound(requestId);
        }
        JsonNode integration = doc.path("integrations").get(route.integrationId());
        if (integration == null) {
            return notFound(requestId);
        }
        return tag(run(integration, inbound, route, stages.path(stage).path("stageVariables")));
    }

    private SandboxResponse run(JsonNode integration, InboundRequest inbound, RouteMatch route,
                                JsonNode stageVariables) {
        String type = integration.path("integrationType").asText();
        int timeout = integration.path("timeoutInMillis").asInt(30000);
        if (type.equals("HTTP_PROXY")) {
            return httpProxy.forward(integration.path("integrationUri").asText(),
                    integration.path("integrationMethod").asText("ANY"), inbound, route.parameters(), timeout,
                    () -> serviceUnavailable(), () -> error(500));
        }
        if (!type.equals("AWS_PROXY")) {
            return error(500);
        }
        boolean v2 = !"1.0".equals(integration.path("payloadFormatVersion").asText());
        ObjectNode stageVars = stageVariables.isObject() ? (ObjectNode) stageVariables : null;
        ObjectNode event = v2
                ? ProxyEvents.v2(inbound, route.routeKey(), route.parameters(), stageVars)
                : ProxyEvents.v1(inbound, route.resourcePath(), null, route.parameters(), stageVars, true,
                route.routeKey(), false);
        String function = LambdaTargets.functionName(integration.path("integrationUri").asText(), stageVariables);
        IntegrationInvoker.Outcome outcome = invoker.invoke(function, event, timeout);
        return switch (outcome.kind()) {
            case TIMED_OUT -> serviceUnavailable();
            case REJECTED -> error(500);
            case FAILED -> error(FUNCTION_ERROR_STATUS);
            case OK -> {
                try {
                    yield v2 ? ProxyResponses.v2(outcome.result().payload())
                            : ProxyResponses.v1(outcome.result().payload());
                } catch (ProxyResponses.MalformedResponse e) {
                    yield error(FUNCTION_ERROR_STATUS);
                }
            }
        };
    }

    private RouteMatch matchRoute(InboundRequest inbound) {
        RouteMatch best = null;
        RouteMatch fallback = null;
        for (JsonNode route : doc.path("routes")) {
            String key = route.path("routeKey").asText();
            String target = route.path("target").asText("");
            String integrationId = target.startsWith("integrations/") ? target.substring(13) : "";
            if (key.equals("$default")) {
                fallback = new RouteMatch(key, "$default", integrationId, Map.of(), null, 9);
                continue;
            }
            int space = key.indexOf(' ');
            String method = key.substring(0, space);
            if (!method.equals("ANY") && !method.equals(inbound.method())) {
                continue;
            }
            PathTemplate.Match match = PathTemplate.match(key.substring(space + 1), inbound.path());
            if (match == null) {
                continue;
            }
            RouteMatch candidate = new RouteMatch(key, key.substring(space + 1), integrationId,
                    match.parameters(), match, method.equals("ANY") ? 1 : 0);
            if (best == null || candidate.compareTo(best) < 0) {
                best = candidate;
            }
        }
        return best != null ? best : fallback;
    }

    private SandboxResponse tag(SandboxResponse response) {
        return response.with("apigw-requestid", requestId);
    }

    private SandboxResponse error(int status) {
        return SandboxResponse.json(status, "{\"message\":\"Internal Server Error\"}");
    }

    private SandboxResponse serviceUnavailable() {
        return SandboxResponse.json(503, "{\"message\":\"Service Unavailable\"}");
    }

    static SandboxResponse notFound(String requestId) {
        return SandboxResponse.json(404, "{\"message\":\"Not Found\"}").with("apigw-requestid", requestId);
    }

    /** A matched HTTP API route; more specific paths first, then a method over ANY. */
    private record RouteMatch(String routeKey, String resourcePath, String integrationId,
                              Map<String, String> parameters, PathTemplate.Match match, int methodRank)
            implements Comparable<RouteMatch> {
        @Override
        public int compareTo(RouteMatch other) {
            int c = match.compareTo(other.match);
            return c != 0 ? c : Integer.compare(methodRank, other.methodRank);
        }
    }

    /** HTTP APIs' request ids look like {@code JKJaXmPLvHcESHA=}. */
    static String requestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replace('+', 'A').replace('/', 'B');
    }
}
