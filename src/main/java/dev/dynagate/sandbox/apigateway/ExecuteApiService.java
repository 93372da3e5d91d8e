package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import dev.dynagate.sandbox.http.SandboxService;
import dev.dynagate.sandbox.lambda.FunctionNotFoundException;
import dev.dynagate.sandbox.lambda.InvocationResult;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The data plane: invoke URLs {@code /_aws/execute-api/{apiId}/{stage}/{path}} (and without the stage segment for
 * an HTTP API's {@code $default} stage). Routes requests as API Gateway does and runs the integration: Lambda proxy
 * (payload 2.0 or 1.0), Lambda non-proxy (the body passed through, no mapping templates), HTTP proxy and mock.
 *
 * <p>Every stage serves the API's current definition (as if each change were deployed at once); authorizers are
 * not enforced; API keys are checked for REST methods that require one.
 */
public final class ExecuteApiService implements SandboxService, RestApiInvoker {
    static final String PREFIX = "/_aws/execute-api/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiGatewayState state;
    private final LambdaRuntime lambda;
    private final HttpProxy httpProxy = new HttpProxy();
    private final ExecutorService invokers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "execute-api-integration");
        t.setDaemon(true);
        return t;
    });

    ExecuteApiService(ApiGatewayState state, LambdaRuntime lambda) {
        this.state = state;
        this.lambda = lambda;
    }

    @Override
    public boolean accepts(SandboxRequest request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        try {
            return route(request);
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(ExecuteApiService.class.getName())
                    .log(java.util.logging.Level.WARNING, "invoke URL failed: " + request.path(), e);
            return SandboxResponse.json(500, "{\"message\":\"Internal Server Error\"}");
        }
    }

    private SandboxResponse route(SandboxRequest request) {
        String rest = request.path().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String apiId = slash < 0 ? rest : rest.substring(0, slash);
        String below = slash < 0 ? "" : rest.substring(slash);
        ObjectNode httpApi = state.read(() -> copy(state.httpApis().get(apiId)));
        if (httpApi != null) {
            return new HttpApiRequest(httpApi, apiId, below, request).serve();
        }
        ObjectNode restApi = state.read(() -> copy(state.restApis().get(apiId)));
        if (restApi != null) {
            return serveRest(restApi, apiId, below, request);
        }
        return HttpApiRequest.notFound(requestId());
    }

    void close() {
        invokers.shutdownNow();
    }

    private static ObjectNode copy(JsonNode node) {
        return node == null ? null : (ObjectNode) node.deepCopy();
    }

    // ---- HTTP APIs

    /** One request to an HTTP API. */
    private final class HttpApiRequest {
        private final ObjectNode doc;
        private final String apiId;
        private final String below;
        private final SandboxRequest request;
        private final String requestId = requestId();

        HttpApiRequest(ObjectNode doc, String apiId, String below, SandboxRequest request) {
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
            Outcome outcome = invoke(function, event, timeout);
            return switch (outcome.kind()) {
                case TIMED_OUT -> serviceUnavailable();
                case REJECTED -> error(500);
                case FAILED -> error(502);
                case OK -> {
                    try {
                        yield v2 ? ProxyResponses.v2(outcome.result().payload())
                                : ProxyResponses.v1(outcome.result().payload());
                    } catch (ProxyResponses.MalformedResponse e) {
                        yield error(502);
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

    // ---- REST APIs

    private SandboxResponse serveRest(ObjectNode doc, String apiId, String below, SandboxRequest request) {
        String requestId = UUID.randomUUID().toString();
        List<String> segments = PathTemplate.segments(below);
        String stageName = segments.isEmpty() ? null : InboundRequest.decode(segments.get(0));
        JsonNode stage = stageName == null ? null : doc.path("stages").get(stageName);
        if (stage == null) {
            return restTag(missingToken(), requestId);
        }
        String path = below.substring(below.indexOf('/', 1) < 0 ? below.length() : below.indexOf('/', 1));
        path = path.isEmpty() ? "/" : path;
        InboundRequest inbound = new InboundRequest(apiId, stageName, request.method(), path, below,
                request.rawQuery(), request.headers(), request.body(), request.remoteAddress(), requestId,
                Instant.now());
        ResourceMatch match = matchResource(doc, inbound.path());
        if (match == null) {
            return restTag(missingToken(), requestId);
        }
        JsonNode methods = match.resource().path("resourceMethods");
        JsonNode method = methods.has(inbound.method()) ? methods.get(inbound.method()) : methods.get("ANY");
        if (method == null) {
            return restTag(missingToken(), requestId);
        }
        if (method.path("apiKeyRequired").asBoolean() && !validApiKey(inbound.header("x-api-key"))) {
            return restTag(restError(403, "{\"message\":\"Forbidden\"}", "ForbiddenException"), requestId);
        }
        return restTag(runRest(doc, match, method, inbound, stage.path("variables"), new StringBuilder()), requestId);
    }

    private record ResourceMatch(JsonNode resource, Map<String, String> parameters, PathTemplate.Match match) {
    }

    private static ResourceMatch matchResource(JsonNode doc, String path) {
        ResourceMatch best = null;
        for (JsonNode resource : doc.path("resources")) {
            String template = resource.path("path").asText();
            PathTemplate.Match match = template.equals("/")
                    ? (PathTemplate.segments(path).isEmpty() ? new PathTemplate.Match(Map.of(), List.of()) : null)
                    : PathTemplate.match(template, path);
            if (match != null && (best == null || match.compareTo(best.match()) < 0)) {
                best = new ResourceMatch(resource, match.parameters(), match);
            }
        }
        return best;
    }

    private boolean validApiKey(String value) {
        return value != null && state.read(() -> {
            for (JsonNode key : state.apiKeys()) {
                if (key.path("enabled").asBoolean() && value.equals(key.path("value").asText())) {
                    return true;
                }
            }
            return false;
        });
    }

    private SandboxResponse runRest(JsonNode doc, ResourceMatch match, JsonNode method, InboundRequest inbound,
                                    JsonNode stageVariables, StringBuilder log) {
        JsonNode integration = method.get("methodIntegration");
        if (integration == null) {
            log.append("Execution failed due to configuration error: No integration defined for method\n");
            return internalError(500);
        }
        String type = integration.path("type").asText();
        int timeout = integration.path("timeoutInMillis").asInt(29000);
        log.append("Method request path: ").append(match.parameters()).append('\n');
        switch (type) {
            case "MOCK":
                return MockIntegration.respond(integration, inbound);
            case "HTTP_PROXY":
                return httpProxy.forward(integration.path("uri").asText(), integration.path("httpMethod").asText("ANY"),
                        inbound, match.parameters(), timeout, ExecuteApiService::endpointTimedOut,
                        () -> internalError(500));
            case "AWS_PROXY", "AWS":
                break;
            default:
                log.append("Integration type ").append(type).append(" is not supported by the sandbox\n");
                return internalError(500);
        }
        String uri = integration.path("uri").asText();
        if (!uri.contains(":lambda:") && !uri.contains(":function:")) {
            log.append("Only Lambda AWS integrations are supported by the sandbox: ").append(uri).append('\n');
            return internalError(500);
        }
        boolean proxy = type.equals("AWS_PROXY");
        byte[] payload;
        if (proxy) {
            ObjectNode event = ProxyEvents.v1(inbound, match.resource().path("path").asText(),
                    match.resource().path("id").asText(), match.parameters(),
                    stageVariables.isObject() ? (ObjectNode) stageVariables : null, false, null,
                    binary(doc, inbound));
            payload = event.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            payload = inbound.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : inbound.body();
        }
        log.append("Endpoint request body after transformations: ")
                .append(new String(payload, StandardCharsets.UTF_8)).append('\n');
        Outcome outcome = invoke(LambdaTargets.functionName(uri, stageVariables), payload, timeout);
        switch (outcome.kind()) {
            case TIMED_OUT:
                log.append("Execution failed due to a timeout error\n");
                return endpointTimedOut();
            case REJECTED:
                log.append("Execution failed: the function does not exist\n");
                return internalError(500);
            case FAILED:
                log.append("Lambda execution failed with status 200 due to customer function error: ")
                        .append(outcome.result() == null ? "" : outcome.result().payloadText()).append('\n');
                return internalError(502);
            default:
                break;
        }
        log.append("Endpoint response body before transformations: ").append(outcome.result().payloadText())
                .append('\n');
        if (!proxy) {
            return new SandboxResponse(200, new LinkedHashMap<>(), outcome.result().payload())
                    .with("Content-Type", "application/json");
        }
        try {
            return ProxyResponses.v1(outcome.result().payload());
        } catch (ProxyResponses.MalformedResponse e) {
            log.append("Execution failed due to configuration error: ").append(e.getMessage()).append('\n');
            return internalError(502);
        }
    }

    /** REST APIs pass a body base64-encoded when its content type is one of the API's binary media types. */
    private static boolean binary(JsonNode doc, InboundRequest inbound) {
        String type = inbound.header("Content-Type");
        for (JsonNode media : doc.path("api").path("binaryMediaTypes")) {
            String pattern = media.asText();
            if (pattern.equals("*/*") || (type != null && (type.startsWith(pattern)
                    || (pattern.endsWith("/*") && type.startsWith(pattern.substring(0, pattern.length() - 1)))))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ObjectNode testInvoke(String restApiId, String resourceId, String httpMethod, ObjectNode body) {
        ObjectNode doc = state.read(() -> copy(state.restApis().get(restApiId)));
        if (doc == null) {
            throw ApiGatewayError.notFound("Invalid API identifier specified "
                    + dev.dynagate.sandbox.SandboxContext.ACCOUNT_ID + ":" + restApiId);
        }
        JsonNode resource = doc.path("resources").get(resourceId);
        if (resource == null) {
            throw ApiGatewayError.notFound("Invalid Resource identifier specified");
        }
        JsonNode method = resource.path("resourceMethods").get(httpMethod.toUpperCase());
        if (method == null) {
            throw ApiGatewayError.notFound("Invalid Method identifier specified");
        }
        String pathWithQuery = body.path("pathWithQueryString").asText(resource.path("path").asText());
        int q = pathWithQuery.indexOf('?');
        String path = q < 0 ? pathWithQuery : pathWithQuery.substring(0, q);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        body.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), new ArrayList<>(List.of(h.getValue().asText()))));
        body.path("multiValueHeaders").fields().forEachRemaining(h -> {
            List<String> values = new ArrayList<>();
            h.getValue().forEach(v -> values.add(v.asText()));
            headers.put(h.getKey(), values);
        });
        String requestId = UUID.randomUUID().toString();
        InboundRequest inbound = new InboundRequest(restApiId, "test-invoke-stage", httpMethod.toUpperCase(), path,
                "/test-invoke-stage" + path, q < 0 ? null : pathWithQuery.substring(q + 1), headers,
                body.path("body").asText("").getBytes(StandardCharsets.UTF_8), "test-invoke-source-ip", requestId,
                Instant.now());
        PathTemplate.Match match = resource.path("path").asText().equals("/")
                ? new PathTemplate.Match(Map.of(), List.of())
                : PathTemplate.match(resource.path("path").asText(), path);
        Map<String, String> parameters = match == null ? Map.of() : match.parameters();
        StringBuilder log = new StringBuilder("Execution log for request " + requestId + "\n");
        log.append(Instant.now()).append(" : Starting execution for request: ").append(requestId).append('\n');
        log.append("HTTP Method: ").append(inbound.method()).append(", Resource Path: ").append(path).append('\n');
        long start = System.nanoTime();
        SandboxResponse response = runRest(doc, new ResourceMatch(resource, parameters, match), method, inbound,
                body.path("stageVariables"), log);
        long latency = (System.nanoTime() - start) / 1_000_000;
        log.append(Instant.now()).append(" : Method completed with status: ").append(response.status()).append('\n');
        ObjectNode result = ApiJson.object();
        result.put("status", response.status());
        result.put("body", response.bodyText());
        ObjectNode single = result.putObject("headers");
        ObjectNode multi = result.putObject("multiValueHeaders");
        response.headers().forEach((name, values) -> {
            single.put(name, values.get(values.size() - 1));
            var array = multi.putArray(name);
            values.forEach(array::add);
        });
        result.put("log", log.toString());
        result.put("latency", latency);
        return result;
    }

    private static SandboxResponse restTag(SandboxResponse response, String requestId) {
        return response.with("x-amzn-RequestId", requestId)
                .with("x-amz-apigw-id", requestId.replace("-", "").substring(0, 16) + "=")
                .with("X-Amzn-Trace-Id", "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                        + requestId.replace("-", "").substring(0, 24));
    }

    private static SandboxResponse missingToken() {
        return restError(403, "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException");
    }

    private static SandboxResponse internalError(int status) {
        return restError(status, "{\"message\": \"Internal server error\"}", "InternalServerErrorException");
    }

    private static SandboxResponse endpointTimedOut() {
        return restError(504, "{\"message\": \"Endpoint request timed out\"}", "InternalServerErrorException");
    }

    private static SandboxResponse restError(int status, String body, String type) {
        return SandboxResponse.json(status, body).with("x-amzn-ErrorType", type);
    }

    // ---- Lambda invocation with the integration timeout

    private enum Kind { OK, FAILED, TIMED_OUT, REJECTED }

    private record Outcome(Kind kind, InvocationResult result) {
    }

    private Outcome invoke(String function, ObjectNode event, int timeoutMillis) {
        return invoke(function, event.toString().getBytes(StandardCharsets.UTF_8), timeoutMillis);
    }

    private Outcome invoke(String function, byte[] payload, int timeoutMillis) {
        CompletableFuture<InvocationResult> call;
        try {
            if (lambda.function(function).isEmpty()) {
                return new Outcome(Kind.REJECTED, null);
            }
            call = CompletableFuture.supplyAsync(() -> lambda.invoke(function, payload), invokers);
            InvocationResult result = call.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new Outcome(result.failed() ? Kind.FAILED : Kind.OK, result);
        } catch (TimeoutException e) {
            return new Outcome(Kind.TIMED_OUT, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.TIMED_OUT, null);
        } catch (ExecutionException e) {
            return new Outcome(e.getCause() instanceof FunctionNotFoundException ? Kind.REJECTED : Kind.FAILED, null);
        }
    }

    /** HTTP APIs' request ids look like {@code JKJaXmPLvHcESHA=}. */
    private static String requestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replace('+', 'A').replace('/', 'B');
    }
}
