package dev.dynagate.tables;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * A table's capacity: on demand, or provisioned read and write units, starting from what the table has; changed in
 * the background and waited for until the table is ACTIVE again.
 */
public final class CapacityPresenter {
    private static final long DEFAULT_UNITS = 5;

    private final TableDescription table;
    private final Supplier<TableAdmin> admin;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final CapacityDraft capacity;
    private final StringBinding problem;

    public CapacityPresenter(TableDescription table, Supplier<TableAdmin> admin, ErrorDescriber errors,
                             Operations operations) {
        this.table = table;
        this.admin = admin;
        this.errors = errors;
        this.operations = operations;
        capacity = new CapacityDraft(isOnDemand(table), units(table.readCapacity()), units(table.writeCapacity()));
        problem = Bindings.createStringBinding(this::check, capacity.observables());
    }

    private static boolean isOnDemand(TableDescription table) {
        return "PAY_PER_REQUEST".equals(table.billingMode());
    }

    private static long units(Long provisioned) {
        return provisioned == null || provisioned < 1 ? DEFAULT_UNITS : provisioned;
    }

    public TableDescription table() {
        return table;
    }

    public CapacityDraft capacity() {
        return capacity;
    }

    /** What keeps the change from being sent, in words; null when it can be. */
    public StringBinding problem() {
        return problem;
    }

    private String check() {
        long read = capacity.readUnits().get();
        long write = capacity.writeUnits().get();
        if (capacity.onDemand().get()) {
            return isOnDemand(table) ? "The table is already on demand." : null;
        }
        if (capacity.unitsProblem() != null) {
            return capacity.unitsProblem();
        }
        boolean same = !isOnDemand(table) && table.readCapacity() != null && table.readCapacity() == read
                && table.writeCapacity() != null && table.writeCapacity() == write;
        return same ? "The table already has " + read + " read and " + write + " write units." : null;
    }

    /** Sends the change; completes once the table is ACTIVE with it. */
    public CompletableFuture<Void> apply() {
        String refused = check();
        if (refused != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        boolean demand = capacity.onDemand().get();
        long read = capacity.readUnits().get();
        long write = capacity.writeUnits().get();
        return operations.run("Changing the capacity of " + table.name(), () -> {
            admin.get().setCapacity(table.name(), demand, read, write);
            return null;
        });
    }

    /** A failure of {@link #apply} in words, for the error dialog. */
    public UserMessage describe(Throwable error) {
        return Problems.describe(errors, error);
    }
}
