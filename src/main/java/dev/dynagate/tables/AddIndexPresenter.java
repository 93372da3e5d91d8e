package dev.dynagate.tables;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * Adds one global index to an existing table: the index as the user types it, checked against the table's keys and
 * the indexes it has, then created in the background and waited for until DynamoDB has filled it. Local indexes
 * exist only from a table's creation, so this form makes global ones.
 */
public final class AddIndexPresenter {
    private final TableDescription table;
    private final Supplier<TableAdmin> admin;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final boolean readOnly;
    private final IndexDraft draft = new IndexDraft();
    private final StringBinding problem;

    /** @param readOnly the connection's switch: a read-only connection adds nothing */
    public AddIndexPresenter(TableDescription table, Supplier<TableAdmin> admin, ErrorDescriber errors,
                             Operations operations, boolean readOnly) {
        this.table = table;
        this.admin = admin;
        this.errors = errors;
        this.operations = operations;
        this.readOnly = readOnly;
        draft.name().set(freeName());
        problem = Bindings.createStringBinding(this::check, draft.observables());
    }

    public TableDescription table() {
        return table;
    }

    public IndexDraft draft() {
        return draft;
    }

    /** What keeps the index from being added, in words; null when it can be. */
    public StringBinding problem() {
        return problem;
    }

    private String check() {
        if (readOnly) {
            return "This connection is read-only: turn it off in the connection bar to add an index.";
        }
        if (draft.local()) {
            return "A local index can only be made with its table; add a global index instead.";
        }
        return IndexRules.check(table.keys().partition(), table.keys().sort(), java.util.List.of(draft),
                table.indexes());
    }

    /** Adds the index; completes with its name once DynamoDB has filled it and it can be queried. */
    public CompletableFuture<String> add() {
        String refused = check();
        if (refused != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        TableAdmin.IndexSpec spec = draft.toSpec(table.keys().partition());
        return operations.run("Adding index " + spec.name() + " to " + table.name() + " (filled from its items)",
                () -> {
                    try {
                        admin.get().addGlobalIndex(table.name(), spec);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.CancellationException("stopped waiting for " + spec.name());
                    }
                    return spec.name();
                });
    }

    /** A failure of {@link #add} in words, for the error dialog. */
    public UserMessage describe(Throwable error) {
        return Problems.describe(errors, error);
    }

    private String freeName() {
        for (int i = 1; ; i++) {
            String name = "index" + i;
            if (table.indexes().stream().noneMatch(index -> index.name().equals(name))) {
                return name;
            }
        }
    }
}
