package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The query builder's state — operation, index, typed keys, sort condition and order, filter rows, projection —
 * and, kept up to date as it changes, the request it makes, the plan in words, and what stops it being sent.
 */
public final class QueryBuilder {
    private final TableDescription table;
    private final ObjectProperty<QuerySpec.Mode> mode = new SimpleObjectProperty<>(QuerySpec.Mode.AUTO);
    private final ObjectProperty<String> index = new SimpleObjectProperty<>();
    private final StringProperty partitionValue = new SimpleStringProperty("");
    private final ObjectProperty<SortOp> sortOp = new SimpleObjectProperty<>();
    private final StringProperty sortValue = new SimpleStringProperty("");
    private final StringProperty sortSecond = new SimpleStringProperty("");
    private final BooleanProperty ascending = new SimpleBooleanProperty(true);
    private final ObservableList<FilterRow> filters = FXCollections.observableArrayList(
            row -> new Observable[] {row.path(), row.op(), row.type(), row.value(), row.second()});
    private final ObjectProperty<QuerySpec.Joiner> joiner = new SimpleObjectProperty<>(QuerySpec.Joiner.AND);
    private final StringProperty projection = new SimpleStringProperty("");
    private final BooleanProperty consistentRead = new SimpleBooleanProperty(false);
    private final IntegerProperty pageSize = new SimpleIntegerProperty(100);
    /** For an index with a multi-attribute key: its partition attributes after the first, then its sort attributes. */
    private final ObservableList<KeyPartRow> keyParts = FXCollections.observableArrayList(
            row -> new Observable[] {row.op(), row.value(), row.second()});

    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper requestText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper specProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper indexWarning = new ReadOnlyStringWrapper();

    public QueryBuilder(TableDescription table) {
        this.table = table;
        // registered first, so the rows match the new index before the request is described again
        index.addListener(o -> rebuildKeyParts());
        rebuildKeyParts();
        for (Observable input : List.<Observable>of(mode, index, partitionValue, sortOp, sortValue, sortSecond,
                ascending, filters, joiner, projection, consistentRead, pageSize, keyParts)) {
            input.addListener(o -> describeRequest());
        }
        describeRequest();
    }


    public TableDescription table() {
        return table;
    }

    public ObjectProperty<QuerySpec.Mode> mode() {
        return mode;
    }

    /** The index to read; null for the table itself. */
    public ObjectProperty<String> index() {
        return index;
    }

    public StringProperty partitionValue() {
        return partitionValue;
    }

    /** null: no sort-key condition. */
    public ObjectProperty<SortOp> sortOp() {
        return sortOp;
    }

    public StringProperty sortValue() {
        return sortValue;
    }

    public StringProperty sortSecond() {
        return sortSecond;
    }

    public BooleanProperty ascending() {
        return ascending;
    }

    public ObservableList<FilterRow> filters() {
        return filters;
    }

    public ObjectProperty<QuerySpec.Joiner> joiner() {
        return joiner;
    }

    /** Comma-separated attribute paths; blank for all attributes. */
    public StringProperty projection() {
        return projection;
    }

    public BooleanProperty consistentRead() {
        return consistentRead;
    }

    public IntegerProperty pageSize() {
        return pageSize;
    }

    /**
     * The inputs for a multi-attribute key's other attributes: partition attributes after the first, then sort
     * attributes after the first (the partition and sort fields hold the first of each). Empty for other keys.
     */
    public ObservableList<KeyPartRow> keyParts() {
        return keyParts;
    }

    private void rebuildKeyParts() {
        TableDescription.KeySchema keys = keys();
        List<KeyPartRow> rows = new ArrayList<>();
        keys.partitions().stream().skip(1).forEach(k -> rows.add(new KeyPartRow(k, true)));
        keys.sorts().stream().skip(1).forEach(k -> rows.add(new KeyPartRow(k, false)));
        keyParts.setAll(rows);
    }

    public FilterRow addFilter() {
        FilterRow row = new FilterRow();
        filters.add(row);
        return row;
    }

    /** The key schema of what is being read, for labelling and typing the key fields. */
    public TableDescription.KeySchema keys() {
        return table.keysOf(index.get());
    }


    public ReadOnlyStringProperty plan() {
        return plan.getReadOnlyProperty();
    }

    /** The exact request: operation, expressions, names and values. */
    public ReadOnlyStringProperty requestText() {
        return requestText.getReadOnlyProperty();
    }

    /** Why the builder's state cannot be sent yet; null when it can. */
    public ReadOnlyStringProperty specProblem() {
        return specProblem.getReadOnlyProperty();
    }

    /** Set when the chosen index does not project every attribute. */
    public ReadOnlyStringProperty indexWarning() {
        return indexWarning.getReadOnlyProperty();
    }

    public QuerySpec spec() {
        List<QuerySpec.Filter> rows = filters.stream().filter(r -> !r.path().get().isBlank())
                .map(FilterRow::toFilter).toList();
        TableDescription.KeySchema keys = keys();
        String pk = partitionValue.get();
        Attr partition = pk == null || pk.isEmpty() ? null : ValueType.of(keys.partition().type()).parse(pk);
        QuerySpec.SortCondition sort = null;
        if (sortOp.get() != null && keys.sort() != null) {
            ValueType type = ValueType.of(keys.sort().type());
            sort = new QuerySpec.SortCondition(sortOp.get(), type.parse(sortValue.get()),
                    sortOp.get().operands() == 2 ? type.parse(sortSecond.get()) : null);
        }
        List<String> projected = new ArrayList<>();
        for (String part : projection.get().split(",")) {
            if (!part.isBlank()) {
                projected.add(part.strip());
            }
        }
        List<Attr> partitionParts = new ArrayList<>();
        List<QuerySpec.SortCondition> sortParts = new ArrayList<>();
        for (KeyPartRow row : keyParts) {
            if (row.partition()) {
                partitionParts.add(row.partitionValue());
            } else {
                sortParts.add(row.sortCondition());
            }
        }
        return new QuerySpec(table.name(), index.get(), mode.get(), partition, sort, rows, joiner.get(), projected,
                consistentRead.get(), Math.max(1, pageSize.get()), ascending.get(),
                new QuerySpec.KeyParts(partitionParts, sortParts));
    }

    private void describeRequest() {
        String indexName = index.get();
        indexWarning.set(table.index(indexName).filter(TableDescription.Index::hidesAttributes)
                .map(i -> "Index " + i.name() + " projects " + i.projection()
                        + (i.nonKeyAttributes().isEmpty() ? "" : " (" + String.join(", ", i.nonKeyAttributes()) + ")")
                        + ": items show only the projected attributes, not the whole item.")
                .orElse(null));
        try {
            ReadRequest request = RequestBuilder.build(spec(), table);
            if (request.consistentRead() && table.index(indexName)
                    .map(i -> i.kind() == TableDescription.IndexKind.GSI).orElse(false)) {
                throw new IllegalArgumentException("A global secondary index cannot be read consistently.");
            }
            specProblem.set(null);
            plan.set(request.plan());
            requestText.set(RequestSnippets.describe(request));
        } catch (IllegalArgumentException e) {
            specProblem.set(e.getMessage());
            plan.set(e.getMessage());
            requestText.set("");
        }
    }

    /** The request the builder makes now; throws IllegalArgumentException with a message for people. */
    public ReadRequest request() {
        if (specProblem.get() != null) {
            throw new IllegalArgumentException(specProblem.get());
        }
        return RequestBuilder.build(spec(), table);
    }

}
