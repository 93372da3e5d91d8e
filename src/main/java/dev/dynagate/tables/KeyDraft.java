package dev.dynagate.tables;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A partition key and an optional sort key as a form holds them while the user types (a table's, an index's). */
public final class KeyDraft {
    private final StringProperty partitionName;
    private final ObjectProperty<KeyType> partitionType = new SimpleObjectProperty<>(KeyType.S);
    private final BooleanProperty hasSortKey;
    private final StringProperty sortName;
    private final ObjectProperty<KeyType> sortType = new SimpleObjectProperty<>(KeyType.S);

    KeyDraft(String partition, boolean hasSortKey, String sort) {
        partitionName = new SimpleStringProperty(partition);
        this.hasSortKey = new SimpleBooleanProperty(hasSortKey);
        sortName = new SimpleStringProperty(sort);
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

    TableDescription.Key partition() {
        return new TableDescription.Key(partitionName.get(), partitionType.get());
    }

    /** The sort key, or null without one. */
    TableDescription.Key sort() {
        return hasSortKey.get() ? new TableDescription.Key(sortName.get(), sortType.get()) : null;
    }

    /** Everything a change of which must check the form again. */
    Observable[] observables() {
        return new Observable[] {partitionName, partitionType, hasSortKey, sortName, sortType};
    }
}
