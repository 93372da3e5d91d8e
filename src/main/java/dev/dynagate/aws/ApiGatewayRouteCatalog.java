package dev.dynagate.aws;

import dev.dynagate.apis.ApiDetail;
import dev.dynagate.apis.ApiKey;
import dev.dynagate.apis.ApiKind;
import dev.dynagate.apis.ApiSummary;
import dev.dynagate.apis.Authorizer;
import dev.dynagate.apis.Integration;
import dev.dynagate.apis.IntegrationTargets;
import dev.dynagate.apis.Route;
import dev.dynagate.apis.RouteCatalog;
import dev.dynagate.apis.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetApiKeysResponse;
import software.amazon.awssdk.services.apigateway.model.GetResourcesResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlanKeysResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlansResponse;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizerResponse;
import software.amazon.awssdk.services.apigatewayv2.model.JWTConfiguration;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizersResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationsResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetRoutesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetStagesResponse;

/**
 * Routes from both API Gateway control planes: REST APIs (v1: resources with embedded methods, stages,
 * authorizers, keys through usage plans) and HTTP/WebSocket APIs (v2: routes joined to their integrations). Every
 * list is read to its last page; an interrupted thread stops between pages.
 */
public final class ApiGatewayRouteCatalog implements RouteCatalog {
    private final ApiGatewayClient v1;
    private final ApiGatewayV2Client v2;

    public ApiGatewayRouteCatalog(ApiGatewayClient v1, ApiGatewayV2Client v2) {
        this.v1 = v1;
        this.v2 = v2;
    }

