package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import dev.dynagate.sandbox.http.SandboxService;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API Gateway v2 (HTTP APIs) control plane under {@code /v2}: APIs (with quick create), routes, integrations,
 * stages, deployments, JWT/Lambda authorizers and tags, in the REST-JSON shapes of the {@code apigatewayv2} API.
 */
public final class HttpApiControlPlane implements SandboxService {
    private static final Pattern ROUTE_KEY = Pattern.compile(
            "^(\\$default|(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY) /[^ ]*)$");
    private static final Set<String> INTEGRATION_TYPES = Set.of("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK");

    private final ApiGatewayState state;
    private final URI endpoint;
    private final Router router = new Router();

    HttpApiControlPlane(ApiGatewayState state, URI endpoint) {
        this.state = state;
        this.endpoint = endpoint;
        router.on("POST", "/v2/apis", (p, r) -> ApiJson.respond(201, createApi(ApiJson.body(r))))
                .on("GET", "/v2/apis", (p, r) -> ApiJson.respond(200, page(apis(), r)))
                .on("GET", "/v2/apis/{apiId}", (p, r) -> ApiJson.respond(200, read(() -> api(p).get("api"))))
                .on("PATCH", "/v2/apis/{apiId}", (p, r) -> ApiJson.respond(200, updateApi(p, ApiJson.body(r))))
                .on("DELETE", "/v2/apis/{apiId}", (p, r) -> deleteApi(p))
                .on("POST", "/v2/apis/{apiId}/routes", (p, r) -> ApiJson.respond(201, createRoute(p.get("apiId"), ApiJson.body(r))))
                .on("GET", "/v2/apis/{apiId}/routes", (p, r) -> ApiJson.respond(200, page(children(p, "routes"), r)))
                .on("GET", "/v2/apis/{apiId}/routes/{routeId}", (p, r) -> ApiJson.respond(200, child(p, "routes", p.get("routeId"))))
                .on("PATCH", "/v2/apis/{apiId}/routes/{routeId}", (p, r) -> ApiJson.respond(200, update(p, "routes", p.get("routeId"), ApiJson.body(r))))
                .on("DELETE", "/v2/apis/{apiId}/routes/{routeId}", (p, r) -> delete(p, "routes", p.get("routeId")))
                .on("POST", "/v2/apis/{apiId}/integrations", (p, r) -> ApiJson.respond(201, createIntegration(p.get("apiId"), ApiJson.body(r))))
                .on("GET", "/v2/apis/{apiId}/integrations", (p, r) -> ApiJson.respond(200, page(children(p, "integrations"), r)))
                .on("GET", "/v2/apis/{apiId}/integrations/{integrationId}", (p, r) -> ApiJson.respond(200, child(p, "integrations", p.get("integrationId"))))
                .on("PATCH", "/v2/apis/{apiId}/integrations/{integrationId}", (p, r) -> ApiJson.respond(200, update(p, "integrations", p.get("integrationId"), ApiJson.body(r))))
                .on("DELETE", "/v2/apis/{apiId}/integrations/{integrationId}", (p, r) -> delete(p, "integrations", p.get("integrationId")))
                .on("POST", "/v2/apis/{apiId}/stages", (p, r) -> ApiJson.respond(201, createStage(p.get("apiId"), ApiJson.body(r))))
                .on("GET", "/v2/apis/{apiId}/stages", (p, r) -> ApiJson.respond(200, page(children(p, "stages"), r)))
                .on("GET", "/v2/apis/{apiId}/stages/{stageName}", (p, r) -> ApiJson.respond(200, child(p, "stages", p.get("stageName"))))
                .on("PATCH", "/v2/apis/{apiId}/stages/{stageName}", (p, r) -> ApiJson.respond(200, update(p, "stages", p.get("stageName"), ApiJson.body(r))))
                .on("DELETE", "/v2/apis/{apiId}/stages/{stageName}", (p, r) -> delete(p, "stages", p.get("stageName")))
                .on("POST", "/v2/apis/{apiId}/deployments", (p, r) -> ApiJson.respond(201, createDeployment(p.get("apiId"), ApiJson.body(r), false)))
                .on("GET", "/v2/apis/{apiId}/deployments", (p, r) -> ApiJson.respond(200, page(children(p, "deployments"), r)))
                .on("GET", "/v2/apis/{apiId}/deployments/{deploymentId}", (p, r) -> ApiJson.respond(200, child(p, "deployments", p.get("deploymentId"))))
                .on("DELETE", "/v2/apis/{apiId}/deployments/{deploymentId}", (p, r) -> delete(p, "deployments", p.get("deploymentId")))
                .on("POST", "/v2/apis/{apiId}/authorizers", (p, r) -> ApiJson.respond(201, createAuthorizer(p.get("apiId"), ApiJson.body(r))))
                .on("GET", "/v2/apis/{apiId}/authorizers", (p, r) -> ApiJson.respond(200, page(children(p, "authorizers"), r)))
                .on("GET", "/v2/apis/{apiId}/authorizers/{authorizerId}", (p, r) -> ApiJson.respond(200, child(p, "authorizers", p.get("authorizerId"))))
                .on("PATCH", "/v2/apis/{apiId}/authorizers/{authorizerId}", (p, r) -> ApiJson.respond(200, update(p, "authorizers", p.get("authorizerId"), ApiJson.body(r))))
                .on("DELETE", "/v2/apis/{apiId}/authorizers/{authorizerId}", (p, r) -> delete(p, "authorizers", p.get("authorizerId")))
                .on("GET", "/v2/tags/{arn}", (p, r) -> ApiJson.respond(200, ApiJson.object().set("tags", tags(p.get("arn")))))
                .on("POST", "/v2/tags/{arn}", (p, r) -> tag(p.get("arn"), ApiJson.body(r)))
                .on("DELETE", "/v2/tags/{arn}", (p, r) -> untag(p.get("arn"), r));
    }

