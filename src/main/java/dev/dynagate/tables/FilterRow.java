package dev.dynagate.tables;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable filter row of the query builder. */
public final class FilterRow {
    private final StringProperty path = new SimpleStringProperty("");
    private final ObjectProperty<FilterOp> op = new SimpleObjectProperty<>(FilterOp.EQ);
    private final ObjectProperty<ValueType> type = new SimpleObjectProperty<>(ValueType.S);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty second = new SimpleStringProperty("");

    public FilterRow() {
    }

    public FilterRow(String path, FilterOp op, ValueType type, String value, String second) {
        this.path.set(path);
        this.op.set(op);
        this.type.set(type);
        this.value.set(value);
        this.second.set(second);
    }

    public StringProperty path() {
        return path;
    }

    public ObjectProperty<FilterOp> op() {
        return op;
    }

    public ObjectProperty<ValueType> type() {
        return type;
    }

    public StringProperty value() {
        return value;
    }

    public StringProperty second() {
        return second;
    }

    /** The row as part of a request; a blank path means the row is not used yet. */
    QuerySpec.Filter toFilter() {
        FilterOp operator = op.get();
        ValueType valueType = operator.takesNumber() ? ValueType.N
                : operator == FilterOp.ATTRIBUTE_TYPE ? ValueType.S : type.get();
        List<Attr> values = switch (operator.operands()) {
            case 0 -> List.of();
            case 2 -> List.of(valueType.parse(value.get()), valueType.parse(second.get()));
            case -1 -> valueType.parseList(value.get());
            default -> List.of(valueType.parse(value.get()));
        };
        if (operator == FilterOp.ATTRIBUTE_TYPE && !List.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M")
                .contains(value.get().strip())) {
            throw new IllegalArgumentException("attribute_type takes a type: S, N, B, BOOL, NULL, SS, NS, BS, L or M.");
        }
        if (operator == FilterOp.ATTRIBUTE_TYPE) {
            values = List.of(new Attr.S(value.get().strip()));
        }
        return new QuerySpec.Filter(path.get().strip(), operator, values);
    }
}
