package dev.dynagate.aws;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.net.URI;

/** The tables contract against the in-process sandbox engine. */
class TablesAgainstSandboxTest extends TablesContract {
    private Sandbox sandbox;

    @Override
    URI startEndpoint() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, home.resolve("sandbox")), line -> { });
        return sandbox.endpoint();
    }

    @Override
    void stopEndpoint() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
