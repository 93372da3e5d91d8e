package dev.dynagate.tables;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.LongProperty;
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
    private final CapacityDraft capacity;
    private final List<IndexUnits> indexes = new ArrayList<>();
    private final StringBinding problem;

    /**
     * A global index's own units while the user chooses. On a table leaving on demand they follow the table's units
     * until the user changes them.
     */
    public static final class IndexUnits {
        private final String name;
        private final long read;
        private final long write;
        private final LongProperty readUnits;
        private final LongProperty writeUnits;

        IndexUnits(String name, long read, long write) {
            this.name = name;
            this.read = read;
            this.write = write;
            readUnits = new SimpleLongProperty(read);
            writeUnits = new SimpleLongProperty(write);
        }

        public String name() {
            return name;
        }

        public LongProperty readUnits() {
            return readUnits;
        }

        public LongProperty writeUnits() {
            return writeUnits;
        }

        /** Whether the index keeps the units it started with (its own, or the table's when it had none known). */
        boolean unchanged() {
            return readUnits.get() == read && writeUnits.get() == write;
        }
    }

    public CapacityPresenter(TableDescription table, Supplier<TableAdmin> admin, ErrorDescriber errors,
                             Operations operations) {
        this.table = table;
        this.admin = admin;
        this.errors = errors;
        this.operations = operations;
        capacity = new CapacityDraft(isOnDemand(table), units(table.readCapacity()), units(table.writeCapacity()));
        List<Observable> watched = new ArrayList<>(List.of(capacity.observables()));
        for (TableDescription.Index index : table.indexes()) {
            if (index.kind() == TableDescription.IndexKind.GSI) {
                long read = index.readCapacity() == null ? capacity.readUnits().get() : index.readCapacity();
                long write = index.writeCapacity() == null ? capacity.writeUnits().get() : index.writeCapacity();
                IndexUnits units = new IndexUnits(index.name(), read, write);
                follow(capacity.readUnits(), units.readUnits(), index.readCapacity() == null);
                follow(capacity.writeUnits(), units.writeUnits(), index.writeCapacity() == null);
                indexes.add(units);
                watched.add(units.readUnits());
                watched.add(units.writeUnits());
            }
        }
        problem = Bindings.createStringBinding(this::check, watched.toArray(Observable[]::new));
    }

    /** An index without units of its own takes the table's while it still has the value the table had. */
    private static void follow(LongProperty table, LongProperty index, boolean follows) {
        if (follows) {
            table.addListener((obs, old, now) -> {
                if (index.get() == old.longValue()) {
                    index.set(now.longValue());
                }
            });
        }
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

    /** The table's global indexes with the units each will have when the table is provisioned. */
    public List<IndexUnits> indexes() {
        return indexes;
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
        for (IndexUnits index : indexes) {
            if (index.readUnits().get() < 1 || index.writeUnits().get() < 1) {
                return "The index " + index.name() + " needs at least 1 read and 1 write unit.";
            }
        }
        boolean same = !isOnDemand(table) && table.readCapacity() != null && table.readCapacity() == read
                && table.writeCapacity() != null && table.writeCapacity() == write;
        if (!same || indexes.stream().anyMatch(i -> !i.unchanged())) {
            return null;
        }
        return "The table already has " + read + " read and " + write + " write units"
                + (indexes.isEmpty() ? "." : ", and its indexes the units shown.");
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
        Map<String, TableAdmin.Units> indexUnits = new LinkedHashMap<>();
        if (!demand) {
            indexes.forEach(i -> indexUnits.put(i.name(), new TableAdmin.Units(i.readUnits().get(),
                    i.writeUnits().get())));
        }
        return operations.run("Changing the capacity of " + table.name(), () -> {
            admin.get().setCapacity(table.name(), demand, new TableAdmin.Units(read, write), indexUnits);
            return null;
        });
    }

    /** A failure of {@link #apply} in words, for the error dialog. */
    public UserMessage describe(Throwable error) {
        return Problems.describe(errors, error);
    }
}
