package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import dev.dynagate.sandbox.http.SandboxService;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The data plane: invoke URLs {@code /_aws/execute-api/{apiId}/{stage}/{path}} (and without the stage segment for
 * an HTTP API's {@code $default} stage), handed to {@link HttpApiInvocation} or {@link RestApiInvocation}.
 *
 * <p>Every stage serves the API's current definition (as if each change were deployed at once); authorizers are
 * not enforced; API keys are checked for REST methods that require one.
 */
public final class ExecuteApiService implements SandboxService {
    static final String PREFIX = "/_aws/execute-api/";
    private static final Logger LOG = Logger.getLogger(ExecuteApiService.class.getName());

    private final ApiGatewayState state;
    private final HttpProxy httpProxy = new HttpProxy();
    private final IntegrationInvoker invoker;
    private final RestApiInvocation restApis;

    ExecuteApiService(ApiGatewayState state, LambdaRuntime lambda) {
        this.state = state;
        this.invoker = new IntegrationInvoker(lambda);
        this.restApis = new RestApiInvocation(state, invoker, httpProxy);
    }

    /** Runs REST methods for TestInvokeMethod. */
    RestApiInvoker restApis() {
        return restApis;
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
            LOG.log(Level.WARNING, "invoke URL failed: " + request.path(), e);
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
            return new HttpApiInvocation(invoker, httpProxy, httpApi, apiId, below, request).serve();
        }
        ObjectNode restApi = state.read(() -> copy(state.restApis().get(apiId)));
        if (restApi != null) {
            return restApis.serve(restApi, apiId, below, request);
        }
        return HttpApiInvocation.notFound(HttpApiInvocation.requestId());
    }

    void close() {
        invoker.close();
    }

    private static ObjectNode copy(JsonNode node) {
        return node == null ? null : (ObjectNode) node.deepCopy();
    }
}