    @Override
    public boolean accepts(SandboxRequest request) {
        return request.path().startsWith("/v2/apis") || request.path().startsWith("/v2/tags/");
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        return router.answer(request);
    }

    // ---- APIs

    /** CreateApi, including quick create: a {@code target} makes the integration, route and $default stage too. */
    ObjectNode createApi(ObjectNode body) {
        String name = require(body, "name");
        String protocol = require(body, "protocolType");
        if (!protocol.equals("HTTP") && !protocol.equals("WEBSOCKET")) {
            throw ApiGatewayError.badRequest("Invalid protocol type " + protocol + ". Valid values are HTTP, WEBSOCKET");
        }
        if (protocol.equals("WEBSOCKET") && !body.hasNonNull("routeSelectionExpression")) {
            throw ApiGatewayError.badRequest("Route selection expression must be provided for WEBSOCKET APIs");
        }
        String apiId = Ids.next(10);
        ObjectNode api = ApiJson.object();
        api.put("apiEndpoint", endpoint + "/_aws/execute-api/" + apiId);
        api.put("apiId", apiId);
        api.put("apiKeySelectionExpression",
                ApiJson.text(body, "apiKeySelectionExpression", "$request.header.x-api-key"));
        if (body.has("corsConfiguration")) {
            api.set("corsConfiguration", body.get("corsConfiguration"));
        }
        api.put("createdDate", now());
        ApiJson.copy(body, api, "description");
        api.put("disableExecuteApiEndpoint", body.path("disableExecuteApiEndpoint").asBoolean(false));
        api.put("name", name);
        api.put("protocolType", protocol);
        api.put("routeSelectionExpression",
                ApiJson.text(body, "routeSelectionExpression", "$request.method $request.path"));
        api.set("tags", body.has("tags") ? body.get("tags") : ApiJson.object());
        ApiJson.copy(body, api, "version");
        return state.write(() -> {
            ObjectNode doc = state.httpApis().putObject(apiId);
            doc.set("api", api);
            if (body.hasNonNull("target")) {
                quickCreate(apiId, body);
            }
            return api.deepCopy();
        });
    }

    private void quickCreate(String apiId, ObjectNode body) {
        String target = body.get("target").asText();
        ObjectNode integration = ApiJson.object()
                .put("integrationType", target.startsWith("http") ? "HTTP_PROXY" : "AWS_PROXY")
                .put("integrationUri", target)
                .put("payloadFormatVersion", "2.0");
        if (target.startsWith("http")) {
            integration.put("integrationMethod", "ANY").put("payloadFormatVersion", "1.0");
        }
        ObjectNode created = createIntegration(apiId, integration);
        created.put("apiGatewayManaged", true);
        ObjectNode route = createRoute(apiId, ApiJson.object()
                .put("routeKey", ApiJson.text(body, "routeKey", "$default"))
                .put("target", "integrations/" + created.get("integrationId").asText()));
        route.put("apiGatewayManaged", true);
        ObjectNode stage = createStage(apiId, ApiJson.object().put("stageName", "$default").put("autoDeploy", true));
        stage.put("apiGatewayManaged", true);
    }

