package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One secondary index as a form holds it while the user types (New table, Add index); {@link IndexRules} checks. */
public final class IndexDraft {
    /** What an index copies from the item besides the keys. */
    public enum Projection { ALL, KEYS_ONLY, INCLUDE }

    private final ObjectProperty<TableDescription.IndexKind> kind =
            new SimpleObjectProperty<>(TableDescription.IndexKind.GSI);
    private final StringProperty name = new SimpleStringProperty("");
    private final KeyDraft keys = new KeyDraft("", false, "");
    private final ObjectProperty<Projection> projection = new SimpleObjectProperty<>(Projection.ALL);
    private final StringProperty included = new SimpleStringProperty("");

    public IndexDraft() {
        // a local index always has a sort key: it is what makes it differ from the table
        kind.addListener((obs, old, now) -> {
            if (now == TableDescription.IndexKind.LSI) {
                keys.hasSortKey().set(true);
            }
        });
    }

    public ObjectProperty<TableDescription.IndexKind> kind() {
        return kind;
    }

    public StringProperty name() {
        return name;
    }

    /** The index's keys; a local one's partition key is the table's, whatever this holds. */
    public KeyDraft keys() {
        return keys;
    }

    public ObjectProperty<Projection> projection() {
        return projection;
    }

    /** The attributes INCLUDE projects, separated by commas as typed. */
    public StringProperty included() {
        return included;
    }

    public boolean local() {
        return kind.get() == TableDescription.IndexKind.LSI;
    }

    /** The names INCLUDE projects, trimmed, empty ones left out. */
    public List<String> includedNames() {
        return Arrays.stream(included.get().split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    /** Everything a change of which must check the form again. */
    Observable[] observables() {
        List<Observable> all = new ArrayList<>(List.of(kind, name, projection, included));
        all.addAll(List.of(keys.observables()));
        return all.toArray(Observable[]::new);
    }

    /** The index to create on a table whose partition key is {@code tablePartition}. */
    TableAdmin.IndexSpec toSpec(TableDescription.Key tablePartition) {
        TableDescription.Key partition = local() ? tablePartition : keys.partition();
        return new TableAdmin.IndexSpec(name.get().strip(), kind.get(), partition, keys.sort(), projection.get().name(),
                projection.get() == Projection.INCLUDE ? includedNames() : List.of());
    }
}
