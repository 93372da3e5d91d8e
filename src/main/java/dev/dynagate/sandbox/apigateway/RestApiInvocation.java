package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Requests to REST APIs: the stage, the resource tree (literal over {@code {param}} over {@code {proxy+}}), the
 * method (or ANY), API keys, then the integration (Lambda proxy with the 1.0 event, Lambda non-proxy, HTTP proxy,
 * mock), with REST's error answers and correlation headers. Also runs TestInvokeMethod.
 */
final class RestApiInvocation implements RestApiInvoker {
    private final ApiGatewayState state;
    private final IntegrationInvoker invoker;
    private final HttpProxy httpProxy;

    RestApiInvocation(ApiGatewayState state, IntegrationInvoker invoker, HttpProxy httpProxy) {
        this.state = state;
        this.invoker = invoker;
        this.httpProxy = httpProxy;
    }

    SandboxResponse serve(ObjectNode doc, String apiId, String below, SandboxRequest request) {
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
                        inbound, match.parameters(), timeout, RestApiInvocation::endpointTimedOut,
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
        IntegrationInvoker.Outcome outcome = invoker.invoke(LambdaTargets.functionName(uri, stageVariables), payload, timeout);
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

    private static ObjectNode copy(JsonNode node) {
        return node == null ? null : (ObjectNode) node.deepCopy();
    }
}
