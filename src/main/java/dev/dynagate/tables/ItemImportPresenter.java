package dev.dynagate.tables;

import dev.dynagate.tables.transfer.TableImport;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Import into one table from a file of items, one per line (what Export writes): the file is checked whole in the
 * background, the user confirms the count and what happens to keys already in the table, then BatchWriteItem writes
 * it over a few parallel calls (or conditional PutItems, to keep existing items), cancellable from the status bar. A
 * file with a bad line writes nothing.
 */
public final class ItemImportPresenter {
    static final String REPLACE = "Replace existing items";
    static final String KEEP = "Keep existing items";
    static final int WRITERS = 4;
    private static final int MAX_RETRIES = 8;

    private final TableDescription table;
    private final Supplier<ItemStore> store;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final Dialogs dialogs;
    private final ObjectProperty<UserMessage> problem;
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final BooleanProperty importing = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private boolean writing;

    /** @param problem where a failure is shown (the explorer's problem line) */
    public ItemImportPresenter(TableDescription table, Supplier<ItemStore> store, ErrorDescriber errors,
                               Operations operations, Dialogs dialogs, ObjectProperty<UserMessage> problem) {
        this.table = table;
        this.store = store;
        this.errors = errors;
        this.operations = operations;
        this.dialogs = dialogs;
        this.problem = problem;
    }

    public BooleanProperty readOnly() {
        return readOnly;
    }

    public BooleanProperty importing() {
        return importing;
    }

    /** What the last import did, or how far it has come. */
    public ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    /** Checks the file, asks the user to confirm the count, then writes; completes when all of that is over. */
    public CompletableFuture<TableImport.Result> importFrom(Path file) {
        if (readOnly.get()) {
            problem.set(new UserMessage("This connection is read-only: nothing was imported.",
                    "Turn off read-only in the connection bar to write.", false));
            return CompletableFuture.completedFuture(null);
        }
        String name = file.getFileName().toString();
        importing.set(true);
        problem.set(null);
        summary.set("Checking " + name + "…");
        CompletableFuture<TableImport.Check> checked = operations.run("Checking " + name + " for " + table.name(),
                () -> {
                    try {
                        return TableImport.check(file, null, table);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return checked.thenComposeAsync(check -> confirmed(check, file).map(existing -> write(check, file, existing))
                        .orElse(CompletableFuture.completedFuture(null)), operations.ui())
                .whenCompleteAsync((result, error) -> finished(result, error, name), operations.ui());
    }

    /** Whether to write, and what to do with keys already in the table; empty when nothing is to be written. */
    private Optional<TableImport.Existing> confirmed(TableImport.Check check, Path file) {
        if (!check.ok()) {
            summary.set("Nothing imported.");
            problem.set(new UserMessage(file.getFileName() + " cannot be imported into " + table.name()
                    + "; nothing was written. " + check.describeProblems().replace("\n", "; ") + ".",
                    "Import reads one item per line, in DynamoDB JSON or plain JSON, as Export writes them.", false));
            return Optional.empty();
        }
        long items = check.items();
        Optional<String> answer = dialogs.choose("Import " + Cells.number(items)
                        + (items == 1 ? " item" : " items"), "Write " + Cells.number(items)
                        + (items == 1 ? " item" : " items") + " from " + file.getFileName() + " into " + table.name()
                        + "? When a key is already in the table, replace that item with the file's, or keep it (one "
                        + "write per item, slower; it also carries on an import that stopped halfway). This cannot be "
                        + "undone.", List.of(REPLACE, KEEP));
        if (answer.isEmpty()) {
            summary.set("Nothing imported.");
        }
        return answer.map(choice -> choice.equals(KEEP) ? TableImport.Existing.KEEP : TableImport.Existing.REPLACE);
    }

    private CompletableFuture<TableImport.Result> write(TableImport.Check check, Path file,
                                                        TableImport.Existing existing) {
        String of = " of " + Cells.number(check.items()) + " items";
        writing = true;
        summary.set("Importing… 0" + of);
        return operations.run("Importing " + file.getFileName() + " into " + table.name(), () -> {
            try {
                return new TableImport(store.get(), Thread::sleep, MAX_RETRIES).run(table, file, check.format(),
                        WRITERS, existing, written -> operations.ui().execute(() -> {
                            if (importing.get()) {
                                summary.set("Importing… " + Cells.number(written) + of);
                            }
                        }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            }
        });
    }

    private void finished(TableImport.Result result, Throwable error, String name) {
        importing.set(false);
        boolean wrote = writing;
        writing = false;
        if (error != null) {
            Throwable cause = Problems.unwrap(error);
            if (cause instanceof CancellationException) {
                summary.set(wrote ? "Import cancelled: the items written before it stay written."
                        : "Nothing imported.");
                return;
            }
            summary.set("Import failed.");
            Throwable reported = cause instanceof UncheckedIOException io ? io.getCause() : cause;
            problem.set(reported instanceof IOException io
                    ? new UserMessage("Could not read " + name + " (" + io.getMessage() + ").", "", false)
                    : Problems.describe(errors, reported));
            return;
        }
        if (result == null) {
            return;
        }
        if (result.unprocessed() > 0) {
            summary.set("Imported " + Cells.number(result.written()) + " items; "
                    + Cells.number(result.unprocessed()) + " stayed unprocessed.");
            problem.set(new UserMessage(Cells.number(result.unprocessed()) + " items stayed unprocessed after "
                    + result.retries() + " retries: the table is throttling writes.",
                    "Raise its write capacity, then import the file again, keeping existing items to carry on.",
                    true));
            return;
        }
        summary.set("Imported " + Cells.number(result.written()) + (result.written() == 1 ? " item" : " items")
                + " from " + name + (result.kept() == 0 ? "" : "; " + Cells.number(result.kept())
                + (result.kept() == 1 ? " was" : " were") + " already there and kept") + ". Run the query again to "
                + "see them.");
    }
}