    private ArrayNode apis() {
        return read(() -> {
            ArrayNode items = ApiJson.array();
            state.httpApis().elements().forEachRemaining(doc -> items.add(doc.get("api").deepCopy()));
            return items;
        });
    }

    private ObjectNode updateApi(Map<String, String> params, ObjectNode body) {
        return state.write(() -> {
            ObjectNode api = (ObjectNode) api(params).get("api");
            for (String field : List.of("name", "description", "version", "routeSelectionExpression",
                    "apiKeySelectionExpression", "disableExecuteApiEndpoint", "corsConfiguration")) {
                if (body.has(field)) {
                    api.set(field, body.get(field));
                }
            }
            return api.deepCopy();
        });
    }

    private SandboxResponse deleteApi(Map<String, String> params) {
        state.write(() -> {
            api(params);
            return state.httpApis().remove(params.get("apiId"));
        });
        return ApiJson.respond(204, null);
    }

    // ---- routes, integrations, stages, deployments, authorizers

    ObjectNode createRoute(String apiId, ObjectNode body) {
        String routeKey = require(body, "routeKey");
        return state.write(() -> {
            ObjectNode doc = api(apiId);
            if (doc.get("api").get("protocolType").asText().equals("HTTP") && !ROUTE_KEY.matcher(routeKey).matches()) {
                throw ApiGatewayError.badRequest("Unable to create route " + routeKey
                        + ". Route keys for HTTP APIs must be $default or have the form 'METHOD /path'.");
            }
            ObjectNode routes = ApiGatewayState.child(doc, "routes");
            routes.elements().forEachRemaining(existing -> {
                if (existing.get("routeKey").asText().equals(routeKey)) {
                    throw ApiGatewayError.conflict("Unable to create route " + routeKey
                            + ". The route already exists for this API.");
                }
            });
            checkTarget(doc, body);
            ObjectNode route = ApiJson.object();
            route.put("apiKeyRequired", body.path("apiKeyRequired").asBoolean(false));
            ApiJson.copy(body, route, "authorizationScopes");
            route.put("authorizationType", ApiJson.text(body, "authorizationType", "NONE"));
            ApiJson.copy(body, route, "authorizerId");
            ApiJson.copy(body, route, "operationName");
            ApiJson.copy(body, route, "requestParameters");
            route.put("routeId", Ids.next(7));
            route.put("routeKey", routeKey);
            ApiJson.copy(body, route, "target");
            routes.set(route.get("routeId").asText(), route);
            autoDeploy(doc);
            return route.deepCopy();
        });
    }

    ObjectNode createIntegration(String apiId, ObjectNode body) {
        String type = require(body, "integrationType");
        if (!INTEGRATION_TYPES.contains(type)) {
            throw ApiGatewayError.badRequest("Invalid integration type " + type);
        }
        return state.write(() -> {
            ObjectNode doc = api(apiId);
            boolean lambda = type.equals("AWS_PROXY");
            if ((lambda || type.startsWith("HTTP")) && !body.hasNonNull("integrationUri")) {
                throw ApiGatewayError.badRequest("Integration URI must be specified for integration type " + type);
            }
            ObjectNode integration = ApiJson.object();
            integration.put("connectionType", ApiJson.text(body, "connectionType", "INTERNET"));
            ApiJson.copy(body, integration, "description");
            integration.put("integrationId", Ids.next(7));
            integration.put("integrationMethod", ApiJson.text(body, "integrationMethod", lambda ? "POST" : "ANY"));
            integration.put("integrationType", type);
            ApiJson.copy(body, integration, "integrationUri");
            integration.put("payloadFormatVersion", ApiJson.text(body, "payloadFormatVersion", lambda ? "2.0" : "1.0"));
            ApiJson.copy(body, integration, "requestParameters");
            integration.put("timeoutInMillis", body.path("timeoutInMillis").asInt(30000));
            ApiGatewayState.child(doc, "integrations").set(integration.get("integrationId").asText(), integration);
            autoDeploy(doc);
            return integration.deepCopy();
        });
    }

