package dev.dynagate.ui;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operations in flight, for the status bar. Presenters start background work through {@link #run}; the list
 * is only changed on the UI executor, so views may bind to it directly.
 */
public final class Operations {
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final ObservableList<Operation> inFlight = FXCollections.observableArrayList();

    public Operations(Executor background, Executor ui, Clock clock) {
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    public ObservableList<Operation> inFlight() {
        return inFlight;
    }

    public Executor background() {
        return background;
    }

    public Executor ui() {
        return ui;
    }

    /**
     * Runs {@code work} on the background executor, listed until it ends. Cancelling the returned future interrupts
     * the worker thread, which is what makes blocking SDK and HTTP calls give up.
     */
    public <T> CompletableFuture<T> run(String description, Supplier<T> work) {
        return runReporting(description, progress -> work.get());
    }

    /**
     * As {@link #run}, for work that says how far it has got: what it reports from its thread is shown beside its
     * description in the status bar (the latest report wins; reports after the end are dropped).
     */
    public <T> CompletableFuture<T> runReporting(String description, Function<Progress, T> work) {
        AtomicReference<Operation> listed = new AtomicReference<>();
        Progress progress = done -> ui.execute(() -> {
            Operation operation = listed.get();
            if (operation != null && inFlight.contains(operation)) {
                operation.report(done);
            }
        });
        CancellableTask<T> task = new CancellableTask<>(() -> work.apply(progress));
        Operation operation = new Operation(ids.incrementAndGet(), description, clock.instant(), task.result());
        listed.set(operation);
        ui.execute(() -> inFlight.add(operation));
        task.result().whenComplete((value, error) -> ui.execute(() -> inFlight.remove(operation)));
        background.execute(task);
        return task.result();
    }

    /** Adds an operation whose future is managed elsewhere (a request already in flight, a sandbox start). */
    public void track(String description, Future<?> future, CompletableFuture<?> completion) {
        Operation operation = new Operation(ids.incrementAndGet(), description, clock.instant(), future);
        ui.execute(() -> inFlight.add(operation));
        completion.whenComplete((value, error) -> ui.execute(() -> inFlight.remove(operation)));
    }

    /** What a piece of work has done so far, in a few words ("1,200 items"); callable from any thread. */
    @FunctionalInterface
    public interface Progress {
        void report(String done);
    }
}
