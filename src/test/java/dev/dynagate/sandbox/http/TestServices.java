package dev.dynagate.sandbox.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Small services for server tests: an echo, a handler that blocks until released, a quick one answered on the
 * selector thread, one whose answer comes later without blocking, and fixed answers.
 */
final class TestServices {
    final CountDownLatch releaseSlow = new CountDownLatch(1);
    final CompletableFuture<String> later = new CompletableFuture<>();
    final List<String> quickThreads = new CopyOnWriteArrayList<>();

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
        server.addService(new SandboxService() {
            @Override
            public boolean accepts(SandboxRequest request) {
                return request.path().startsWith("/quick-echo") || request.path().startsWith("/later");
            }

            @Override
            public SandboxResponse handle(SandboxRequest request) {
                return handleAsync(request).toCompletableFuture().join();
            }

            @Override
            public CompletionStage<SandboxResponse> handleAsync(SandboxRequest request) {
                if (request.path().startsWith("/later")) {
                    return services.later.thenApply(text -> SandboxResponse.of(200, "text/plain", text));
                }
                services.quickThreads.add(Thread.currentThread().getName());
                return CompletableFuture.completedFuture(SandboxResponse.of(200, "text/plain", "quick " + request.path()));
            }

            @Override
            public boolean quick(SandboxRequest request) {
                return true;
            }
        });
        server.addService(new SandboxService() {
            @Override
            public boolean accepts(SandboxRequest request) {
                return request.path().startsWith("/out-of-memory");
            }

            @Override
            public SandboxResponse handle(SandboxRequest request) {
                throw new IllegalStateException("never called: the selector thread fails first");
            }

            @Override
            public boolean quick(SandboxRequest request) {
                // asked on the selector thread, outside the handler: where a full heap fails a server thread
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
        });
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