    ObjectNode createStage(String apiId, ObjectNode body) {
        String stageName = require(body, "stageName");
        return state.write(() -> {
            ObjectNode doc = api(apiId);
            ObjectNode stages = ApiGatewayState.child(doc, "stages");
            if (stages.has(stageName)) {
                throw ApiGatewayError.conflict("Stage " + stageName + " already exists");
            }
            ObjectNode stage = ApiJson.object();
            stage.put("autoDeploy", body.path("autoDeploy").asBoolean(false));
            stage.put("createdDate", now());
            stage.set("defaultRouteSettings", body.has("defaultRouteSettings") ? body.get("defaultRouteSettings")
                    : ApiJson.object().put("detailedMetricsEnabled", false));
            ApiJson.copy(body, stage, "deploymentId");
            ApiJson.copy(body, stage, "description");
            stage.put("lastUpdatedDate", now());
            stage.set("routeSettings", body.has("routeSettings") ? body.get("routeSettings") : ApiJson.object());
            stage.put("stageName", stageName);
            stage.set("stageVariables", body.has("stageVariables") ? body.get("stageVariables") : ApiJson.object());
            stage.set("tags", body.has("tags") ? body.get("tags") : ApiJson.object());
            stages.set(stageName, stage);
            if (stage.get("autoDeploy").asBoolean()) {
                autoDeploy(doc);
            }
            return stage.deepCopy();
        });
    }

    private ObjectNode createDeployment(String apiId, ObjectNode body, boolean automatic) {
        return state.write(() -> deploy(api(apiId), ApiJson.text(body, "stageName", null),
                ApiJson.text(body, "description", null), automatic));
    }

    private ObjectNode deploy(ObjectNode doc, String stageName, String description, boolean automatic) {
        ObjectNode stages = ApiGatewayState.child(doc, "stages");
        if (stageName != null && !stages.has(stageName)) {
            throw ApiGatewayError.badRequest("Invalid stage identifier specified");
        }
        ObjectNode deployment = ApiJson.object();
        deployment.put("autoDeployed", automatic);
        deployment.put("createdDate", now());
        deployment.put("deploymentId", Ids.next(6));
        deployment.put("deploymentStatus", "DEPLOYED");
        if (description != null) {
            deployment.put("description", description);
        }
        ApiGatewayState.child(doc, "deployments").set(deployment.get("deploymentId").asText(), deployment);
        if (stageName != null) {
            ((ObjectNode) stages.get(stageName)).put("deploymentId", deployment.get("deploymentId").asText())
                    .put("lastUpdatedDate", now());
        }
        return deployment.deepCopy();
    }

    /** Stages with autoDeploy get a new deployment on every change, as API Gateway does. */
    private void autoDeploy(ObjectNode doc) {
        List<String> auto = new ArrayList<>();
        ApiGatewayState.child(doc, "stages").fields().forEachRemaining(e -> {
            if (e.getValue().path("autoDeploy").asBoolean()) {
                auto.add(e.getKey());
            }
        });
        auto.forEach(stage -> deploy(doc, stage, null, true));
    }

    private ObjectNode createAuthorizer(String apiId, ObjectNode body) {
        String name = require(body, "name");
        String type = require(body, "authorizerType");
        if (type.equals("JWT") && !body.has("jwtConfiguration")) {
            throw ApiGatewayError.badRequest("JwtConfiguration must be provided for JWT authorizers");
        }
        return state.write(() -> {
            ObjectNode doc = api(apiId);
            ObjectNode authorizer = ApiJson.object();
            authorizer.put("authorizerId", Ids.next(6));
            ApiJson.copy(body, authorizer, "authorizerCredentialsArn");
            ApiJson.copy(body, authorizer, "authorizerPayloadFormatVersion");
            ApiJson.copy(body, authorizer, "authorizerResultTtlInSeconds");
            authorizer.put("authorizerType", type);
            ApiJson.copy(body, authorizer, "authorizerUri");
            ApiJson.copy(body, authorizer, "enableSimpleResponses");
            authorizer.set("identitySource", body.has("identitySource") ? body.get("identitySource") : ApiJson.array());
            ApiJson.copy(body, authorizer, "jwtConfiguration");
            authorizer.put("name", name);
            ApiGatewayState.child(doc, "authorizers").set(authorizer.get("authorizerId").asText(), authorizer);
            return authorizer.deepCopy();
        });
    }

    private ArrayNode children(Map<String, String> params, String section) {
        return read(() -> {
            ArrayNode items = ApiJson.array();
            ApiGatewayState.child(api(params), section).elements().forEachRemaining(n -> items.add(n.deepCopy()));
            return items;
        });
    }

