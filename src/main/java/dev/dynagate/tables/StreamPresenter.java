package dev.dynagate.tables;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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

    /**
     * @param later runs a task on the UI thread about a second from now: the pause between two polls
     */
    public StreamPresenter(Supplier<StreamReader> reader, ErrorDescriber errors, Operations operations,
                           Consumer<Runnable> later, String table) {
        this.reader = reader;
        this.errors = errors;
        this.operations = operations;
        this.later = later;
        this.table = table;
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
                problem.set(new UserMessage(table + " has no stream, so its changes cannot be watched.",
                        "Turn one on for the table (UpdateTable with a StreamSpecification, or StreamEnabled in "
                                + "its template); only changes made after that are recorded.", false));
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
        CompletableFuture<List<StreamReader.Change>> call = CompletableFuture.supplyAsync(tail::poll,
                operations.background());
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