    @Override
    public List<ApiSummary> listApis() {
        List<ApiSummary> apis = new ArrayList<>();
        String position = null;
        do {
            checkInterrupted();
            String page = position;
            GetRestApisResponse response = v1.getRestApis(r -> r.position(page).limit(500));
            response.items().forEach(a -> apis.add(new ApiSummary(a.id(), a.name(), ApiKind.REST, null, a.description())));
            position = response.position();
        } while (position != null && !position.isEmpty());
        String token = null;
        do {
            checkInterrupted();
            String page = token;
            GetApisResponse response = v2.getApis(r -> r.nextToken(page).maxResults("500"));
            response.items().forEach(a -> apis.add(new ApiSummary(a.apiId(), a.name(),
                    "WEBSOCKET".equals(a.protocolTypeAsString()) ? ApiKind.WEBSOCKET : ApiKind.HTTP,
                    a.apiEndpoint(), a.description())));
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return apis;
    }

    @Override
    public ApiDetail describe(ApiSummary api) {
        return api.kind() == ApiKind.REST ? describeRest(api) : describeV2(api);
    }

    private ApiDetail describeRest(ApiSummary api) {
        List<Route> routes = new ArrayList<>();
        String position = null;
        do {
            checkInterrupted();
            String page = position;
            GetResourcesResponse response = v1.getResources(r -> r.restApiId(api.id()).embed("methods")
                    .position(page).limit(500));
            for (Resource resource : response.items()) {
                resource.resourceMethods().forEach((verb, method) -> routes.add(restRoute(api, resource, verb, method)));
            }
            position = response.position();
        } while (position != null && !position.isEmpty());
        List<Stage> stages = v1.getStages(r -> r.restApiId(api.id())).item().stream()
                .map(s -> new Stage(s.stageName(), s.deploymentId(), false, s.variables())).toList();
        return new ApiDetail(api, stages, routes, optional(() -> restAuthorizers(api)), optional(() -> restKeys(api)));
    }

    private List<Authorizer> restAuthorizers(ApiSummary api) {
        return v1.getAuthorizers(r -> r.restApiId(api.id()).limit(500)).items().stream()
                .map(a -> new Authorizer(a.id(), a.name(), a.typeAsString(), a.identitySource(),
                        a.authorizerUri() != null ? IntegrationTargets.functionLabel(
                                orElse(IntegrationTargets.functionArn(a.authorizerUri()), a.authorizerUri()))
                                : String.join(", ", a.providerARNs()), List.of()))
                .toList();
    }

    /**
     * Authorizers and keys add detail but are not what the explorer is for: a role allowed to read routes but not
     * keys (common in production) still sees every route.
     */
    private static <T> List<T> optional(java.util.function.Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (SdkException notAllowedOrNotSupported) {
            return List.of();
        }
    }

    private Route restRoute(ApiSummary api, Resource resource, String verb, Method embedded) {
        Method method = embedded;
        if (method.methodIntegration() == null && method.authorizationType() == null) {
            // some endpoints embed only the verb: ask for the full method
            try {
                var full = v1.getMethod(r -> r.restApiId(api.id()).resourceId(resource.id()).httpMethod(verb));
                method = Method.builder().httpMethod(verb).authorizationType(full.authorizationType())
                        .authorizerId(full.authorizerId()).apiKeyRequired(full.apiKeyRequired())
                        .requestParameters(full.requestParameters()).authorizationScopes(full.authorizationScopes())
                        .methodIntegration(full.methodIntegration()).build();
            } catch (NotFoundException ignored) {
                // listed but gone: show what the listing had
            }
        }
        var integration = method.methodIntegration();
        Integration target = integration == null ? Integration.NONE
                : IntegrationTargets.read(integration.typeAsString(), integration.uri(), null,
                integration.typeAsString() != null && integration.typeAsString().equals("AWS_PROXY") ? "1.0" : null,
                integration.timeoutInMillis());
        return new Route(resource.id() + ":" + verb, verb, resource.path(), method.authorizationType(),
                method.authorizerId(), method.authorizationScopes(), Boolean.TRUE.equals(method.apiKeyRequired()),
                method.requestParameters(), target);
    }

    /** Keys with the stages of this API they open: legacy stage keys plus usage plans. */
    private List<ApiKey> restKeys(ApiSummary api) {
        Map<String, Set<String>> stagesByKey = new HashMap<>();
        try {
            String position = null;
            do {
                checkInterrupted();
                String page = position;
                GetUsagePlansResponse plans = v1.getUsagePlans(r -> r.position(page).limit(500));
                for (UsagePlan plan : plans.items()) {
                    Set<String> stages = new HashSet<>();
                    plan.apiStages().stream().filter(s -> api.id().equals(s.apiId())).forEach(s -> stages.add(s.stage()));
                    if (!stages.isEmpty()) {
                        GetUsagePlanKeysResponse keys = v1.getUsagePlanKeys(r -> r.usagePlanId(plan.id()).limit(500));
                        keys.items().forEach(k -> stagesByKey.computeIfAbsent(k.id(), id -> new HashSet<>()).addAll(stages));
                    }
                }
                position = plans.position();
            } while (position != null && !position.isEmpty());
        } catch (SdkException unsupported) {
            // emulators without usage plans: fall back to the keys' own stage keys
        }
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        String position = null;
        do {
            checkInterrupted();
            String page = position;
            GetApiKeysResponse response = v1.getApiKeys(r -> r.includeValues(true).position(page).limit(500));
            response.items().forEach(k -> {
                Set<String> stages = new HashSet<>(stagesByKey.getOrDefault(k.id(), Set.of()));
                k.stageKeys().stream().filter(s -> s.startsWith(api.id() + "/"))
                        .forEach(s -> stages.add(s.substring(api.id().length() + 1)));
                keys.put(k.id(), new ApiKey(k.id(), k.name(), k.value(), Boolean.TRUE.equals(k.enabled()), stages));
            });
            position = response.position();
        } while (position != null && !position.isEmpty());
        return List.copyOf(keys.values());
    }

    private ApiDetail describeV2(ApiSummary api) {
        Map<String, Integration> integrations = new HashMap<>();
        String token = null;
        do {
            checkInterrupted();
            String page = token;
            GetIntegrationsResponse response = v2.getIntegrations(r -> r.apiId(api.id()).nextToken(page).maxResults("500"));
            response.items().forEach(i -> integrations.put(i.integrationId(), IntegrationTargets.read(
                    i.integrationTypeAsString(), i.integrationUri(), i.integrationSubtype(), i.payloadFormatVersion(),
                    i.timeoutInMillis())));
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        List<Route> routes = new ArrayList<>();
        token = null;
        do {
            checkInterrupted();
            String page = token;
            GetRoutesResponse response = v2.getRoutes(r -> r.apiId(api.id()).nextToken(page).maxResults("500"));
            response.items().forEach(r -> routes.add(v2Route(r, integrations)));
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        List<Stage> stages = new ArrayList<>();
        token = null;
        do {
            checkInterrupted();
            String page = token;
            GetStagesResponse response = v2.getStages(r -> r.apiId(api.id()).nextToken(page).maxResults("500"));
            response.items().forEach(s -> stages.add(new Stage(s.stageName(), s.deploymentId(),
                    Boolean.TRUE.equals(s.autoDeploy()), s.stageVariables())));
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        List<Authorizer> authorizers;
        try {
            authorizers = v2Authorizers(api);
        } catch (SdkException listingUnsupported) {
            // some emulators only answer GetAuthorizer: read the ones the routes use
            authorizers = routes.stream().map(Route::authorizerId).filter(java.util.Objects::nonNull).distinct()
                    .map(id -> v2Authorizer(v2.getAuthorizer(r -> r.apiId(api.id()).authorizerId(id)))).toList();
        }
        return new ApiDetail(api, stages, routes, authorizers, List.of());
    }

    private List<Authorizer> v2Authorizers(ApiSummary api) {
        List<Authorizer> authorizers = new ArrayList<>();
        String token = null;
        do {
            checkInterrupted();
            String page = token;
            GetAuthorizersResponse response = v2.getAuthorizers(r -> r.apiId(api.id()).nextToken(page).maxResults("500"));
            response.items().forEach(a -> authorizers.add(v2Authorizer(a.authorizerId(), a.name(),
                    a.authorizerTypeAsString(), a.identitySource(), a.jwtConfiguration(), a.authorizerUri())));
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return authorizers;
    }

    private static Authorizer v2Authorizer(GetAuthorizerResponse a) {
        return v2Authorizer(a.authorizerId(), a.name(), a.authorizerTypeAsString(), a.identitySource(),
                a.jwtConfiguration(), a.authorizerUri());
    }

    private static Authorizer v2Authorizer(String id, String name, String type, List<String> identitySource,
                                           JWTConfiguration jwt, String uri) {
        String target = jwt != null ? jwt.issuer() : uri == null ? null
                : IntegrationTargets.functionLabel(orElse(IntegrationTargets.functionArn(uri), uri));
        return new Authorizer(id, name, type, String.join(", ", identitySource), target,
                jwt == null ? List.of() : jwt.audience());
    }

    private static Route v2Route(software.amazon.awssdk.services.apigatewayv2.model.Route route,
                                 Map<String, Integration> integrations) {
        String key = route.routeKey();
        String method = null;
        String path = key;
        int space = key == null ? -1 : key.indexOf(' ');
        if (space > 0) {
            method = key.substring(0, space);
            path = key.substring(space + 1);
        }
        String target = route.target();
        Integration integration = target != null && target.startsWith("integrations/")
                ? integrations.getOrDefault(target.substring("integrations/".length()), Integration.NONE)
                : Integration.NONE;
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        route.requestParameters().forEach((name, constraints) -> parameters.put(name,
                constraints != null && Boolean.TRUE.equals(constraints.required())));
        return new Route(route.routeId(), method, path, route.authorizationTypeAsString(), route.authorizerId(),
                route.authorizationScopes(), Boolean.TRUE.equals(route.apiKeyRequired()), parameters, integration);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Listing APIs was cancelled.");
        }
    }
}
