package dev.dynagate.tables;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    private final StringProperty partitionName = new SimpleStringProperty("pk");
    private final ObjectProperty<KeyType> partitionType = new SimpleObjectProperty<>(KeyType.S);
    private final StringProperty sortName = new SimpleStringProperty("sk");
    private final ObjectProperty<KeyType> sortType = new SimpleObjectProperty<>(KeyType.S);
    private final BooleanProperty hasSortKey = new SimpleBooleanProperty(true);
    private final CapacityDraft capacity = new CapacityDraft(true, 5, 5);
    private final ObservableList<IndexDraft> indexes = FXCollections.observableArrayList(IndexDraft::observables);
    private final StringBinding problem;

    /** @param readOnly the connection's switch: a read-only connection creates nothing */
    public NewTablePresenter(Supplier<TableAdmin> creator, ErrorDescriber errors, Operations operations,
                             boolean readOnly) {
        this.creator = creator;
        this.errors = errors;
        this.operations = operations;
        this.readOnly = readOnly;
        problem = Bindings.createStringBinding(this::check, name, partitionName, partitionType, sortName, sortType,
                hasSortKey, capacity.onDemand(), capacity.readUnits(), capacity.writeUnits(), indexes);
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty partitionName() {
        return partitionName;
    }

    public ObjectProperty<KeyType> partitionType() {
        return partitionType;
    }

    public BooleanProperty hasSortKey() {
        return hasSortKey;
    }

    public StringProperty sortName() {
        return sortName;
    }

    public ObjectProperty<KeyType> sortType() {
        return sortType;
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
        String keyProblem = IndexRules.keyName(partitionName.get(), "partition");
        if (keyProblem == null && hasSortKey.get()) {
            keyProblem = IndexRules.keyName(sortName.get(), "sort");
            if (keyProblem == null && sortName.get().equals(partitionName.get())) {
                keyProblem = "The sort key needs another name than the partition key.";
            }
        }
        if (keyProblem != null) {
            return keyProblem;
        }
        if (capacity.unitsProblem() != null) {
            return capacity.unitsProblem();
        }
        return IndexRules.check(tablePartition(), tableSort(), indexes);
    }

    private TableDescription.Key tablePartition() {
        return new TableDescription.Key(partitionName.get(), partitionType.get());
    }

    private TableDescription.Key tableSort() {
        return hasSortKey.get() ? new TableDescription.Key(sortName.get(), sortType.get()) : null;
    }

    /** Creates the table as the form describes it; completes with its name once it can be used. */
    public CompletableFuture<String> create() {
        String refused = check();
        if (refused != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        TableAdmin.Spec spec = new TableAdmin.Spec(name.get().strip(), tablePartition(), tableSort(),
                capacity.onDemand().get(), capacity.readUnits().get(), capacity.writeUnits().get(),
                indexes.stream().map(i -> i.toSpec(tablePartition())).toList());
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
