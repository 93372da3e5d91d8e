package dev.dynagate.sandbox.apigateway;

import dev.dynagate.sandbox.SandboxComponent;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.http.SandboxService;
import dev.dynagate.sandbox.lambda.LambdaComponent;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.util.List;
import java.util.function.Function;

/**
 * API Gateway in the sandbox: the v1 and v2 control planes and the invoke URLs, with Lambda integrations run by the
 * sandbox's {@link LambdaRuntime}. Definitions persist in the data folder's {@code apigateway} folder.
 */
public final class ApiGatewayComponent implements SandboxComponent {
    private final ApiGatewayState state;
    private final HttpApiControlPlane httpApis;
    private final RestApiControlPlane restApis;
    private final ExecuteApiService executeApi;
    private final LambdaRuntime lambda;

    public ApiGatewayComponent(SandboxContext context, LambdaRuntime lambda) {
        this.lambda = lambda;
        this.state = new ApiGatewayState(context.dataDir("apigateway"));
        this.httpApis = new HttpApiControlPlane(state, context.endpoint());
        this.executeApi = new ExecuteApiService(state, lambda);
        this.restApis = new RestApiControlPlane(state, executeApi);
    }

    /**
     * The Lambda component followed by API Gateway bound to its runtime: two factories sharing one runtime, for
     * {@code SandboxComponents.standard()}.
     */
    public static List<Function<SandboxContext, SandboxComponent>> withLambda() {
        LambdaComponent[] created = new LambdaComponent[1];
        return List.of(context -> created[0] = new LambdaComponent(context),
                context -> new ApiGatewayComponent(context, created[0].runtime()));
    }

    public LambdaRuntime lambda() {
        return lambda;
    }

    /** The HTTP API (v2) control plane, for in-process seeding (demo, templates). */
    public HttpApiControlPlane httpApis() {
        return httpApis;
    }

    /** The REST API (v1) control plane, for in-process seeding (demo, templates). */
    public RestApiControlPlane restApis() {
        return restApis;
    }

    @Override
    public List<SandboxService> services() {
        return List.of(executeApi, httpApis, restApis);
    }

    @Override
    public void close() {
        executeApi.close();
    }
}
