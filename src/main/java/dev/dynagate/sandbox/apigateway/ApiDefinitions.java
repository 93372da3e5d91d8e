package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates API definitions in-process (demo seeding, SAM templates) through the same control-plane operations the
 * SDK calls reach, so what is created looks exactly as if a client had created it.
 */
public final class ApiDefinitions {
    private final ApiGatewayState state;
    private final HttpApiControlPlane httpApis;
    private final RestApiControlPlane restApis;

    ApiDefinitions(ApiGatewayState state, HttpApiControlPlane httpApis, RestApiControlPlane restApis) {
        this.state = state;
        this.httpApis = httpApis;
        this.restApis = restApis;
    }

    // ---- HTTP APIs

    public Optional<String> httpApiNamed(String name) {
        return state.read(() -> findByName(state.httpApis(), name, "apiId"));
    }

    public String createHttpApi(String name) {
        return httpApis.createApi(ApiJson.object().put("name", name).put("protocolType", "HTTP"))
                .get("apiId").asText();
    }

    /** A route to a Lambda function (an existing route with that key is kept) through its own AWS_PROXY integration; returns the route id. */
    public String addLambdaRoute(String apiId, String routeKey, String functionName, String payloadFormatVersion) {
        Optional<String> existing = state.read(() -> {
            for (JsonNode route : state.httpApis().path(apiId).path("routes")) {
                if (routeKey.equals(route.path("routeKey").asText())) {
                    return Optional.of(route.path("routeId").asText());
                }
            }
            return Optional.<String>empty();
        });
        if (existing.isPresent()) {
            return existing.get();
        }
        String integrationId = httpApis.createIntegration(apiId, ApiJson.object()
                .put("integrationType", "AWS_PROXY")
                .put("integrationUri", FunctionDefinition.arn(functionName))
                .put("payloadFormatVersion", payloadFormatVersion)).get("integrationId").asText();
        return httpApis.createRoute(apiId, ApiJson.object().put("routeKey", routeKey)
                .put("target", "integrations/" + integrationId)).get("routeId").asText();
    }

    public void addStage(String apiId, String stageName, boolean autoDeploy) {
        if (state.read(() -> state.httpApis().path(apiId).path("stages").has(stageName))) {
            return;
        }
        httpApis.createStage(apiId, ApiJson.object().put("stageName", stageName).put("autoDeploy", autoDeploy));
    }

    // ---- REST APIs

    public Optional<String> restApiNamed(String name) {
        return state.read(() -> findByName(state.restApis(), name, "id"));
    }

    public String createRestApi(String name) {
        return restApis.createRestApi(ApiJson.object().put("name", name)).get("id").asText();
    }

    /** The resource for a path such as {@code /experiments/{id}}, creating missing segments. */
    public String resource(String restApiId, String path) {
        Map<String, String> byPath = state.read(() -> {
            Map<String, String> ids = new HashMap<>();
            for (JsonNode r : state.restApis().path(restApiId).path("resources")) {
                ids.put(r.path("path").asText(), r.path("id").asText());
            }
            return ids;
        });
        String current = "/";
        String id = byPath.get("/");
        for (String part : PathTemplate.segments(path)) {
            String next = (current.equals("/") ? "" : current) + "/" + part;
            String existing = byPath.get(next);
            if (existing == null) {
                existing = restApis.createResource(Map.of("restApiId", restApiId, "resourceId", id),
                        ApiJson.object().put("pathPart", part)).get("id").asText();
                byPath.put(next, existing);
            }
            id = existing;
            current = next;
        }
        return id;
    }

    /** A method with an AWS_PROXY integration to the function. */
    public void addLambdaMethod(String restApiId, String resourceId, String httpMethod, String functionName) {
        Map<String, String> params = Map.of("restApiId", restApiId, "resourceId", resourceId, "httpMethod", httpMethod);
        if (state.read(() -> state.restApis().path(restApiId).path("resources").path(resourceId)
                .path("resourceMethods").has(httpMethod))) {
            return;
        }
        restApis.putMethod(params, ApiJson.object().put("authorizationType", "NONE"));
        restApis.putIntegration(params, ApiJson.object().put("type", "AWS_PROXY").put("httpMethod", "POST")
                .put("uri", LambdaTargets.invokeArn(FunctionDefinition.arn(functionName))));
    }

    public void deploy(String restApiId, String stageName) {
        restApis.createDeployment(Map.of("restApiId", restApiId), ApiJson.object().put("stageName", stageName));
    }

    private static Optional<String> findByName(ObjectNode section, String name, String idField) {
        for (JsonNode doc : section) {
            if (name.equals(doc.path("api").path("name").asText())) {
                return Optional.of(doc.path("api").path(idField).asText());
            }
        }
        return Optional.empty();
    }
}
