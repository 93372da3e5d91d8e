package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import dev.dynagate.sandbox.http.SandboxService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * API Gateway v1 (REST APIs) control plane: REST APIs, the resource tree with methods, integrations and their
 * responses, deployments, stages, authorizers, API keys, tags and TestInvokeMethod, in the {@code apigateway}
 * REST-JSON shapes (camelCase fields, epoch-second dates, lists as {@code {"item": [...], "position": ...}}).
 */
public final class RestApiControlPlane implements SandboxService {
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS", "ANY");

    private final ApiGatewayState state;
    private final RestApiInvoker invoker;
    private final Router router = new Router();

    RestApiControlPlane(ApiGatewayState state, RestApiInvoker invoker) {
        this.state = state;
        this.invoker = invoker;
        String api = "/restapis/{restApiId}";
        String resource = api + "/resources/{resourceId}";
        String method = resource + "/methods/{httpMethod}";
        router.on("POST", "/restapis", (p, r) -> ApiJson.respond(201, createRestApi(ApiJson.body(r))))
                .on("GET", "/restapis", (p, r) -> ApiJson.respond(200, page(restApis(), r)))
                .on("GET", api, (p, r) -> ApiJson.respond(200, read(() -> doc(p).get("api").deepCopy())))
                .on("PATCH", api, (p, r) -> ApiJson.respond(200, patch(p, d -> (ObjectNode) d.get("api"), r,
                        Set.of("id", "createdDate", "rootResourceId"))))
                .on("DELETE", api, (p, r) -> deleted(202, () -> state.restApis().remove(id(p))))
                .on("GET", api + "/resources", (p, r) -> ApiJson.respond(200, page(resources(p, r), r)))
                .on("GET", resource, (p, r) -> ApiJson.respond(200, read(() -> view(resource(p), embedMethods(r)))))
                .on("POST", resource, (p, r) -> ApiJson.respond(201, createResource(p, ApiJson.body(r))))
                .on("DELETE", resource, (p, r) -> deleted(202, () -> deleteResource(p)))
                .on("PUT", method, (p, r) -> ApiJson.respond(201, putMethod(p, ApiJson.body(r))))
                .on("GET", method, (p, r) -> ApiJson.respond(200, read(() -> method(p).deepCopy())))
                .on("PATCH", method, (p, r) -> ApiJson.respond(200, patch(p, d -> method(p), r,
                        Set.of("httpMethod", "methodIntegration", "methodResponses"))))
                .on("DELETE", method, (p, r) -> deleted(204, () -> ((ObjectNode) resource(p).get("resourceMethods"))
                        .remove(method(p).get("httpMethod").asText())))
                .on("POST", method, (p, r) -> ApiJson.respond(200, invoker.testInvoke(p.get("restApiId"),
                        p.get("resourceId"), p.get("httpMethod"), ApiJson.body(r))))
                .on("PUT", method + "/integration", (p, r) -> ApiJson.respond(201, putIntegration(p, ApiJson.body(r))))
                .on("GET", method + "/integration", (p, r) -> ApiJson.respond(200, read(() -> integration(p).deepCopy())))
                .on("PATCH", method + "/integration", (p, r) -> ApiJson.respond(200, patch(p, d -> integration(p), r,
                        Set.of("integrationResponses"))))
                .on("DELETE", method + "/integration", (p, r) -> deleted(204, () -> method(p).remove("methodIntegration")))
                .on("PUT", method + "/responses/{statusCode}", (p, r) -> ApiJson.respond(201, putMethodResponse(p, ApiJson.body(r))))
                .on("GET", method + "/responses/{statusCode}", (p, r) -> ApiJson.respond(200, read(() ->
                        found(method(p).path("methodResponses").get(p.get("statusCode")), "Invalid Response status code specified"))))
                .on("PUT", method + "/integration/responses/{statusCode}", (p, r) -> ApiJson.respond(201, putIntegrationResponse(p, ApiJson.body(r))))
                .on("GET", method + "/integration/responses/{statusCode}", (p, r) -> ApiJson.respond(200, read(() ->
                        found(integration(p).path("integrationResponses").get(p.get("statusCode")), "Invalid Response status code specified"))))
                .on("POST", api + "/deployments", (p, r) -> ApiJson.respond(201, createDeployment(p, ApiJson.body(r))))
                .on("GET", api + "/deployments", (p, r) -> ApiJson.respond(200, page(children(p, "deployments"), r)))
                .on("GET", api + "/deployments/{deploymentId}", (p, r) -> ApiJson.respond(200, child(p, "deployments", p.get("deploymentId"), "Invalid Deployment identifier specified")))
                .on("DELETE", api + "/deployments/{deploymentId}", (p, r) -> deleted(202, () -> removeChild(p, "deployments", p.get("deploymentId"), "Invalid Deployment identifier specified")))
                .on("POST", api + "/stages", (p, r) -> ApiJson.respond(201, createStage(p, ApiJson.body(r))))
                .on("GET", api + "/stages", (p, r) -> ApiJson.respond(200, ApiJson.object().set("item", children(p, "stages"))))
                .on("GET", api + "/stages/{stageName}", (p, r) -> ApiJson.respond(200, child(p, "stages", p.get("stageName"), "Invalid Stage identifier specified")))
                .on("PATCH", api + "/stages/{stageName}", (p, r) -> ApiJson.respond(200, patch(p, d -> stage(p), r,
                        Set.of("stageName", "createdDate"))))
                .on("DELETE", api + "/stages/{stageName}", (p, r) -> deleted(202, () -> removeChild(p, "stages", p.get("stageName"), "Invalid Stage identifier specified")))
                .on("POST", api + "/authorizers", (p, r) -> ApiJson.respond(201, createAuthorizer(p, ApiJson.body(r))))
                .on("GET", api + "/authorizers", (p, r) -> ApiJson.respond(200, page(children(p, "authorizers"), r)))
                .on("GET", api + "/authorizers/{authorizerId}", (p, r) -> ApiJson.respond(200, child(p, "authorizers", p.get("authorizerId"), "Invalid Authorizer identifier specified")))
                .on("DELETE", api + "/authorizers/{authorizerId}", (p, r) -> deleted(202, () -> removeChild(p, "authorizers", p.get("authorizerId"), "Invalid Authorizer identifier specified")))
                .on("POST", "/apikeys", (p, r) -> ApiJson.respond(201, createApiKey(ApiJson.body(r))))
                .on("GET", "/apikeys", (p, r) -> ApiJson.respond(200, page(apiKeys(r), r)))
                .on("GET", "/apikeys/{apiKey}", (p, r) -> ApiJson.respond(200, apiKey(p.get("apiKey"),
                        "true".equals(Router.query(r).get("includeValue")))))
                .on("DELETE", "/apikeys/{apiKey}", (p, r) -> deleted(202, () -> {
                    apiKey(p.get("apiKey"), false);
                    return state.apiKeys().remove(p.get("apiKey"));
                }))
                .on("GET", "/tags/{arn}", (p, r) -> ApiJson.respond(200, ApiJson.object().set("tags",
                        read(() -> ApiGatewayState.child(state.tags(), p.get("arn")).deepCopy()))))
                .on("PUT", "/tags/{arn}", (p, r) -> {
                    ObjectNode body = ApiJson.body(r);
                    state.write(() -> ApiGatewayState.child(state.tags(), p.get("arn")).setAll((ObjectNode) body.path("tags")));
                    return ApiJson.respond(204, null);
                })
                .on("DELETE", "/tags/{arn}", (p, r) -> {
                    String keys = Router.query(r).getOrDefault("tagKeys", "");
                    state.write(() -> ApiGatewayState.child(state.tags(), p.get("arn")).remove(List.of(keys.split(","))));
                    return ApiJson.respond(204, null);
                });
    }

