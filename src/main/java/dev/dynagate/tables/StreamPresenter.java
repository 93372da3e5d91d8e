package dev.dynagate.tables;

import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Watches a table's DynamoDB stream: the changes written to its items appear as they happen (polled about once a
 * second while watching), newest last, the last {@link #KEPT} of them kept. From now on, or from the oldest change
 * the stream still keeps.
 */
public final class StreamPresenter {
    /** The most changes listed; older ones leave the list as new ones come. */
    public static final int KEPT = 2_000;

    private final Supplier<StreamReader> reader;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final Consumer<Runnable> later;
    private final String table;
    private final Dialogs dialogs;
    private final BooleanSupplier readOnly;
    private final String connectionName;
    private final ReadOnlyBooleanWrapper noStream = new ReadOnlyBooleanWrapper();
    private final ObservableList<StreamReader.Change> changes = FXCollections.observableArrayList();
    private final BooleanProperty fromOldest = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Press Watch to see the changes written "
            + "to this table's items as they happen.");
    private final ObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();
    private long seen;
    /** Increases with every start and stop, so an answer for an earlier watch is dropped. */
    private int watch;
    private CompletableFuture<?> inFlight;

    /** Where the stream is read, and how the presenter talks to the user and the connection. */
    public record Context(Dialogs dialogs, BooleanSupplier readOnly, String connectionName) {
    }

    /**
     * @param later runs a task on the UI thread about a second from now: the pause between two polls
     */
    public StreamPresenter(Supplier<StreamReader> reader, ErrorDescriber errors, Operations operations,
                           Consumer<Runnable> later, String table, Context context) {
        this.reader = reader;
        this.errors = errors;
        this.operations = operations;
        this.later = later;
        this.table = table;
        this.dialogs = context.dialogs();
        this.readOnly = context.readOnly();
        this.connectionName = context.connectionName();
    }

    /** Whether the last Watch found the table without a stream: Turn on is offered then. */
    public ReadOnlyBooleanProperty noStream() {
        return noStream.getReadOnlyProperty();
    }

    /**
     * Turns on the table's stream (both images, so a change shows the item before and after), after asking, and then
     * watches it. A read-only connection refuses before asking.
     */
    public CompletableFuture<Void> turnOn() {
        if (readOnly.getAsBoolean()) {
            problem.set(new UserMessage("This connection is read-only: the stream was not turned on.",
                    "Turn off read-only in the connection bar to change the table.", false));
            return CompletableFuture.completedFuture(null);
        }
        if (!dialogs.confirm("Turn on the stream", "Turn on a stream for " + table + " on " + connectionName
                + "? From then on every change to its items is recorded with the item before and after, and kept "
                + "for 24 hours.", "Turn on")) {
            return CompletableFuture.completedFuture(null);
        }
        problem.set(null);
        status.set("Turning on the stream of " + table + "…");
        return operations.run("Turning on the stream of " + table, () -> {
            reader.get().turnOn(table, "NEW_AND_OLD_IMAGES");
            return null;
        }).handleAsync((done, error) -> {
            if (error != null) {
                problem.set(Problems.describe(errors, error));
                status.set("The stream was not turned on.");
                return null;
            }
            noStream.set(false);
            watch();
            return null;
        }, operations.ui());
    }

    public ObservableList<StreamReader.Change> changes() {
        return changes;
    }

    /** Whether Watch starts from the oldest change the stream keeps rather than from now. */
    public BooleanProperty fromOldest() {
        return fromOldest;
    }

    public ReadOnlyBooleanProperty watching() {
        return watching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<UserMessage> problem() {
        return problem;
    }

    /** Starts watching; the list starts empty. */
    public CompletableFuture<Void> watch() {
        stop();
        int current = ++watch;
        boolean oldest = fromOldest.get();
        changes.clear();
        seen = 0;
        problem.set(null);
        watching.set(true);
        status.set("Opening the stream of " + table + "…");
        CompletableFuture<StreamReader.Tail> opened = operations.run("Opening the stream of " + table,
                () -> reader.get().open(table, oldest));
        inFlight = opened;
        return opened.handleAsync((tail, error) -> {
            if (current != watch) {
                return null;
            }
            if (error != null) {
                failed(error);
            } else if (tail == null) {
                watching.set(false);
                noStream.set(true);
                problem.set(new UserMessage(table + " has no stream, so its changes cannot be watched.",
                        "Turn on the stream here, or with UpdateTable (a StreamSpecification) or in the table's "
                                + "template; only changes made after that are recorded.", false));
                status.set("No stream.");
            } else {
                status.set("Watching " + table + " (" + tail.viewType() + ") " + (oldest ? "from the oldest change "
                        + "kept." : "from now: write to the table and its changes appear here."));
                poll(current, tail);
            }
            return null;
        }, operations.ui());
    }

    /** Stops watching; what was listed stays. */
    public void stop() {
        watch++;
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
        }
        if (watching.get()) {
            watching.set(false);
            status.set(seen == 0 ? "Stopped." : "Stopped after " + count(seen) + ".");
        }
    }

    /** Empties the list; watching goes on. */
    public void clear() {
        changes.clear();
    }

    private void poll(int current, StreamReader.Tail tail) {
        CompletableFuture<List<StreamReader.Change>> call;
        try {
            call = CompletableFuture.supplyAsync(tail::poll, operations.background());
        } catch (RejectedExecutionException closing) {
            // the app is closing and its background executor with it: nothing more to read
            stop();
            return;
        }
        inFlight = call;
        call.handleAsync((batch, error) -> {
            if (current != watch) {
                return null;
            }
            if (error != null) {
                failed(error);
                return null;
            }
            if (!batch.isEmpty()) {
                seen += batch.size();
                changes.addAll(batch);
                if (changes.size() > KEPT) {
                    changes.remove(0, changes.size() - KEPT);
                }
                status.set(count(seen) + " since watching began" + (seen > KEPT ? " (the last "
                        + Cells.number(KEPT) + " listed)" : "") + ".");
            }
            later.accept(() -> {
                if (current == watch) {
                    poll(current, tail);
                }
            });
            return null;
        }, operations.ui());
    }

    private void failed(Throwable error) {
        watching.set(false);
        if (Problems.unwrap(error) instanceof CancellationException) {
            return;
        }
        problem.set(Problems.describe(errors, error));
        status.set("Watching stopped: the stream could not be read.");
    }

    private static String count(long n) {
        return Cells.number(n) + (n == 1 ? " change" : " changes");
    }
}
