package dev.dynagate.sandbox.lambda;

import dev.dynagate.sandbox.SandboxComponent;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.http.SandboxService;
import java.util.List;

/** The Lambda part of the sandbox: the runtime and its HTTP API. */
public final class LambdaComponent implements SandboxComponent {
    private final LambdaRuntime runtime;
    private final LambdaApiService api;

    public LambdaComponent(SandboxContext context) {
        this.runtime = LambdaRuntime.forSandbox(context);
        this.api = new LambdaApiService(runtime);
    }

    public LambdaRuntime runtime() {
        return runtime;
    }

    @Override
    public List<SandboxService> services() {
        return List.of(api);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
