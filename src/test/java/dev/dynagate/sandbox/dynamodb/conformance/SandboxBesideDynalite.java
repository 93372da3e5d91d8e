package dev.dynagate.sandbox.dynamodb.conformance;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The sandbox and dynalite started side by side for a differential test, each with a raw wire client; skips the
 * test (fails it in CI) when dynalite is not installed.
 */
final class SandboxBesideDynalite implements AutoCloseable {
    private final DynaliteProcess dynalite;
    private final Sandbox sandbox;
    final DynamoDbWire ours;
    final DynamoDbWire theirs;

    private SandboxBesideDynalite(DynaliteProcess dynalite, Sandbox sandbox, Duration timeout) {
        this.dynalite = dynalite;
        this.sandbox = sandbox;
        this.ours = new DynamoDbWire(sandbox.endpoint(), timeout);
        this.theirs = new DynamoDbWire(dynalite.endpoint(), timeout);
    }

    static SandboxBesideDynalite start(Path data, Duration timeout) throws Exception {
        DynaliteProcess dynalite = DynaliteProcess.start(ConformancePeers.dynalite());
        try {
            return new SandboxBesideDynalite(dynalite, Sandbox.start(SandboxOptions.of(0, data), line -> { }), timeout);
        } catch (Exception | Error e) {
            dynalite.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            sandbox.close();
        } finally {
            dynalite.close();
        }
    }
}
