package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The query builder: operation, index, typed keys, sort condition and order, filter rows, projection, page size. */
final class QueryBuilderView extends VBox {
    private static final String TABLE = "(table)";
    final ComboBox<QuerySpec.Mode> mode = new ComboBox<>(FXCollections.observableArrayList(QuerySpec.Mode.values()));
    final ComboBox<String> index = new ComboBox<>();
    final TextField partition = new TextField();
    final ComboBox<SortOp> sortOp = new ComboBox<>();
    final TextField sortValue = new TextField();
    final TextField sortSecond = new TextField();
    final ToggleButton descending = new ToggleButton("Descending", new FontIcon("fth-arrow-down"));
    final VBox filterRows = new VBox(4);
    final VBox keyPartRows = new VBox(4);
    final Label plan = new Label();
    final Label warning = new Label();
    final TextArea request = new TextArea();
    private final QueryBuilder presenter;

    QueryBuilderView(QueryBuilder presenter, BiConsumer<String, String> copy,
                     java.util.function.Supplier<String> endpoint, String region) {
        this.presenter = presenter;
        getStyleClass().add("query-builder");
        setSpacing(6);
        setPadding(new Insets(6, 8, 6, 8));
        TableDescription table = presenter.table();

        mode.setId("query-mode");
        mode.setConverter(new javafx.util.StringConverter<>() {
            public String toString(QuerySpec.Mode value) {
                return value == null ? "" : switch (value) {
                    case AUTO -> "Auto";
                    case QUERY -> "Query";
                    case SCAN -> "Scan";
                };
            }

            public QuerySpec.Mode fromString(String text) {
                return QuerySpec.Mode.valueOf(text.toUpperCase(java.util.Locale.ROOT));
            }
        });
        mode.setTooltip(new Tooltip("Auto queries when the partition key is given and scans otherwise"));
        mode.valueProperty().bindBidirectional(presenter.mode());
        List<String> indexNames = new ArrayList<>();
        indexNames.add(TABLE);
        table.indexes().forEach(i -> indexNames.add(i.name()));
        index.setId("query-index");
        index.setItems(FXCollections.observableArrayList(indexNames));
        index.setValue(TABLE);
        index.valueProperty().addListener((obs, old, value) -> presenter.index().set(TABLE.equals(value) ? null : value));
        index.setDisable(table.indexes().isEmpty());

        partition.setId("partition-value");
        partition.textProperty().bindBidirectional(presenter.partitionValue());
        partition.setPrefColumnCount(18);
        HBox.setHgrow(partition, Priority.ALWAYS);
        sortValue.setPrefColumnCount(8);
        sortSecond.setPrefColumnCount(8);
        sortOp.setId("sort-op");
        sortOp.setItems(sortOps());
        sortOp.setPromptText("any");
        sortOp.valueProperty().bindBidirectional(presenter.sortOp());
        sortValue.setId("sort-value");
        sortValue.textProperty().bindBidirectional(presenter.sortValue());
        sortSecond.textProperty().bindBidirectional(presenter.sortSecond());
        sortSecond.visibleProperty().bind(presenter.sortOp().isEqualTo(SortOp.BETWEEN));
        sortSecond.managedProperty().bind(sortSecond.visibleProperty());
        sortSecond.setPromptText("and");
        sortValue.disableProperty().bind(presenter.sortOp().isNull());
        descending.setId("descending");
        descending.setText(null);
        descending.selectedProperty().addListener((obs, old, on) ->
                descending.setGraphic(new FontIcon(on ? "fth-arrow-down" : "fth-arrow-up")));
        descending.setGraphic(new FontIcon("fth-arrow-up"));
        descending.selectedProperty().addListener((obs, old, on) -> presenter.ascending().set(!on));
        descending.setTooltip(new Tooltip("Sort-key order of a Query: ascending (up) or descending (down)"));
        presenter.ascending().addListener((obs, old, up) -> descending.setSelected(!up));
        Label sortLabel = new Label();
        HBox keys = row(new Label("Read"), mode, new Label("from"), index, partitionLabel(), partition,
                sortLabel, sortOp, sortValue, sortSecond, descending);
        presenter.index().addListener((obs, old, value) -> relabel(sortLabel));
        relabel(sortLabel);

        Button addFilter = new Button("Filter", new FontIcon("fth-plus"));
        addFilter.setId("add-filter");
        addFilter.setOnAction(e -> presenter.addFilter());
        ComboBox<QuerySpec.Joiner> joiner = new ComboBox<>(FXCollections.observableArrayList(QuerySpec.Joiner.values()));
        joiner.valueProperty().bindBidirectional(presenter.joiner());
        joiner.setTooltip(new Tooltip("How filter rows combine"));
        TextField projection = new TextField();
        projection.setPromptText("all attributes (or: name, data.values[0])");
        projection.textProperty().bindBidirectional(presenter.projection());
        HBox.setHgrow(projection, Priority.ALWAYS);
        CheckBox consistent = new CheckBox("Consistent read");
        consistent.selectedProperty().bindBidirectional(presenter.consistentRead());
        Spinner<Integer> pageSize = new Spinner<>(1, 10_000, presenter.pageSize().get(), 25);
        pageSize.setId("page-size");
        pageSize.setEditable(true);
        pageSize.setPrefWidth(90);
        pageSize.valueProperty().addListener((obs, old, value) -> presenter.pageSize().set(value));
        // a query opened from elsewhere (a partition drill, a test) sets the size on the builder: show it
        presenter.pageSize().addListener((obs, old, value) -> {
            if (!value.equals(pageSize.getValue())) {
                pageSize.getValueFactory().setValue(value.intValue());
            }
        });
        HBox options = row(addFilter, joiner, new Label("Return"), projection, consistent, new Label("Page size"), pageSize);

        presenter.filters().addListener((ListChangeListener<FilterRow>) c -> rebuildFilters());
        rebuildFilters();
        keyPartRows.setId("key-parts");
        presenter.keyParts().addListener((ListChangeListener<KeyPartRow>) c -> {
            // rows are remade only when the index changes, not as their values are typed
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved();
            }
            if (structural) {
                rebuildKeyParts();
            }
        });
        rebuildKeyParts();

