package dev.dynagate.sandboxpanel;

import dev.dynagate.sandbox.SandboxStorage;
import dev.dynagate.ui.Operations;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sandbox panel: whether the local cloud runs, where it answers, where it keeps its data, what it reported
 * (the demo's invoke URLs), and every Lambda invocation with its log. Start and stop run in the background.
 */
public final class SandboxPanelPresenter {
    static final int MAX_ROWS = 500;
    static final int MAX_LOG_LINES = 200;

    public enum State { STOPPED, STARTING, RUNNING, STOPPING, FAILED }

    private final LocalCloud cloud;
    private final Operations operations;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.STOPPED);
    private final ReadOnlyStringWrapper endpoint = new ReadOnlyStringWrapper("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<InvocationRow> invocations = FXCollections.observableArrayList();
    private final ObjectProperty<InvocationRow> selected = new SimpleObjectProperty<>();
    private final StringProperty functionFilter = new SimpleStringProperty("");
    /** How the sandbox keeps writes from its next start; null until the saved choice is read. */
    private final ObjectProperty<SandboxStorage> storage = new SimpleObjectProperty<>();
    private final ObjectProperty<SandboxStorage> runningStorage = new SimpleObjectProperty<>();
    private boolean loadingStorage;
    private final ReadOnlyStringWrapper storageProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper elsewhere = new ReadOnlyBooleanWrapper();

    public SandboxPanelPresenter(LocalCloud cloud, Operations operations) {
        this.cloud = cloud;
        this.operations = operations;
        cloud.onInvocation(row -> operations.ui().execute(() -> add(row)));
        cloud.onLog(line -> operations.ui().execute(() -> addLog(line)));
        if (cloud.isRunning()) {
            state.set(State.RUNNING);
            invocations.setAll(cloud.invocations());
        }
        operations.run("Reading the sandbox settings", () -> new SandboxStorage[] {cloud.storage(),
                cloud.runningStorage()}).thenAcceptAsync(read -> {
                    loadingStorage = true;
                    storage.set(read[0]);
                    loadingStorage = false;
                    runningStorage.set(read[1]);
                }, operations.ui());
        storage.addListener((obs, old, value) -> {
            if (!loadingStorage && value != null) {
                save(value);
            }
        });
    }

    private void save(SandboxStorage value) {
        operations.run("Saving the sandbox settings", () -> {
            try {
                cloud.storage(value);
                return value;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenCompleteAsync((saved, error) -> storageProblem.set(error == null ? ""
                : "The choice could not be saved, so it lasts until Dynagate closes: " + rootMessage(error)),
                operations.ui());
    }

    /** Why the latest choice of {@link #storage()} was not saved; empty when it was. */
    public ReadOnlyStringProperty storageProblem() {
        return storageProblem.getReadOnlyProperty();
    }

    /**
     * How the sandbox keeps writes from its next start; changing it saves the choice. Null until the saved choice is
     * read.
     */
    public ObjectProperty<SandboxStorage> storage() {
        return storage;
    }

    /** How the running sandbox keeps its writes; null while it is stopped. */
    public ObjectProperty<SandboxStorage> runningStorage() {
        return runningStorage;
    }

    public ObjectProperty<State> state() {
        return state;
    }

    public ReadOnlyStringProperty endpoint() {
        return endpoint.getReadOnlyProperty();
    }

    public StringProperty problem() {
        return problem;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ObservableList<InvocationRow> invocations() {
        return invocations;
    }

    public ObjectProperty<InvocationRow> selected() {
        return selected;
    }

    public StringProperty functionFilter() {
        return functionFilter;
    }

    public String dataFolder() {
        return cloud.dataDir().toAbsolutePath().toString();
    }

    /** Called when the sandbox was started elsewhere (the Sandbox connection's first call). */
    public void started(URI at) {
        state.set(State.RUNNING);
        endpoint.set(at.toString());
        operations.run("Reading the sandbox settings", () -> new Object[] {cloud.runningStorage(), cloud.attachedTo()})
                .thenAcceptAsync(read -> {
                    runningStorage.set((SandboxStorage) read[0]);
                    elsewhere.set(read[1] != null);
                }, operations.ui());
    }

    /** True while the sandbox in use is another process's: stopping only lets go of it. */
    public ReadOnlyBooleanProperty elsewhere() {
        return elsewhere.getReadOnlyProperty();
    }

    public CompletableFuture<URI> start() {
        state.set(State.STARTING);
        problem.set("");
        CompletableFuture<URI> starting = operations.run("Starting the sandbox", () -> {
            try {
                return cloud.start();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        starting.whenCompleteAsync((uri, error) -> {
            if (error != null) {
                state.set(State.FAILED);
                problem.set("The sandbox could not start: " + rootMessage(error));
            } else {
                started(uri);
            }
        }, operations.ui());
        return starting;
    }

    public CompletableFuture<Void> stop() {
        state.set(State.STOPPING);
        CompletableFuture<Void> stopping = operations.run("Stopping the sandbox", () -> {
            cloud.stop();
            return null;
        });
        stopping.whenCompleteAsync((v, error) -> {
            state.set(State.STOPPED);
            endpoint.set("");
            runningStorage.set(null);
            elsewhere.set(false);
        }, operations.ui());
        return stopping;
    }

    public void clearInvocations() {
        invocations.clear();
        selected.set(null);
    }

    private void add(InvocationRow row) {
        invocations.add(row);
        if (invocations.size() > MAX_ROWS) {
            invocations.remove(0, invocations.size() - MAX_ROWS);
        }
    }

    private void addLog(String line) {
        log.add(line);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