    private ObjectNode child(Map<String, String> params, String section, String id) {
        return read(() -> find(api(params), section, id).deepCopy());
    }

    private ObjectNode update(Map<String, String> params, String section, String id, ObjectNode body) {
        return state.write(() -> {
            ObjectNode doc = api(params);
            ObjectNode target = find(doc, section, id);
            if (section.equals("routes") && body.has("routeKey")
                    && !ROUTE_KEY.matcher(body.get("routeKey").asText()).matches()) {
                throw ApiGatewayError.badRequest("Invalid route key " + body.get("routeKey").asText());
            }
            Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().endsWith("Id") && !field.getKey().equals("stageName")) {
                    target.set(field.getKey(), field.getValue());
                }
            }
            if (section.equals("stages")) {
                target.put("lastUpdatedDate", now());
            }
            if (!section.equals("stages")) {
                autoDeploy(doc);
            }
            return target.deepCopy();
        });
    }

    private SandboxResponse delete(Map<String, String> params, String section, String id) {
        state.write(() -> {
            ObjectNode doc = api(params);
            find(doc, section, id);
            return ApiGatewayState.child(doc, section).remove(id);
        });
        return ApiJson.respond(204, null);
    }

    // ---- tags

    private ObjectNode tags(String arn) {
        return read(() -> ApiGatewayState.child(state.tags(), arn).deepCopy());
    }

    private SandboxResponse tag(String arn, ObjectNode body) {
        state.write(() -> ApiGatewayState.child(state.tags(), arn).setAll((ObjectNode) body.path("tags")));
        return ApiJson.respond(201, ApiJson.object());
    }

    private SandboxResponse untag(String arn, SandboxRequest request) {
        String keys = Router.query(request).getOrDefault("tagKeys", "");
        state.write(() -> ApiGatewayState.child(state.tags(), arn).remove(List.of(keys.split(","))));
        return ApiJson.respond(204, null);
    }

    // ---- helpers

    /** {@code {"items": [...], "nextToken": ...}} with {@code maxResults} per page; the token is the next offset. */
    static ObjectNode page(ArrayNode all, SandboxRequest request) {
        Map<String, String> query = Router.query(request);
        int start = parseInt(query.get("nextToken"), 0);
        int size = Math.max(1, parseInt(query.get("maxResults"), 100));
        ArrayNode items = ApiJson.array();
        for (int i = start; i < Math.min(all.size(), start + size); i++) {
            items.add(all.get(i));
        }
        ObjectNode page = ApiJson.object();
        page.set("items", items);
        if (start + size < all.size()) {
            page.put("nextToken", Integer.toString(start + size));
        }
        return page;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiGatewayError.badRequest("Invalid pagination token " + value);
        }
    }

    private <T> T read(java.util.function.Supplier<T> action) {
        return state.read(action);
    }

    private ObjectNode api(Map<String, String> params) {
        return api(params.get("apiId"));
    }

    private ObjectNode api(String apiId) {
        JsonNode doc = state.httpApis().get(apiId);
        if (doc == null) {
            throw ApiGatewayError.notFound("Invalid API identifier specified " + SandboxContext.ACCOUNT_ID + ":" + apiId);
        }
        return (ObjectNode) doc;
    }

    private static ObjectNode find(ObjectNode doc, String section, String id) {
        JsonNode node = ApiGatewayState.child(doc, section).get(id);
        if (node == null) {
            String kind = switch (section) {
                case "routes" -> "Route";
                case "integrations" -> "Integration";
                case "stages" -> "Stage";
                case "deployments" -> "Deployment";
                default -> "Authorizer";
            };
            throw ApiGatewayError.notFound("Invalid " + kind + " identifier specified " + id);
        }
        return (ObjectNode) node;
    }

    private void checkTarget(ObjectNode doc, ObjectNode body) {
        String target = ApiJson.text(body, "target", null);
        if (target == null) {
            return;
        }
        String integrationId = target.startsWith("integrations/") ? target.substring("integrations/".length()) : "";
        if (!ApiGatewayState.child(doc, "integrations").has(integrationId)) {
            throw ApiGatewayError.badRequest("Invalid target " + target
                    + ". Targets must be of the form integrations/{integrationId} for an existing integration.");
        }
    }

    private static String require(ObjectNode body, String field) {
        String value = ApiJson.text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiGatewayError.badRequest(field.substring(0, 1).toUpperCase() + field.substring(1)
                    + " must be specified");
        }
        return value;
    }


    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