        plan.setId("query-plan");
        plan.textProperty().bind(presenter.plan());
        plan.getStyleClass().add("query-plan");
        plan.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), presenter.specProblem().get() != null);
        presenter.specProblem().addListener((obs, old, value) ->
                plan.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), value != null));
        warning.textProperty().bind(presenter.indexWarning());
        warning.getStyleClass().add("index-warning");
        warning.setGraphic(new FontIcon("fth-alert-triangle"));
        warning.visibleProperty().bind(presenter.indexWarning().isNotNull());
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setWrapText(true);

        request.setId("request-text");
        request.setEditable(false);
        request.setPrefRowCount(8);
        request.textProperty().bind(presenter.requestText());
        request.getStyleClass().add("request-text");
        Button copyCli = new Button("Copy as AWS CLI", new FontIcon("fth-terminal"));
        copyCli.setOnAction(e -> copy.accept("AWS CLI command", RequestSnippets.cli(presenter.request(), endpoint.get(), region)));
        Button copyJava = new Button("Copy as Java SDK v2", new FontIcon("fth-code"));
        copyJava.setOnAction(e -> copy.accept("Java code", RequestSnippets.java(presenter.request())));
        copyCli.disableProperty().bind(presenter.specProblem().isNotNull());
        copyJava.disableProperty().bind(presenter.specProblem().isNotNull());
        TitledPane requestPane = new TitledPane("Request", new VBox(4, request, row(copyCli, copyJava)));
        requestPane.setExpanded(false);
        requestPane.setId("request-pane");
        getChildren().addAll(keys, keyPartRows, filterRows, options, plan, warning, requestPane);
    }

    private Label partitionLabel() {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> presenter.keys().partition().name() + " ="
                , presenter.index()));
        partition.promptTextProperty().bind(Bindings.createStringBinding(() -> "partition key ("
                + presenter.keys().partition().type() + ") — empty to scan", presenter.index()));
        return label;
    }

    private void relabel(Label sortLabel) {
        TableDescription.Key sort = presenter.keys().sort();
        sortLabel.setText(sort == null ? "" : sort.name() + " (" + sort.type() + ")");
        sortOp.setDisable(sort == null);
        sortValue.setPromptText(sort == null ? "" : sort.type().name());
    }

    /** Every sort-key operator, after null for no condition. */
    private static javafx.collections.ObservableList<SortOp> sortOps() {
        List<SortOp> ops = new ArrayList<>();
        ops.add(null);
        ops.addAll(List.of(SortOp.values()));
        return FXCollections.observableArrayList(ops);
    }

    /** One line of inputs for a multi-attribute key's other attributes; none for other keys. */
    private void rebuildKeyParts() {
        keyPartRows.getChildren().clear();
        List<javafx.scene.Node> line = new ArrayList<>();
        line.add(new Label("and"));
        for (KeyPartRow row : presenter.keyParts()) {
            TableDescription.Key key = row.key();
            TextField value = new TextField();
            value.getStyleClass().add("key-part-value");
            value.setPrefColumnCount(8);
            value.setPromptText(key.type().name());
            value.textProperty().bindBidirectional(row.value());
            if (row.partition()) {
                line.add(new Label(key.name() + " ="));
                line.add(value);
                continue;
            }
            ComboBox<SortOp> op = new ComboBox<>(sortOps());
            op.setPromptText("any");
            op.valueProperty().bindBidirectional(row.op());
            value.disableProperty().bind(row.op().isNull());
            TextField second = new TextField();
            second.setPrefColumnCount(8);
            second.setPromptText("and");
            second.textProperty().bindBidirectional(row.second());
            second.visibleProperty().bind(row.op().isEqualTo(SortOp.BETWEEN));
            second.managedProperty().bind(second.visibleProperty());
            line.addAll(List.of(new Label(key.name() + " (" + key.type() + ")"), op, value, second));
        }
        if (line.size() > 1) {
            keyPartRows.getChildren().add(row(line.toArray(new javafx.scene.Node[0])));
        }
        keyPartRows.setVisible(line.size() > 1);
        keyPartRows.setManaged(line.size() > 1);
    }

    private void rebuildFilters() {
        filterRows.getChildren().clear();
        for (FilterRow row : presenter.filters()) {
            filterRows.getChildren().add(filterRow(row));
        }
        filterRows.setVisible(!presenter.filters().isEmpty());
        filterRows.setManaged(!presenter.filters().isEmpty());
    }

    private HBox filterRow(FilterRow row) {
        TextField path = new TextField();
        path.setPromptText("attribute path, e.g. data.values[0]");
        path.textProperty().bindBidirectional(row.path());
        path.getStyleClass().add("filter-path");
        ComboBox<FilterOp> op = new ComboBox<>(FXCollections.observableArrayList(FilterOp.values()));
        op.valueProperty().bindBidirectional(row.op());
        ComboBox<ValueType> type = new ComboBox<>(FXCollections.observableArrayList(ValueType.values()));
        type.valueProperty().bindBidirectional(row.type());
        type.setTooltip(new Tooltip("The type the value is sent as"));
        TextField value = new TextField();
        value.textProperty().bindBidirectional(row.value());
        value.getStyleClass().add("filter-value");
        TextField second = new TextField();
        second.setPromptText("and");
        second.textProperty().bindBidirectional(row.second());
        Runnable shape = () -> {
            FilterOp o = row.op().get();
            boolean none = o.operands() == 0;
            value.setVisible(!none);
            value.setManaged(!none);
            value.setPromptText(o == FilterOp.IN ? "values, comma-separated" : o == FilterOp.ATTRIBUTE_TYPE
                    ? "S, N, B, BOOL, NULL, SS, NS, BS, L or M" : "value");
            boolean two = o.operands() == 2;
            second.setVisible(two);
            second.setManaged(two);
            boolean typed = !none && !o.takesNumber() && o != FilterOp.ATTRIBUTE_TYPE;
            type.setVisible(typed);
            type.setManaged(typed);
        };
        row.op().addListener((obs, old, o) -> shape.run());
        shape.run();
        Button remove = new Button(null, new FontIcon("fth-x"));
        remove.setTooltip(new Tooltip("Remove this filter"));
        remove.setOnAction(e -> presenter.filters().remove(row));
        HBox.setHgrow(path, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        return row(new Label("where"), path, op, type, value, second, remove);
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        Layouts.keepWidth(box.getChildren());
        return box;
    }
}
