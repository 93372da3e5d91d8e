package dev.dynagate.sandbox;

import dev.dynagate.connections.SandboxHost;
import dev.dynagate.sandbox.DataFolderLock.DataFolderInUseException;
import dev.dynagate.sandbox.lambda.Invocation;
import dev.dynagate.sandbox.lambda.LambdaComponent;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    // written under the lock by endpoint() and close(); read without it, so a view asking whether the sandbox runs
    // never waits for a start or a probe in progress
    private volatile Sandbox running;
    /** Another process's sandbox that has the data folder, used instead of one of our own; null when none. */
    private volatile URI attached;
    private volatile SandboxStorage runningStorage;
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
        if (running == null && attached != null) {
            if (answers(attached)) {
                return attached;
            }
            log("The sandbox at " + attached + " has stopped; this window starts its own");
            attached = null;
        }
        if (running == null) {
            try {
                running = startOnPreferredPort();
            } catch (DataFolderInUseException inUse) {
                return attach(inUse);
            }
            port = running.port();
            running.component(LambdaComponent.class).runtime()
                    .addListener(invocation -> invocationListeners.forEach(l -> l.accept(invocation)));
            log("Sandbox ready at " + running.endpoint());
            URI started = running.endpoint();
            startListeners.forEach(l -> l.accept(started));
        }
        return running.endpoint();
    }

    /**
     * The data folder is another sandbox's (a {@code sandbox} command in a terminal, another window): use that one
     * rather than fail, as long as it answers. Its port becomes the preferred one, so clients built for it stay valid
     * when it stops and this window starts its own there.
     */
    private URI attach(DataFolderInUseException inUse) throws DataFolderInUseException {
        URI other = inUse.ownerEndpoint().filter(EmbeddedSandbox::answers).orElseThrow(() -> inUse);
        attached = other;
        port = other.getPort();
        log("The data folder is in use by another Dynagate sandbox (" + inUse.owner().orElse(other.toString())
                + "): this window uses that one, and its Lambda invocations are listed where it runs");
        startListeners.forEach(l -> l.accept(other));
        return other;
    }

    /** Whether a Dynagate sandbox answers at {@code endpoint}: its {@code GET /} says so, as DynamoDB's does. */
    static boolean answers(URI endpoint) {
        try {
            HttpURLConnection probe = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
            probe.setConnectTimeout(1000);
            probe.setReadTimeout(2000);
            try (InputStream body = probe.getInputStream()) {
                return probe.getResponseCode() == 200
                        && new String(body.readNBytes(64), StandardCharsets.UTF_8).startsWith("healthy: dynamodb");
            } finally {
                probe.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Where the sandbox this window uses runs in another process, or null when it is this window's own or none. */
    public URI attachedTo() {
        return attached;
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
    public SandboxStorage runningStorage() {
        return running == null ? null : runningStorage;
    }

    public boolean isRunning() {
        return running != null || attached != null;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The running sandbox, or null before first use and while another process's is used. */
    public Sandbox sandbox() {
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
    public List<Invocation> invocations() {
        Sandbox current = running;
        return current == null ? List.of() : current.component(LambdaComponent.class).runtime().invocations();
    }

    /** Stops this window's sandbox; another process's is only let go of, and keeps running there. */
    @Override
    public synchronized void close() {
        if (attached != null) {
            log("This window no longer uses the sandbox at " + attached + "; it keeps running in its own process");
            attached = null;
        }
        if (running != null) {
            running.close();
            running = null;
            log("Sandbox stopped");
        }
    }
}
