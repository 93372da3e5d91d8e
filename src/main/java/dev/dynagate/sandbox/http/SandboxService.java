package dev.dynagate.sandbox.http;

/**
 * One protocol served on the sandbox port (DynamoDB JSON, API Gateway control planes, Lambda, invoke URLs).
 * The server asks each service in turn whether it {@link #accepts} a request; the first that does answers it.
 */
public interface SandboxService {

    boolean accepts(SandboxRequest request);

    /** Answers the request. Must not throw: protocol errors become that protocol's error responses. */
    SandboxResponse handle(SandboxRequest request);
}
