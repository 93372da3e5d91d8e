package dev.dynagate.sandbox;

import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import dev.dynagate.sandbox.http.SandboxService;
import java.util.List;

/** Answers {@code GET /} as DynamoDB's endpoint does, for tools that probe it before their first call. */
final class HealthComponent implements SandboxComponent, SandboxService {

    HealthComponent(SandboxContext context) {
    }

    @Override
    public List<SandboxService> services() {
        return List.of(this);
    }

    @Override
    public boolean accepts(SandboxRequest request) {
        return "GET".equals(request.method()) && "/".equals(request.path());
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        return SandboxResponse.of(200, "text/plain", "healthy: dynamodb." + SandboxContext.REGION + ".amazonaws.com ");
    }

    @Override
    public void close() {
    }
}
