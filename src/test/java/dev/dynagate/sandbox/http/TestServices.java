package dev.dynagate.sandbox.http;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Small services for server tests: an echo, a handler that blocks until released, and fixed answers. */
final class TestServices {
    final CountDownLatch releaseSlow = new CountDownLatch(1);

    private TestServices() {
    }

    static TestServices install(SandboxHttpServer server) {
        TestServices services = new TestServices();
        server.addService(services.route("/slow", request -> {
            try {
                services.releaseSlow.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SandboxResponse.of(200, "text/plain", "slow done");
        }));
        server.addService(services.route("/cookies", request -> SandboxResponse.of(200, "text/plain", "two cookies")
                .with("Set-Cookie", "a=1").with("Set-Cookie", "b=2")));
        server.addService(services.route("/empty", request -> SandboxResponse.of(200, null, "")));
        server.addService(services.route("/broken", request -> new SandboxResponse(200, new java.util.LinkedHashMap<>(), null)));
        server.addService(services.route("/none", request -> SandboxResponse.of(204, null, "")));
        server.addService(services.route("/", request -> SandboxResponse.of(200, "text/plain",
                request.method() + " " + request.path() + (request.rawQuery() == null ? "" : "?" + request.rawQuery())
                        + " " + request.bodyText())));
        return services;
    }

    private SandboxService route(String prefix, java.util.function.Function<SandboxRequest, SandboxResponse> answer) {
        return new SandboxService() {
            @Override
            public boolean accepts(SandboxRequest request) {
                return request.path().startsWith(prefix);
            }

            @Override
            public SandboxResponse handle(SandboxRequest request) {
                return answer.apply(request);
            }
        };
    }
}
