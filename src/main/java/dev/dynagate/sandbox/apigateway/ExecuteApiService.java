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
    /**
     * How many invoke-URL requests run at once. Each holds one of the sandbox server's worker threads while its
     * function runs, and functions call back into the sandbox (DynamoDB) on further workers; the server's pool grows,
     * but a bound keeps a burst from starving the machine. Requests beyond it are throttled at once with 429, as API
     * Gateway throttles.
     */
    static final int MAX_CONCURRENT_REQUESTS = 64;

    private final ApiGatewayState state;
    private final HttpProxy httpProxy = new HttpProxy();
    private final IntegrationInvoker invoker;
    private final RestApiInvocation restApis;
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_CONCURRENT_REQUESTS);

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
        ObjectNode restApi = httpApi != null ? null : state.read(() -> copy(state.restApis().get(apiId)));
        if (httpApi == null && restApi == null) {
            return HttpApiInvocation.notFound(HttpApiInvocation.requestId());
        }
        if (!inFlight.tryAcquire()) {
            return tooManyRequests(httpApi != null);
        }
        try {
            return httpApi != null ? new HttpApiInvocation(invoker, httpProxy, httpApi, apiId, below, request).serve()
                    : restApis.serve(restApi, apiId, below, request);
        } finally {
            inFlight.release();
        }
    }

    private static SandboxResponse tooManyRequests(boolean httpApi) {
        SandboxResponse response = SandboxResponse.json(429, "{\"message\":\"Too Many Requests\"}");
        return httpApi ? response.with("apigw-requestid", HttpApiInvocation.requestId())
                : response.with("x-amzn-ErrorType", "TooManyRequestsException")
                .with("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    }

    void close() {
        invoker.close();
    }

    private static ObjectNode copy(JsonNode node) {
        return node == null ? null : (ObjectNode) node.deepCopy();
    }
}
