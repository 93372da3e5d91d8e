package dev.dynagate.sandbox;

import dev.dynagate.connections.SandboxHost;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The sandbox as the desktop app runs it: in-process, on a free loopback port, started on first use (so the
 * window opens before any of it loads) and seeded with the demo backend. Thread-safe; {@link #endpoint()} blocks
 * while it starts and is only called from background threads.
 */
public final class EmbeddedSandbox implements SandboxHost, AutoCloseable {
    private final Path dataDir;
    private final Consumer<String> log;
    private Sandbox running;

    public EmbeddedSandbox(Path dataDir, Consumer<String> log) {
        this.dataDir = dataDir;
        this.log = log;
    }

    @Override
    public synchronized URI endpoint() throws Exception {
        if (running == null) {
            running = Sandbox.start(SandboxOptions.of(0, dataDir).withDemo(true), log);
            log.accept("Sandbox ready at " + running.endpoint());
        }
        return running.endpoint();
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The running sandbox, or null before first use. */
    public synchronized Sandbox sandbox() {
        return running;
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
