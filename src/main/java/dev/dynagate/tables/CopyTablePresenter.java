package dev.dynagate.tables;

import dev.dynagate.connections.Connection;
import dev.dynagate.tables.transfer.TableCopy;
import dev.dynagate.ui.Operations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Copying a table to a connection the user picks (the sandbox, another account or region, or beside itself): the
 * target and the new table's name, checked as they change, then the copy in the background with its count in the
 * status bar. The name follows the target until the user types one: the table's own name on another connection,
 * "-copy" after it on the same one.
 */
public final class CopyTablePresenter {
    /** Builds the copy for a target connection; the feature wires it to its services. */
    public interface Copies {
        TableCopy to(Connection target);
    }

    private final TableDescription table;
    private final Connection source;
    private final List<Connection> targets;
    private final Copies copies;
    private final Operations operations;
    private final ObjectProperty<Connection> target = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringBinding problem;
    private final String shapeProblem;

    public CopyTablePresenter(TableDescription table, Connection source, List<Connection> targets,
                              Connection initial, Copies copies, Operations operations) {
        this.table = table;
        this.source = source;
        this.targets = List.copyOf(targets);
        this.copies = copies;
        this.operations = operations;
        shapeProblem = shapeProblem(table);
        target.addListener((obs, old, now) -> {
            if (old == null || name.get().equals(suggestedName(old))) {
                name.set(suggestedName(now));
            }
        });
        target.set(initial);
        problem = Bindings.createStringBinding(this::check, target, name);
    }

    private static String shapeProblem(TableDescription table) {
        try {
            TableCopy.spec(table, table.name());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String suggestedName(Connection to) {
        return to != null && to.id().equals(source.id()) ? table.name() + "-copy" : table.name();
    }

    public TableDescription table() {
        return table;
    }

    public Connection source() {
        return source;
    }

    public List<Connection> targets() {
        return targets;
    }

    public ObjectProperty<Connection> target() {
        return target;
    }

    public StringProperty name() {
        return name;
    }

    /** What keeps the copy from being started, in words; null when it can be. */
    public StringBinding problem() {
        return problem;
    }

    private String check() {
        Connection to = target.get();
        String newName = name.get().strip();
        if (shapeProblem != null) {
            return shapeProblem;
        }
        if (to == null) {
            return "Pick the connection to copy to.";
        }
        if (to.readOnly()) {
            return to.name() + " is read-only: turn off its read-only switch in the connection bar to copy to it.";
        }
        if (!IndexRules.NAME.matcher(newName).matches()) {
            return "A table name is 3 to 255 letters, digits, '_', '-' or '.'.";
        }
        if (to.id().equals(source.id()) && newName.equals(table.name())) {
            return "A copy on the same connection needs a name of its own.";
        }
        return null;
    }

    /** Where the copy goes, for the status bar and the dialogs. */
    public String destination() {
        return name.get().strip() + " on " + (target.get() == null ? "?" : target.get().name());
    }

    /**
     * Creates the table on the target and copies every item, in the background; the status bar shows the count.
     * Cancelling stops the copy and leaves the new table with what was copied.
     */
    public CompletableFuture<TableCopy.Result> copy() {
        String refused = check();
        if (refused != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        TableCopy copy = copies.to(target.get());
        String newName = name.get().strip();
        return operations.runReporting("Copying " + table.name() + " to " + destination(), progress -> {
            try {
                return copy.run(table, newName, count -> progress.report(Cells.number(count)
                        + (count == 1 ? " item" : " items")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("copy of " + table.name() + " stopped");
            }
        });
    }

    /** The copy's outcome in a sentence, for the dialog that closes it. */
    public String summary(TableCopy.Result result) {
        return "Copied " + Cells.number(result.copied()) + (result.copied() == 1 ? " item" : " items") + " of "
                + table.name() + " into " + destination() + "." + (result.unprocessed() == 0 ? ""
                : " " + Cells.number(result.unprocessed()) + " items are not in the copy: the target kept "
                + "throttling writes.");
    }
}
