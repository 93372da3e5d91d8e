package dev.dynagate.tables;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;

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
    private final BooleanProperty onDemand;
    private final LongProperty readUnits;
    private final LongProperty writeUnits;
    private final StringBinding problem;

    public CapacityPresenter(TableDescription table, Supplier<TableAdmin> admin, ErrorDescriber errors,
                             Operations operations) {
        this.table = table;
        this.admin = admin;
        this.errors = errors;
        this.operations = operations;
        onDemand = new SimpleBooleanProperty(isOnDemand(table));
        readUnits = new SimpleLongProperty(units(table.readCapacity()));
        writeUnits = new SimpleLongProperty(units(table.writeCapacity()));
        problem = Bindings.createStringBinding(this::check, onDemand, readUnits, writeUnits);
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

    public BooleanProperty onDemand() {
        return onDemand;
    }

    public LongProperty readUnits() {
        return readUnits;
    }

    public LongProperty writeUnits() {
        return writeUnits;
    }

    /** What keeps the change from being sent, in words; null when it can be. */
    public StringBinding problem() {
        return problem;
    }

    private String check() {
        if (onDemand.get()) {
            return isOnDemand(table) ? "The table is already on demand." : null;
        }
        if (readUnits.get() < 1 || writeUnits.get() < 1) {
            return "Provisioned capacity is at least 1 read and 1 write unit.";
        }
        boolean same = !isOnDemand(table) && table.readCapacity() != null && table.readCapacity() == readUnits.get()
                && table.writeCapacity() != null && table.writeCapacity() == writeUnits.get();
        return same ? "The table already has " + readUnits.get() + " read and " + writeUnits.get() + " write units."
                : null;
    }

    /** Sends the change; completes once the table is ACTIVE with it. */
    public CompletableFuture<Void> apply() {
        String refused = check();
        if (refused != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        boolean demand = onDemand.get();
        long read = readUnits.get();
        long write = writeUnits.get();
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
