package dev.dynagate.sandboxpanel;

import dev.dynagate.sandbox.EmbeddedSandbox;
import dev.dynagate.sandbox.SandboxStorage;
import dev.dynagate.sandbox.lambda.Invocation;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** {@link LocalCloud} over the app's in-process sandbox. */
public final class EmbeddedLocalCloud implements LocalCloud {
    private final EmbeddedSandbox sandbox;
    private final SandboxSettings settings;

    /** {@code settings} should be the ones {@code sandbox} reads as it starts. */
    public EmbeddedLocalCloud(EmbeddedSandbox sandbox, SandboxSettings settings) {
        this.sandbox = sandbox;
        this.settings = settings;
    }

    @Override
    public URI start() throws Exception {
        return sandbox.endpoint();
    }

    @Override
    public void stop() {
        sandbox.close();
    }

    @Override
    public boolean isRunning() {
        return sandbox.isRunning();
    }

    @Override
    public Path dataDir() {
        return sandbox.dataDir();
    }

    @Override
    public SandboxStorage storage() {
        return settings.storage();
    }

    @Override
    public void storage(SandboxStorage value) throws java.io.IOException {
        settings.storage(value);
    }

    @Override
    public SandboxStorage runningStorage() {
        return sandbox.runningStorage();
    }

    @Override
    public URI attachedTo() {
        return sandbox.attachedTo();
    }

    @Override
    public List<InvocationRow> invocations() {
        return sandbox.invocations().stream().map(EmbeddedLocalCloud::row).toList();
    }

    @Override
    public void onInvocation(Consumer<InvocationRow> listener) {
        sandbox.addInvocationListener(invocation -> listener.accept(row(invocation)));
    }

    @Override
    public void onLog(Consumer<String> listener) {
        sandbox.addLogListener(listener);
    }

    static InvocationRow row(Invocation invocation) {
        return new InvocationRow(invocation.requestId(), invocation.functionName(), invocation.started(),
                invocation.durationMillis(), invocation.initDurationMillis(), invocation.outcome().name(),
                invocation.log());
    }
}
