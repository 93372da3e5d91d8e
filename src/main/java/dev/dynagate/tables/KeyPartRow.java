package dev.dynagate.tables;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The query builder's input for one more attribute of a multi-attribute index key: a partition attribute's value, or
 * a sort attribute's condition (operator, value, and for BETWEEN a second value).
 */
public final class KeyPartRow {
    private final TableDescription.Key key;
    private final boolean partition;
    private final ObjectProperty<SortOp> op = new SimpleObjectProperty<>();
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty second = new SimpleStringProperty("");

    KeyPartRow(TableDescription.Key key, boolean partition) {
        this.key = key;
        this.partition = partition;
    }

    public TableDescription.Key key() {
        return key;
    }

    /** True for a partition attribute (always an equality), false for a sort attribute. */
    public boolean partition() {
        return partition;
    }

    /** A sort attribute's operator; null for no condition. */
    public ObjectProperty<SortOp> op() {
        return op;
    }

    public StringProperty value() {
        return value;
    }

    public StringProperty second() {
        return second;
    }

    /** The partition value, or null when the field is empty. */
    Attr partitionValue() {
        return value.get() == null || value.get().isEmpty() ? null : ValueType.of(key.type()).parse(value.get());
    }

    /** The sort condition, or null when no operator is chosen. */
    QuerySpec.SortCondition sortCondition() {
        if (op.get() == null) {
            return null;
        }
        ValueType type = ValueType.of(key.type());
        return new QuerySpec.SortCondition(op.get(), type.parse(value.get()),
                op.get().operands() == 2 ? type.parse(second.get()) : null);
    }
}
