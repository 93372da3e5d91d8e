package dev.dynagate.sandboxpanel;

import dev.dynagate.sandbox.SandboxStorage;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The built-in sandbox as the panel controls it. Start and stop block; the presenter calls them in the background. */
public interface LocalCloud {

    URI start() throws Exception;

    void stop();

    boolean isRunning();

    Path dataDir();

    /** How the sandbox will keep writes from its next start: the saved choice. Blocks (reads a file). */
    SandboxStorage storage();

    /** Saves how the sandbox keeps writes from its next start. Blocks (writes a file). */
    void storage(SandboxStorage value) throws java.io.IOException;

    /** How the running sandbox keeps its writes, or null while it is stopped. */
    SandboxStorage runningStorage();

    /**
     * Where the sandbox in use runs when it is another process's (it had the data folder first), or null when it is
     * this window's own or none runs. Stopping only lets go of another process's sandbox.
     */
    default URI attachedTo() {
        return null;
    }

    /** Invocations the running sandbox remembers, oldest first. */
    List<InvocationRow> invocations();

    /** Called on the invoking thread after every Lambda invocation. */
    void onInvocation(Consumer<InvocationRow> listener);

    /** Called with each line the sandbox reports (demo URLs, start, stop), on the reporting thread. */
    void onLog(Consumer<String> listener);
}
