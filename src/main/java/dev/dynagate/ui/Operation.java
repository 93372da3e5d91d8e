package dev.dynagate.ui;

import java.time.Instant;
import java.util.concurrent.Future;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One long-running piece of work shown in the status bar, with the future that cancels it and what it has done so
 * far ("1,200 items"), empty until the work reports; the progress changes on the UI executor only.
 */
public final class Operation {
    private final long id;
    private final String description;
    private final Instant started;
    private final Future<?> future;
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");

    public Operation(long id, String description, Instant started, Future<?> future) {
        this.id = id;
        this.description = description;
        this.started = started;
        this.future = future;
    }

    public long id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Instant started() {
        return started;
    }

    public Future<?> future() {
        return future;
    }

    public ReadOnlyStringProperty progress() {
        return progress.getReadOnlyProperty();
    }

    void report(String done) {
        progress.set(done);
    }

    public void cancel() {
        future.cancel(true);
    }

    @Override
    public String toString() {
        return description + (progress.get().isEmpty() ? "" : " (" + progress.get() + ")");
    }
}
