package dev.dynagate.tables;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The New table form: a name, a partition key, an optional sort key, the billing mode and any global or local
 * secondary indexes, checked against DynamoDB's rules as the user types, then created in the background. TTL is set
 * on the table afterwards (right-click it in the list).
 */
public final class NewTablePresenter {

    private final Supplier<TableAdmin> creator;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final boolean readOnly;
    private final StringProperty name = new SimpleStringProperty("");
    private final KeyDraft keys = new KeyDraft("pk", true, "sk");
    private final CapacityDraft capacity = new CapacityDraft(true, 5, 5);
    /** The stream's view type, or {@link #NO_STREAM}. */
    private final StringProperty stream = new SimpleStringProperty(NO_STREAM);
    private final ObservableList<IndexDraft> indexes = FXCollections.observableArrayList(IndexDraft::observables);
    private final StringBinding problem;

    /** @param readOnly the connection's switch: a read-only connection creates nothing */
    public NewTablePresenter(Supplier<TableAdmin> creator, ErrorDescriber errors, Operations operations,
                             boolean readOnly) {
        this.creator = creator;
        this.errors = errors;
        this.operations = operations;
        this.readOnly = readOnly;
        List<Observable> watched = new ArrayList<>(List.of(name, indexes));
        watched.addAll(List.of(keys.observables()));
        watched.addAll(List.of(capacity.observables()));
        problem = Bindings.createStringBinding(this::check, watched.toArray(Observable[]::new));
    }

    public StringProperty name() {
        return name;
    }

    /** The table's partition and sort key. */
    public KeyDraft keys() {
        return keys;
    }

    public CapacityDraft capacity() {
        return capacity;
    }

    /** The secondary indexes made with the table, in the order they were added. */
    public ObservableList<IndexDraft> indexes() {
        return indexes;
    }

    /** A new global index row, named after the table's indexes so far. */
    public IndexDraft addIndex() {
        IndexDraft draft = new IndexDraft();
        draft.name().set("index" + (indexes.size() + 1));
        indexes.add(draft);
        return draft;
    }

    public void removeIndex(IndexDraft draft) {
        indexes.remove(draft);
    }

    /** What keeps the form from being sent, in words; null when it can be. */
    public StringBinding problem() {
        return problem;
    }

    private String check() {
        if (readOnly) {
            return "This connection is read-only: turn it off in the connection bar to create a table.";
        }
        String table = name.get().strip();
        if (!IndexRules.NAME.matcher(table).matches()) {
            return table.isEmpty() ? "Name the table." : "A table name is 3 to 255 letters, digits, '_', '-' or '.'.";
        }
        String keyProblem = IndexRules.keyName(keys.partitionName().get(), "partition");
        if (keyProblem == null && keys.hasSortKey().get()) {
            keyProblem = IndexRules.keyName(keys.sortName().get(), "sort");
            if (keyProblem == null && keys.sortName().get().equals(keys.partitionName().get())) {
                keyProblem = "The sort key needs another name than the partition key.";
            }
        }
        if (keyProblem != null) {
            return keyProblem;
        }
        if (capacity.unitsProblem() != null) {
            return capacity.unitsProblem();
        }
        return IndexRules.check(keys.partition(), keys.sort(), indexes);
    }

    /** The stream choices, "Off" first: a table without a stream. */
    public static final String NO_STREAM = "Off";
    public static final List<String> STREAMS = List.of(NO_STREAM, "NEW_AND_OLD_IMAGES", "NEW_IMAGE", "OLD_IMAGE",
            "KEYS_ONLY");

    public StringProperty stream() {
        return stream;
    }

    /** Creates the table as the form describes it; completes with its name once it can be used. */
    public CompletableFuture<String> create() {
        String refused = check();
        if (refused != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        TableAdmin.Spec spec = new TableAdmin.Spec(name.get().strip(), keys.partition(), keys.sort(),
                capacity.onDemand().get(), capacity.readUnits().get(), capacity.writeUnits().get(),
                indexes.stream().map(i -> i.toSpec(keys.partition())).toList(),
                NO_STREAM.equals(stream.get()) ? null : stream.get());
        return operations.run("Creating table " + spec.name(), () -> {
            creator.get().create(spec);
            return spec.name();
        });
    }

    /** A failure of {@link #create} in words, for the error dialog. */
    public UserMessage describe(Throwable error) {
        return Problems.describe(errors, error);
    }
}
