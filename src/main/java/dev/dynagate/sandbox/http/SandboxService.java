package dev.dynagate.sandbox.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One protocol served on the sandbox port (DynamoDB JSON, API Gateway control planes, Lambda, invoke URLs).
 * The server asks each service in turn whether it {@link #accepts} a request; the first that does answers it.
 */
public interface SandboxService {

    boolean accepts(SandboxRequest request);

    /** Answers the request. Must not throw: protocol errors become that protocol's error responses. */
    SandboxResponse handle(SandboxRequest request);

    /**
     * Answers the request as {@link #handle} does, but may return before the answer can be sent: the server sends
     * it when the stage completes. A service overrides this to avoid blocking a thread (a write waiting for the
     * disk); the default answers at once.
     */
    default CompletionStage<SandboxResponse> handleAsync(SandboxRequest request) {
        return CompletableFuture.completedFuture(handle(request));
    }

    /**
     * True when {@link #handleAsync} answers this request quickly and without blocking on anything (no disk flush,
     * no other request), so the server may run it on the thread that read it instead of handing it to a worker.
     */
    default boolean quick(SandboxRequest request) {
        return false;
    }
}