    @Override
    public boolean accepts(SandboxRequest request) {
        String path = request.path();
        return path.startsWith("/restapis") || path.startsWith("/apikeys") || path.startsWith("/tags/");
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        return router.answer(request);
    }

    // ---- REST APIs and resources

    ObjectNode createRestApi(ObjectNode body) {
        String name = require(body, "name");
        String id = Ids.next(10);
        String rootId = Ids.next(10);
        ObjectNode api = ApiJson.object();
        api.put("id", id);
        api.put("name", name);
        ApiJson.copy(body, api, "description");
        ApiJson.copy(body, api, "version");
        api.put("createdDate", epochSeconds());
        ApiJson.copy(body, api, "binaryMediaTypes");
        ApiJson.copy(body, api, "minimumCompressionSize");
        api.put("apiKeySource", ApiJson.text(body, "apiKeySource", "HEADER"));
        api.set("endpointConfiguration", body.has("endpointConfiguration") ? body.get("endpointConfiguration")
                : ApiJson.object().set("types", ApiJson.array().add("EDGE")));
        ApiJson.copy(body, api, "policy");
        api.set("tags", body.has("tags") ? body.get("tags") : ApiJson.object());
        api.put("disableExecuteApiEndpoint", body.path("disableExecuteApiEndpoint").asBoolean(false));
        api.put("rootResourceId", rootId);
        return state.write(() -> {
            ObjectNode doc = state.restApis().putObject(id);
            doc.set("api", api);
            ObjectNode root = ApiGatewayState.child(doc, "resources").putObject(rootId);
            root.put("id", rootId).put("path", "/");
            return api.deepCopy();
        });
    }

