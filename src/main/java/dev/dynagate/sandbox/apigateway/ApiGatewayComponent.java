package dev.dynagate.sandbox.apigateway;

import dev.dynagate.sandbox.SandboxComponent;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.http.SandboxService;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.util.List;

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
    private final ApiDefinitions definitions;

    public ApiGatewayComponent(SandboxContext context, LambdaRuntime lambda) {
        this.lambda = lambda;
        this.state = new ApiGatewayState(context.dataDir("apigateway"), context.log());
        this.httpApis = new HttpApiControlPlane(state, context.endpoint());
        this.executeApi = new ExecuteApiService(state, lambda);
        this.restApis = new RestApiControlPlane(state, executeApi.restApis());
        this.definitions = new ApiDefinitions(state, httpApis, restApis);
    }

    public LambdaRuntime lambda() {
        return lambda;
    }

    /** Creates APIs in-process (demo seeding, SAM templates). */
    public ApiDefinitions definitions() {
        return definitions;
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
