package dev.dynagate.partitions;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Partitions tab: scan controls and budget, live progress, the skew line with its basis and hints, the sortable
 * list of partitions beside a chart of the top N, and the sort keys of the collection opened from the list.
 */
public final class PartitionsView extends BorderPane {
    static final String CSS = PartitionsView.class.getResource("partitions.css").toExternalForm();
    private static final int CHART_LABEL = 26;

    final ComboBox<KeySchema> target = new ComboBox<>();
    final TableView<PartitionStats> table = new TableView<>();
    final BarChart<Number, String> chart = new BarChart<>(new NumberAxis(), new CategoryAxis());
    final Button scan = new Button("Scan", new FontIcon("fth-play"));
    final Button cancel = new Button("Cancel", new FontIcon("fth-x"));
    final ListView<String> sortKeys = new ListView<>();
    private final PartitionsPresenter presenter;

    public PartitionsView(PartitionsPresenter presenter) {
        this.presenter = presenter;
        getStyleClass().add("partitions-view");
        getStylesheets().add(CSS);
        setTop(new VBox(controls(), progress(), summary()));
        SplitPane split = new SplitPane(partitionList(), new VBox(8, chartPane(), collectionPane()));
        split.setDividerPositions(0.58);
        setCenter(split);
    }

    private HBox controls() {
        target.setId("partitions-target");
        target.setItems(presenter.targets());
        target.valueProperty().bindBidirectional(presenter.target());
        target.setConverter(new StringConverter<>() {
            public String toString(KeySchema k) {
                return k == null ? "" : (k.isIndex() ? "Index " + k.index() : "Table") + " — " + k.partitionKey()
                        + (k.hasSortKey() ? " + " + k.sortKey() : "");
            }
            public KeySchema fromString(String s) { return null; }
        });
        CheckBox sizes = new CheckBox("Item sizes");
        sizes.setId("partitions-sizes");
        sizes.selectedProperty().bindBidirectional(presenter.withSizes());
        sizes.setTooltip(new Tooltip("Read whole items to measure bytes per collection. Off: a key-only scan, "
                + "faster to transfer, counting items only (capacity is charged for whole items either way)."));
        CheckBox sample = new CheckBox("Sample");
        sample.selectedProperty().bindBidirectional(presenter.sampling());
        sample.setTooltip(new Tooltip("Stop at the budget (" + Figures.count(BudgetForm.DEFAULT_SAMPLE)
                + " items if none is set) and label every figure as an estimate."));
        TextField items = budgetField(presenter.itemBudget(), "items", "partitions-item-budget");
        TextField units = budgetField(presenter.capacityBudget(), "RCU", "partitions-rcu-budget");
        TextField seconds = budgetField(presenter.secondsBudget(), "seconds", "partitions-time-budget");
        scan.setId("partitions-scan");
        scan.getStyleClass().add("accent");
        scan.setDefaultButton(true);
        scan.setOnAction(e -> presenter.start());
        scan.disableProperty().bind(presenter.layout().isNull());
        cancel.setId("partitions-cancel");
        cancel.setOnAction(e -> presenter.cancel());
        cancel.disableProperty().bind(presenter.phase().isNotEqualTo(PartitionsPresenter.Phase.SCANNING));
        Label budget = new Label("Budget");
        budget.getStyleClass().add("muted");
        HBox bar = new HBox(8, target, sizes, sample, new Separator(javafx.geometry.Orientation.VERTICAL), budget,
                items, units, seconds, spacer(), scan, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 4, 10));
        return bar;
    }

    private static TextField budgetField(javafx.beans.property.StringProperty value, String unit, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(unit);
        field.setPrefColumnCount(6);
        field.textProperty().bindBidirectional(value);
        field.setTooltip(new Tooltip("Stop after this many " + unit + "; empty for no limit."));
        return field;
    }

    private HBox progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("partitions-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(presenter.progress());
        Label text = new Label();
        text.setId("partitions-progress-text");
        text.getStyleClass().add("muted");
        text.textProperty().bind(presenter.progressText());
        HBox row = new HBox(10, bar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(2, 10, 4, 10));
        row.visibleProperty().bind(presenter.phase().isEqualTo(PartitionsPresenter.Phase.SCANNING)
                .or(presenter.phase().isEqualTo(PartitionsPresenter.Phase.DONE)));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private VBox summary() {
        Label skew = new Label();
        skew.setId("partitions-skew");
        skew.getStyleClass().add("skew");
        skew.textProperty().bind(presenter.skewText());
        Label basis = new Label();
        basis.setId("partitions-basis");
        basis.setWrapText(true);
        basis.textProperty().bind(presenter.basisText());
        basis.getStyleClass().add("basis");
        presenter.report().addListener((obs, old, report) -> {
            basis.getStyleClass().removeAll("partial");
            if (report != null && !report.basis().isExact()) {
                basis.getStyleClass().add("partial");
            }
        });
        Label problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> presenter.problem().get() == null ? ""
                : presenter.problem().get().oneLine(), presenter.problem()));
        problem.visibleProperty().bind(presenter.problem().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox hints = new VBox(3);
        hints.setId("partitions-hints");
        presenter.hints().addListener((ListChangeListener<Hint>) c -> hints.getChildren().setAll(
                presenter.hints().stream().map(PartitionsView::hintLabel).toList()));
        VBox box = new VBox(4, skew, basis, problem, hints);
        box.setPadding(new Insets(4, 10, 8, 10));
        return box;
    }

    private static Label hintLabel(Hint hint) {
        Label label = new Label(hint.text(), new FontIcon(hint.level() == Hint.Level.WARNING ? "fth-alert-triangle"
                : "fth-info"));
        label.setWrapText(true);
        label.getStyleClass().addAll("hint", hint.level() == Hint.Level.WARNING ? "warning" : "info");
        return label;
    }

    private VBox partitionList() {
        table.setId("partitions-table");
        table.getStyleClass().add("dense");
        TableColumn<PartitionStats, String> key = new TableColumn<>("Partition key");
        key.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().key().display()));
        key.setComparator((a, b) -> a.compareTo(b));
        key.setPrefWidth(180);
        TableColumn<PartitionStats, Long> count = number("Items", PartitionStats::items, false);
        TableColumn<PartitionStats, Long> bytes = number("Bytes", PartitionStats::bytes, true);
        bytes.textProperty().bind(Bindings.createStringBinding(() -> presenter.report().get() == null
                || presenter.report().get().basis().sizesAreItemSizes() ? "Bytes" : "Key bytes", presenter.report()));
        TableColumn<PartitionStats, String> share = new TableColumn<>("Share");
        share.setCellValueFactory(c -> new SimpleStringProperty(shareOf(c.getValue())));
        share.setSortable(false);
        share.setPrefWidth(66);
        share.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<PartitionStats, String> first = text("First sort key", p -> display(p.firstSortKey()));
        TableColumn<PartitionStats, String> last = text("Last sort key", p -> display(p.lastSortKey()));
        TableColumn<PartitionStats, String> groups = text("Sort-key groups", PartitionStats::prefixSummary);
        groups.setPrefWidth(170);
        table.getColumns().setAll(List.of(key, count, bytes, share, first, last, groups));
        SortedList<PartitionStats> sorted = new SortedList<>(presenter.partitions());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        count.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(count);
        table.setPlaceholder(new Label("Press Scan to read the partition keys."));
        table.setRowFactory(t -> {
            TableRow<PartitionStats> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    presenter.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                presenter.open(table.getSelectionModel().getSelectedItem());
            }
        });
        MenuItem open = new MenuItem("Open item collection", new FontIcon("fth-corner-down-right"));
        open.setOnAction(e -> {
            if (table.getSelectionModel().getSelectedItem() != null) {
                presenter.open(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setContextMenu(new ContextMenu(open));
        Label title = sectionTitle("Partitions");
        title.textProperty().bind(Bindings.createStringBinding(() -> "Partitions (" + Figures.count(
                presenter.partitions().size()) + ") — double-click to open a collection", presenter.partitions()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, title, table);
        box.setPadding(new Insets(0, 4, 8, 10));
        return box;
    }

    private String shareOf(PartitionStats p) {
        PartitionReport report = presenter.report().get();
        long total = report != null ? report.items()
                : presenter.partitions().stream().mapToLong(PartitionStats::items).sum();
        return total == 0 ? "" : Figures.percent((double) p.items() / total);
    }

    private static String display(DdbValue value) {
        return value == null ? "" : value.display();
    }

    private static TableColumn<PartitionStats, Long> number(String title, java.util.function.ToLongFunction<PartitionStats> f,
                                                            boolean asBytes) {
        TableColumn<PartitionStats, Long> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(f.applyAsLong(c.getValue())));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : asBytes ? Figures.bytes(value) : Figures.count(value));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setPrefWidth(asBytes ? 100 : 76);
        return column;
    }

    private static TableColumn<PartitionStats, String> text(String title,
                                                            java.util.function.Function<PartitionStats, String> f) {
        TableColumn<PartitionStats, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(f.apply(c.getValue())));
        column.setPrefWidth(110);
        return column;
    }

    private VBox chartPane() {
        chart.setId("partitions-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setBarGap(2);
        chart.setCategoryGap(4);
        chart.setMinHeight(330);
        chart.setPrefHeight(360);
        ComboBox<ChartMetric> metric = new ComboBox<>();
        metric.getItems().setAll(ChartMetric.values());
        metric.valueProperty().bindBidirectional(presenter.chartMetric());
        presenter.top().addListener((ListChangeListener<PartitionStats>) c -> redrawChart());
        presenter.chartMetric().addListener((obs, old, m) -> redrawChart());
        Label title = sectionTitle("Top " + PartitionsPresenter.TOP_N + " partitions by");
        HBox header = new HBox(8, title, metric);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox box = new VBox(4, header, chart);
        box.setPadding(new Insets(0, 10, 0, 6));
        return box;
    }

    private void redrawChart() {
        ChartMetric metric = presenter.chartMetric().get();
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        List<PartitionStats> top = presenter.top();
        // the category axis runs upwards, so the largest goes last to be drawn on top
        for (int i = top.size() - 1; i >= 0; i--) {
            PartitionStats p = top.get(i);
            String label = p.key().display();
            if (label.length() > CHART_LABEL) {
                label = label.substring(0, CHART_LABEL - 1) + "…";
            }
            series.getData().add(new XYChart.Data<>(metric.of(p), label));
        }
        chart.getData().setAll(List.of(series));
        NumberAxis axis = (NumberAxis) chart.getXAxis();
        axis.setLabel(metric == ChartMetric.BYTES ? "bytes" : "items");
        axis.setTickLabelFormatter(new StringConverter<>() {
            public String toString(Number n) {
                return metric == ChartMetric.BYTES ? Figures.bytes(n.longValue()) : Figures.compact(n.longValue());
            }
            public Number fromString(String s) { return null; }
        });
    }

    private VBox collectionPane() {
        Label title = sectionTitle("Item collection");
        title.textProperty().bind(Bindings.createStringBinding(() -> presenter.opened().get() == null
                ? "Item collection — open one from the list" : "Item collection " + presenter.opened().get().key()
                .display(), presenter.opened()));
        Label summary = new Label();
        summary.setId("partitions-sort-key-summary");
        summary.getStyleClass().add("muted");
        summary.setWrapText(true);
        summary.textProperty().bind(presenter.sortKeySummary());
        sortKeys.setId("partitions-sort-keys");
        sortKeys.getStyleClass().add("dense");
        sortKeys.setItems(presenter.sortKeys());
        sortKeys.setPrefHeight(160);
        VBox.setVgrow(sortKeys, Priority.ALWAYS);
        sortKeys.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().add("mono");
            }
        });
        sortKeys.setPlaceholder(new Label("No collection opened."));
        VBox box = new VBox(4, title, summary, sortKeys);
        box.setPadding(new Insets(0, 10, 8, 6));
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Region spacer() {
        Region region = new Region();
        HBox.setHgrow(region, Priority.ALWAYS);
        return region;
    }
}
