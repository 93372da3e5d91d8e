package dev.dynagate.sandbox;

import dev.dynagate.sandbox.http.SandboxService;
import java.util.List;

/**
 * One part of the local cloud (the DynamoDB engine, API Gateway, Lambda). Created once the port is bound, so it
 * knows the endpoint; closed when the sandbox stops, after the port stops serving.
 */
public interface SandboxComponent extends AutoCloseable {

    /** The protocols this component serves, asked in order before the next component's. */
    List<SandboxService> services();

    /** Runs once every component is serving: seeding demo data through the real protocol happens here. */
    default void started(SandboxContext context) throws Exception {
    }

    @Override
    void close();
}
