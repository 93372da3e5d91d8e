package dev.dynagate.sandbox;

import dev.dynagate.connections.SandboxHost;
import dev.dynagate.sandbox.lambda.Invocation;
import dev.dynagate.sandbox.lambda.LambdaComponent;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sandbox as the desktop app runs it: in-process, on a free loopback port, started on first use (so the
 * window opens before any of it loads) and seeded with the demo backend. A restart after a stop reuses the port, so
 * clients built for it stay valid. Thread-safe; {@link #endpoint()} blocks while it starts and is only called from
 * background threads.
 */
public final class EmbeddedSandbox implements SandboxHost, AutoCloseable {
    private final Path dataDir;
    private final Supplier<SandboxStorage> storage;
    private final List<Consumer<String>> logListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Invocation>> invocationListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<URI>> startListeners = new CopyOnWriteArrayList<>();
    private Sandbox running;
    private SandboxStorage runningStorage;
    private int port;

    public EmbeddedSandbox(Path dataDir) {
        this(dataDir, () -> SandboxStorage.KEPT);
    }

    /** {@code storage} is asked at every start (on the starting thread), so a changed choice applies from then on. */
    public EmbeddedSandbox(Path dataDir, Supplier<SandboxStorage> storage) {
        this.dataDir = dataDir;
        this.storage = storage;
    }

    /** Called with each line the sandbox reports (start, stop, the demo's invoke URLs), on the reporting thread. */
    public void addLogListener(Consumer<String> listener) {
        logListeners.add(listener);
    }

    private void log(String line) {
        logListeners.forEach(l -> l.accept(line));
    }

    @Override
    public synchronized URI endpoint() throws Exception {
        if (running == null) {
            running = startOnPreferredPort();
            port = running.port();
            running.component(LambdaComponent.class).runtime()
                    .addListener(invocation -> invocationListeners.forEach(l -> l.accept(invocation)));
            log("Sandbox ready at " + running.endpoint());
            URI started = running.endpoint();
            startListeners.forEach(l -> l.accept(started));
        }
        return running.endpoint();
    }

    private Sandbox startOnPreferredPort() throws Exception {
        SandboxStorage chosen = storage.get();
        runningStorage = chosen;
        if (port != 0) {
            try {
                return Sandbox.start(chosen.options(port, dataDir).withDemo(true), this::log);
            } catch (java.net.BindException taken) {
                log("Port " + port + " is taken now; the sandbox moves to a free one");
            }
        }
        return Sandbox.start(chosen.options(0, dataDir).withDemo(true), this::log);
    }

    /** How the running sandbox keeps its writes, or null while it is stopped. */
    public synchronized SandboxStorage runningStorage() {
        return running == null ? null : runningStorage;
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

    /** Called with every finished Lambda invocation, on the invoking thread. */
    public void addInvocationListener(Consumer<Invocation> listener) {
        invocationListeners.add(listener);
    }

    /** Called on the starting thread with the endpoint each time the sandbox has started. */
    public void addStartListener(Consumer<URI> listener) {
        startListeners.add(listener);
    }

    /** The invocations the running sandbox still remembers, oldest first; empty when stopped. */
    public synchronized List<Invocation> invocations() {
        return running == null ? List.of() : running.component(LambdaComponent.class).runtime().invocations();
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
            log("Sandbox stopped");
        }
    }
}