    private ArrayNode restApis() {
        return read(() -> {
            ArrayNode items = ApiJson.array();
            state.restApis().elements().forEachRemaining(doc -> items.add(doc.get("api").deepCopy()));
            return items;
        });
    }

    private ArrayNode resources(Map<String, String> params, SandboxRequest request) {
        boolean embed = embedMethods(request);
        return read(() -> {
            ArrayNode items = ApiJson.array();
            ApiGatewayState.child(doc(params), "resources").elements()
                    .forEachRemaining(r -> items.add(view((ObjectNode) r, embed)));
            return items;
        });
    }

    private static boolean embedMethods(SandboxRequest request) {
        return Router.query(request).getOrDefault("embed", "").contains("methods");
    }

    /** A resource as listed: full methods with {@code embed=methods}, otherwise only their names. */
    private static ObjectNode view(ObjectNode resource, boolean embed) {
        ObjectNode copy = resource.deepCopy();
        if (!embed && copy.get("resourceMethods") instanceof ObjectNode methods) {
            ObjectNode names = ApiJson.object();
            methods.fieldNames().forEachRemaining(name -> names.putObject(name));
            copy.set("resourceMethods", names);
        }
        return copy;
    }

    ObjectNode createResource(Map<String, String> params, ObjectNode body) {
        String pathPart = require(body, "pathPart");
        if (!pathPart.matches("[A-Za-z0-9._:@~\\-]+|\\{[A-Za-z0-9._\\-]+\\+?}")) {
            throw ApiGatewayError.badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the "
                    + "beginning and the end and an optional plus sign before the closing brace.");
        }
        return state.write(() -> {
            ObjectNode parent = resource(params);
            ObjectNode resources = ApiGatewayState.child(doc(params), "resources");
            resources.elements().forEachRemaining(r -> {
                if (parent.get("id").asText().equals(r.path("parentId").asText())
                        && pathPart.equals(r.path("pathPart").asText())) {
                    throw ApiGatewayError.conflict("Another resource with the same parent already has this name: "
                            + pathPart);
                }
            });
            String parentPath = parent.get("path").asText();
            ObjectNode resource = ApiJson.object();
            resource.put("id", Ids.next(6));
            resource.put("parentId", parent.get("id").asText());
            resource.put("pathPart", pathPart);
            resource.put("path", (parentPath.equals("/") ? "" : parentPath) + "/" + pathPart);
            resources.set(resource.get("id").asText(), resource);
            return resource.deepCopy();
        });
    }

    private Object deleteResource(Map<String, String> params) {
        ObjectNode resource = resource(params);
        if (!resource.has("parentId")) {
            throw ApiGatewayError.badRequest("Cannot delete root resource");
        }
        ObjectNode resources = ApiGatewayState.child(doc(params), "resources");
        String prefix = resource.get("path").asText() + "/";
        List<String> doomed = new java.util.ArrayList<>(List.of(resource.get("id").asText()));
        resources.elements().forEachRemaining(r -> {
            if (r.get("path").asText().startsWith(prefix)) {
                doomed.add(r.get("id").asText());
            }
        });
        return resources.remove(doomed);
    }

    // ---- methods and integrations

    ObjectNode putMethod(Map<String, String> params, ObjectNode body) {
        String httpMethod = params.get("httpMethod").toUpperCase();
        if (!HTTP_METHODS.contains(httpMethod)) {
            throw ApiGatewayError.badRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,"
                    + "PATCH,OPTIONS,HEAD,ANY");
        }
        String authorization = require(body, "authorizationType");
        return state.write(() -> {
            ObjectNode methods = ApiGatewayState.child(resource(params), "resourceMethods");
            if (methods.has(httpMethod)) {
                throw ApiGatewayError.conflict("Method already exists for this resource");
            }
            ObjectNode method = ApiJson.object();
            method.put("httpMethod", httpMethod);
            method.put("authorizationType", authorization);
            ApiJson.copy(body, method, "authorizerId");
            method.put("apiKeyRequired", body.path("apiKeyRequired").asBoolean(false));
            ApiJson.copy(body, method, "requestValidatorId");
            ApiJson.copy(body, method, "operationName");
            ApiJson.copy(body, method, "requestParameters");
            ApiJson.copy(body, method, "requestModels");
            ApiJson.copy(body, method, "authorizationScopes");
            methods.set(httpMethod, method);
            return method.deepCopy();
        });
    }

    ObjectNode putIntegration(Map<String, String> params, ObjectNode body) {
        String type = require(body, "type");
        if (!Set.of("AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY", "MOCK").contains(type)) {
            throw ApiGatewayError.badRequest("Invalid integration type specified. Valid options are HTTP,HTTP_PROXY,"
                    + "AWS,AWS_PROXY,MOCK");
        }
        if (!type.equals("MOCK") && !body.hasNonNull("uri")) {
            throw ApiGatewayError.badRequest("Enumeration value for Integration uri must be non-empty");
        }
        if (!type.equals("MOCK") && !body.hasNonNull("httpMethod")) {
            throw ApiGatewayError.badRequest("Enumeration value for HttpMethod must be non-empty");
        }
        return state.write(() -> {
            ObjectNode method = method(params);
            ObjectNode integration = ApiJson.object();
            integration.put("type", type);
            ApiJson.copy(body, integration, "httpMethod");
            ApiJson.copy(body, integration, "uri");
            integration.put("connectionType", ApiJson.text(body, "connectionType", "INTERNET"));
            ApiJson.copy(body, integration, "credentials");
            ApiJson.copy(body, integration, "requestParameters");
            ApiJson.copy(body, integration, "requestTemplates");
            integration.put("passthroughBehavior", ApiJson.text(body, "passthroughBehavior", "WHEN_NO_MATCH"));
            ApiJson.copy(body, integration, "contentHandling");
            integration.put("timeoutInMillis", body.path("timeoutInMillis").asInt(29000));
            integration.put("cacheNamespace",
                    ApiJson.text(body, "cacheNamespace", resource(params).get("id").asText()));
            integration.set("cacheKeyParameters", body.has("cacheKeyParameters") ? body.get("cacheKeyParameters")
                    : ApiJson.array());
            method.set("methodIntegration", integration);
            return integration.deepCopy();
        });
    }

    private ObjectNode putMethodResponse(Map<String, String> params, ObjectNode body) {
        return state.write(() -> {
            ObjectNode response = ApiJson.object().put("statusCode", params.get("statusCode"));
            ApiJson.copy(body, response, "responseParameters");
            ApiJson.copy(body, response, "responseModels");
            ApiGatewayState.child(method(params), "methodResponses").set(params.get("statusCode"), response);
            return response.deepCopy();
        });
    }

    private ObjectNode putIntegrationResponse(Map<String, String> params, ObjectNode body) {
        return state.write(() -> {
            ObjectNode response = ApiJson.object().put("statusCode", params.get("statusCode"));
            ApiJson.copy(body, response, "selectionPattern");
            ApiJson.copy(body, response, "responseParameters");
            ApiJson.copy(body, response, "responseTemplates");
            ApiJson.copy(body, response, "contentHandling");
            ApiGatewayState.child(integration(params), "integrationResponses").set(params.get("statusCode"), response);
            return response.deepCopy();
        });
    }

    // ---- deployments, stages, authorizers, keys

    ObjectNode createDeployment(Map<String, String> params, ObjectNode body) {
        return state.write(() -> {
            ObjectNode doc = doc(params);
            boolean anyMethod = false;
            for (JsonNode r : ApiGatewayState.child(doc, "resources")) {
                anyMethod |= r.path("resourceMethods").size() > 0;
            }
            if (!anyMethod) {
                throw ApiGatewayError.badRequest("The REST API doesn't contain any methods");
            }
            ObjectNode deployment = ApiJson.object();
            deployment.put("id", Ids.next(6));
            ApiJson.copy(body, deployment, "description");
            deployment.put("createdDate", epochSeconds());
            ApiGatewayState.child(doc, "deployments").set(deployment.get("id").asText(), deployment);
            String stageName = ApiJson.text(body, "stageName");
            if (stageName != null) {
                ObjectNode stages = ApiGatewayState.child(doc, "stages");
                if (stages.get(stageName) instanceof ObjectNode existing) {
                    existing.put("deploymentId", deployment.get("id").asText()).put("lastUpdatedDate", epochSeconds());
                } else {
                    ObjectNode stageBody = ApiJson.object().put("stageName", stageName)
                            .put("deploymentId", deployment.get("id").asText());
                    ApiJson.copy(body, stageBody, "variables");
                    if (body.hasNonNull("stageDescription")) {
                        stageBody.put("description", body.get("stageDescription").asText());
                    }
                    stages.set(stageName, newStage(stageBody));
                }
            }
            return deployment.deepCopy();
        });
    }

    ObjectNode createStage(Map<String, String> params, ObjectNode body) {
        String stageName = require(body, "stageName");
        String deploymentId = require(body, "deploymentId");
        return state.write(() -> {
            ObjectNode doc = doc(params);
            if (!ApiGatewayState.child(doc, "deployments").has(deploymentId)) {
                throw ApiGatewayError.badRequest("Invalid deployment identifier specified");
            }
            ObjectNode stages = ApiGatewayState.child(doc, "stages");
            if (stages.has(stageName)) {
                throw ApiGatewayError.conflict("Stage already exists");
            }
            ObjectNode stage = newStage(body);
            stages.set(stageName, stage);
            return stage.deepCopy();
        });
    }

    private static ObjectNode newStage(ObjectNode body) {
        ObjectNode stage = ApiJson.object();
        stage.put("deploymentId", body.get("deploymentId").asText());
        stage.put("stageName", body.get("stageName").asText());
        ApiJson.copy(body, stage, "description");
        stage.put("cacheClusterEnabled", body.path("cacheClusterEnabled").asBoolean(false));
        stage.put("cacheClusterStatus", "NOT_AVAILABLE");
        stage.set("methodSettings", ApiJson.object());
        ApiJson.copy(body, stage, "variables");
        stage.put("tracingEnabled", body.path("tracingEnabled").asBoolean(false));
        ApiJson.copy(body, stage, "tags");
        stage.put("createdDate", epochSeconds());
        stage.put("lastUpdatedDate", epochSeconds());
        return stage;
    }

    private ObjectNode createAuthorizer(Map<String, String> params, ObjectNode body) {
        String name = require(body, "name");
        String type = require(body, "type");
        return state.write(() -> {
            ObjectNode authorizer = ApiJson.object();
            authorizer.put("id", Ids.next(6));
            authorizer.put("name", name);
            authorizer.put("type", type);
            for (String field : List.of("providerARNs", "authType", "authorizerUri", "authorizerCredentials",
                    "identitySource", "identityValidationExpression", "authorizerResultTtlInSeconds")) {
                ApiJson.copy(body, authorizer, field);
            }
            ApiGatewayState.child(doc(params), "authorizers").set(authorizer.get("id").asText(), authorizer);
            return authorizer.deepCopy();
        });
    }

    ObjectNode createApiKey(ObjectNode body) {
        ObjectNode key = ApiJson.object();
        key.put("id", Ids.next(10));
        key.put("value", ApiJson.text(body, "value", Ids.next(40)));
        ApiJson.copy(body, key, "name");
        ApiJson.copy(body, key, "customerId");
        ApiJson.copy(body, key, "description");
        key.put("enabled", body.path("enabled").asBoolean(false));
        key.put("createdDate", epochSeconds());
        key.put("lastUpdatedDate", epochSeconds());
        key.set("stageKeys", body.has("stageKeys") ? body.get("stageKeys") : ApiJson.array());
        ApiJson.copy(body, key, "tags");
        return state.write(() -> {
            state.apiKeys().set(key.get("id").asText(), key);
            return key.deepCopy();
        });
    }

    private ArrayNode apiKeys(SandboxRequest request) {
        Map<String, String> query = Router.query(request);
        boolean values = "true".equals(query.get("includeValues"));
        String nameQuery = query.get("name");
        return read(() -> {
            ArrayNode items = ApiJson.array();
            state.apiKeys().elements().forEachRemaining(k -> {
                if (nameQuery == null || k.path("name").asText().startsWith(nameQuery)) {
                    ObjectNode copy = k.deepCopy();
                    if (!values) {
                        copy.remove("value");
                    }
                    items.add(copy);
                }
            });
            return items;
        });
    }

    private ObjectNode apiKey(String id, boolean includeValue) {
        return read(() -> {
            JsonNode key = state.apiKeys().get(id);
            if (key == null) {
                throw ApiGatewayError.notFound("Invalid API Key identifier specified");
            }
            ObjectNode copy = key.deepCopy();
            if (!includeValue) {
                copy.remove("value");
            }
            return copy;
        });
    }

    // ---- lookups (callers hold the state lock)

    private ObjectNode doc(Map<String, String> params) {
        JsonNode doc = state.restApis().get(id(params));
        if (doc == null) {
            throw ApiGatewayError.notFound("Invalid API identifier specified " + SandboxContext.ACCOUNT_ID + ":"
                    + id(params));
        }
        return (ObjectNode) doc;
    }

    private static String id(Map<String, String> params) {
        return params.get("restApiId");
    }

    private ObjectNode resource(Map<String, String> params) {
        JsonNode resource = ApiGatewayState.child(doc(params), "resources").get(params.get("resourceId"));
        if (resource == null) {
            throw ApiGatewayError.notFound("Invalid Resource identifier specified");
        }
        return (ObjectNode) resource;
    }

    private ObjectNode method(Map<String, String> params) {
        JsonNode method = resource(params).path("resourceMethods").get(params.get("httpMethod").toUpperCase());
        if (method == null) {
            throw ApiGatewayError.notFound("Invalid Method identifier specified");
        }
        return (ObjectNode) method;
    }

    private ObjectNode integration(Map<String, String> params) {
        JsonNode integration = method(params).get("methodIntegration");
        if (integration == null) {
            throw ApiGatewayError.notFound("No integration defined for method");
        }
        return (ObjectNode) integration;
    }

    private ObjectNode stage(Map<String, String> params) {
        JsonNode stage = ApiGatewayState.child(doc(params), "stages").get(params.get("stageName"));
        if (stage == null) {
            throw ApiGatewayError.notFound("Invalid Stage identifier specified");
        }
        return (ObjectNode) stage;
    }

    private ArrayNode children(Map<String, String> params, String section) {
        return read(() -> {
            ArrayNode items = ApiJson.array();
            ApiGatewayState.child(doc(params), section).elements().forEachRemaining(n -> items.add(n.deepCopy()));
            return items;
        });
    }

    private ObjectNode child(Map<String, String> params, String section, String id, String missing) {
        return read(() -> ((ObjectNode) found(ApiGatewayState.child(doc(params), section).get(id), missing)).deepCopy());
    }

    private Object removeChild(Map<String, String> params, String section, String id, String missing) {
        found(ApiGatewayState.child(doc(params), section).get(id), missing);
        return ApiGatewayState.child(doc(params), section).remove(id);
    }

    private static JsonNode found(JsonNode node, String missing) {
        if (node == null || node.isMissingNode()) {
            throw ApiGatewayError.notFound(missing);
        }
        return node;
    }

    private ObjectNode patch(Map<String, String> params, java.util.function.Function<ObjectNode, ObjectNode> target,
                             SandboxRequest request, Set<String> readOnly) {
        ObjectNode body = ApiJson.body(request);
        return state.write(() -> {
            ObjectNode node = target.apply(doc(params));
            PatchOperations.apply(node, body, readOnly);
            if (node.has("lastUpdatedDate")) {
                node.put("lastUpdatedDate", epochSeconds());
            }
            return node.deepCopy();
        });
    }

    private SandboxResponse deleted(int status, Supplier<Object> action) {
        state.write(action);
        return ApiJson.respond(status, null);
    }

    private <T> T read(Supplier<T> action) {
        return state.read(action);
    }

    /** {@code {"item": [...], "position": ...}} with {@code limit} per page (default 25, as API Gateway). */
    static ObjectNode page(ArrayNode all, SandboxRequest request) {
        Map<String, String> query = Router.query(request);
        int start = query.containsKey("position") ? parse(query.get("position")) : 0;
        int size = query.containsKey("limit") ? Math.max(1, parse(query.get("limit"))) : 25;
        ArrayNode items = ApiJson.array();
        for (int i = start; i < Math.min(all.size(), start + size); i++) {
            items.add(all.get(i));
        }
        ObjectNode page = ApiJson.object();
        page.set("item", items);
        if (start + size < all.size()) {
            page.put("position", Integer.toString(start + size));
        }
        return page;
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiGatewayError.badRequest("Invalid position or limit " + value);
        }
    }

    private static long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private static String require(ObjectNode body, String field) {
        String value = ApiJson.text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiGatewayError.badRequest("Invalid " + field + " specified: it must be non-empty");
        }
        return value;
    }

}
