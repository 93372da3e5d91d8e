package dev.dynagate.tables;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The New table form: a name, a partition key, an optional sort key and the billing mode, checked against DynamoDB's
 * rules as the user types, then created in the background. Indexes, TTL and streams are set on the table afterwards.
 */
public final class NewTablePresenter {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final int MAX_KEY_NAME_BYTES = 255;

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
    private final BooleanProperty onDemand = new SimpleBooleanProperty(true);
    private final LongProperty readUnits = new SimpleLongProperty(5);
    private final LongProperty writeUnits = new SimpleLongProperty(5);
    private final StringBinding problem;

    /** @param readOnly the connection's switch: a read-only connection creates nothing */
    public NewTablePresenter(Supplier<TableAdmin> creator, ErrorDescriber errors, Operations operations,
                             boolean readOnly) {
        this.creator = creator;
        this.errors = errors;
        this.operations = operations;
        this.readOnly = readOnly;
        problem = Bindings.createStringBinding(this::check, name, partitionName, sortName, hasSortKey, onDemand,
                readUnits, writeUnits);
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

    public BooleanProperty onDemand() {
        return onDemand;
    }

    public LongProperty readUnits() {
        return readUnits;
    }

    public LongProperty writeUnits() {
        return writeUnits;
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
        if (!TABLE_NAME.matcher(table).matches()) {
            return table.isEmpty() ? "Name the table." : "A table name is 3 to 255 letters, digits, '_', '-' or '.'.";
        }
        String keyProblem = keyName(partitionName.get(), "partition");
        if (keyProblem == null && hasSortKey.get()) {
            keyProblem = keyName(sortName.get(), "sort");
            if (keyProblem == null && sortName.get().equals(partitionName.get())) {
                keyProblem = "The sort key needs another name than the partition key.";
            }
        }
        if (keyProblem != null) {
            return keyProblem;
        }
        if (!onDemand.get() && (readUnits.get() < 1 || writeUnits.get() < 1)) {
            return "Provisioned capacity is at least 1 read and 1 write unit.";
        }
        return null;
    }

    private static String keyName(String value, String which) {
        if (value == null || value.isEmpty()) {
            return "Name the " + which + " key.";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_NAME_BYTES) {
            return "A key name is 255 bytes at most.";
        }
        return null;
    }

    /** Creates the table as the form describes it; completes with its name once it can be used. */
    public CompletableFuture<String> create() {
        String refused = check();
        if (refused != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        TableAdmin.Spec spec = new TableAdmin.Spec(name.get().strip(),
                new TableDescription.Key(partitionName.get(), partitionType.get()),
                hasSortKey.get() ? new TableDescription.Key(sortName.get(), sortType.get()) : null,
                onDemand.get(), readUnits.get(), writeUnits.get());
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
