package dev.dynagate.requests;

import dev.dynagate.requests.model.KeyValue;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** An editable name/value row (query parameter, header, path parameter, form field). */
public final class ParamRow {
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);

    public ParamRow(String key, String value, boolean enabled) {
        this.key.set(key == null ? "" : key);
        this.value.set(value == null ? "" : value);
        this.enabled.set(enabled);
    }

    public static ParamRow of(KeyValue pair) {
        return new ParamRow(pair.key(), pair.value(), pair.enabled());
    }

    /** A list that reports edits inside its rows too, so a changed value updates the URL. */
    public static ObservableList<ParamRow> observableList() {
        return FXCollections.observableArrayList(row -> new Observable[] {row.key, row.value, row.enabled});
    }

    public StringProperty key() {
        return key;
    }

    public StringProperty value() {
        return value;
    }

    public BooleanProperty enabled() {
        return enabled;
    }

    public KeyValue toKeyValue() {
        return new KeyValue(key.get(), value.get(), enabled.get());
    }

    public boolean isBlank() {
        return key.get().isBlank() && value.get().isBlank();
    }
}
