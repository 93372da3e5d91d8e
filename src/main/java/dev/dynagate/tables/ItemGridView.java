package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The results grid: a virtualised TableView over the loaded items (key columns first), with paging controls, the
 * per-page figures, find (Ctrl+F) and a remembered column layout.
 */
final class ItemGridView extends VBox {
    private static final Comparator<Attr> BY_VALUE = Comparator.nullsLast((a, b) -> {
        if (a instanceof Attr.N x && b instanceof Attr.N y) {
            return x.decimal().compareTo(y.decimal());
        }
        return Cells.render(a).compareTo(Cells.render(b));
    });

    final TableView<Map<String, Attr>> grid = new TableView<>();
    final TextField find = new TextField();
    final Label status = new Label();
    private final ItemExplorerPresenter presenter;
    private final Map<String, TableColumn<Map<String, Attr>, Attr>> columns = new LinkedHashMap<>();
    private final SortedList<Map<String, Attr>> sorted;
    private final PauseTransition saveLayout = new PauseTransition(Duration.millis(600));
    private TablePreferencesFile.ColumnLayout layout;

    ItemGridView(ItemExplorerPresenter presenter, Consumer<Map<String, Attr>> open, TablePreferencesFile.ColumnLayout saved,
                 Consumer<TablePreferencesFile.ColumnLayout> remember) {
        this.presenter = presenter;
        this.layout = saved;
        getStyleClass().add("item-grid");
        sorted = new SortedList<>(presenter.items());
        sorted.comparatorProperty().bind(grid.comparatorProperty());
        grid.setId("item-grid");
        grid.setItems(sorted);
        grid.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        grid.setTableMenuButtonVisible(true);
        grid.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = new Label();
        empty.textProperty().bind(presenter.status());
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        grid.setPlaceholder(empty);
        presenter.columns().addListener((ListChangeListener<String>) c -> syncColumns());
        syncColumns();
        grid.getColumns().addListener((ListChangeListener<TableColumn<Map<String, Attr>, ?>>) c -> saveLayout.playFromStart());
        saveLayout.setOnFinished(e -> remember.accept(currentLayout()));
        grid.setRowFactory(table -> {
            javafx.scene.control.TableRow<Map<String, Attr>> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        grid.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Map<String, Attr> selected = grid.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                open.accept(selected);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && !grid.getSelectionModel().getSelectedItems().isEmpty()) {
                presenter.delete(List.copyOf(grid.getSelectionModel().getSelectedItems()));
                e.consume();
            }
        });
        VBox.setVgrow(grid, Priority.ALWAYS);

        find.setId("find-in-results");
        find.setPromptText("Find in loaded items (Enter: next, Esc: close)");
        find.setVisible(false);
        find.setManaged(false);
        find.setOnAction(e -> findNext());
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                find.setVisible(false);
                find.setManaged(false);
                grid.requestFocus();
            }
        });
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
                find.setVisible(true);
                find.setManaged(true);
                find.requestFocus();
                find.selectAll();
                e.consume();
            }
        });

        getChildren().addAll(find, grid, footer());
    }

    private HBox footer() {
        Button more = new Button("Load more", new FontIcon("fth-chevrons-down"));
        more.setId("load-more");
        more.setOnAction(e -> presenter.loadMore());
        more.disableProperty().bind(presenter.hasMore().not().or(presenter.running()));
        Button all = new Button("Fetch all", new FontIcon("fth-download"));
        all.setId("fetch-all");
        all.setTooltip(new Tooltip());
        all.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> describe(presenter.budget().get()),
                presenter.budget()));
        all.setOnAction(e -> presenter.fetchAll());
        all.disableProperty().bind(presenter.hasMore().not().or(presenter.running()));
        MenuButton limits = budgetMenu();
        Button cancel = new Button("Cancel", new FontIcon("fth-x-circle"));
        cancel.setOnAction(e -> presenter.cancel());
        cancel.visibleProperty().bind(presenter.running());
        cancel.managedProperty().bind(cancel.visibleProperty());
        status.setId("result-status");
        status.textProperty().bind(presenter.status());
        status.getStyleClass().add("result-status");
        Label page = new Label();
        page.getStyleClass().add("page-stats");
        page.textProperty().bind(Bindings.createStringBinding(() -> presenter.pages().isEmpty() ? ""
                : presenter.pages().get(presenter.pages().size() - 1).toString(), presenter.pages()));
        page.setTooltip(new Tooltip());
        page.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                presenter.pages().stream().map(PageStats::toString).toList()), presenter.pages()));
        Label deleted = new Label();
        deleted.textProperty().bind(presenter.deleteSummary());
        deleted.getStyleClass().add("delete-summary");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(8, more, all, limits, cancel, status, gap, deleted, page);
        footer.setAlignment(Pos.CENTER_LEFT);
        Layouts.keepWidth(List.of(more, all, limits, cancel, status));
        page.setMinWidth(0);
        deleted.setMinWidth(0);
        footer.setPadding(new Insets(4, 8, 4, 8));
        footer.getStyleClass().add("grid-footer");
        return footer;
    }

    private static String describe(FetchBudget budget) {
        return "Reads every remaining page, stopping at " + Cells.number(budget.maxItems()) + " items, "
                + Cells.number(budget.maxCapacityUnits()) + " RCU or " + budget.maxTime().toSeconds() + " s";
    }

    /** The budget of "Fetch all": items, read capacity units and seconds, each editable. */
    private MenuButton budgetMenu() {
        FetchBudget start = presenter.budget().get();
        Spinner<Integer> items = new Spinner<>(100, 10_000_000, start.maxItems(), 1000);
        Spinner<Integer> units = new Spinner<>(1, 1_000_000, (int) start.maxCapacityUnits(), 100);
        Spinner<Integer> seconds = new Spinner<>(1, 3600, (int) start.maxTime().toSeconds(), 10);
        for (Spinner<Integer> spinner : List.of(items, units, seconds)) {
            spinner.setEditable(true);
            spinner.setPrefWidth(120);
            spinner.valueProperty().addListener((obs, old, value) -> presenter.budget().set(new FetchBudget(
                    items.getValue(), units.getValue(), java.time.Duration.ofSeconds(seconds.getValue()))));
        }
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        grid.addRow(0, new Label("Stop after items"), items);
        grid.addRow(1, new Label("Stop after RCU"), units);
        grid.addRow(2, new Label("Stop after seconds"), seconds);
        CustomMenuItem content = new CustomMenuItem(grid, false);
        MenuButton menu = new MenuButton(null, new FontIcon("fth-sliders"), content);
        menu.setId("fetch-budget");
        menu.setTooltip(new Tooltip("The budget of Fetch all"));
        return menu;
    }

    private void findNext() {
        int selected = grid.getSelectionModel().getSelectedIndex();
        int from = selected < 0 ? -1 : sorted.getSourceIndex(selected);
        int found = presenter.findNext(find.getText(), from);
        if (found >= 0) {
            int view = sorted.getViewIndex(found);
            grid.getSelectionModel().clearAndSelect(view);
            grid.scrollTo(view);
        }
    }

    private void syncColumns() {
        List<String> names = presenter.columns();
        boolean fresh = false;
        for (String name : names) {
            if (!columns.containsKey(name)) {
                columns.put(name, column(name));
                fresh = true;
            }
        }
        List<TableColumn<Map<String, Attr>, ?>> wanted = new ArrayList<>();
        if (layout != null) {
            layout.order.stream().filter(names::contains).map(columns::get).forEach(wanted::add);
        }
        names.stream().map(columns::get).filter(c -> !wanted.contains(c)).forEach(wanted::add);
        if (fresh || !grid.getColumns().equals(wanted)) {
            grid.getColumns().setAll(wanted);
        }
    }

    private TableColumn<Map<String, Attr>, Attr> column(String name) {
        TableColumn<Map<String, Attr>, Attr> column = new TableColumn<>(name);
        column.setId("column-" + name);
        boolean key = presenter.table().keyColumns(presenter.builder().index().get()).contains(name);
        if (key) {
            column.getStyleClass().add("key-column");
            column.setGraphic(new FontIcon("fth-key"));
        }
        column.setCellValueFactory(row -> new javafx.beans.property.ReadOnlyObjectWrapper<>(row.getValue().get(name)));
        column.setComparator(BY_VALUE);
        column.setCellFactory(c -> new AttrCell());
        column.setPrefWidth(layout != null && layout.widths.containsKey(name) ? layout.widths.get(name) : key ? 160 : 140);
        column.setVisible(layout == null || !layout.hidden.contains(name));
        column.widthProperty().addListener((obs, old, width) -> saveLayout.playFromStart());
        column.visibleProperty().addListener((obs, old, visible) -> saveLayout.playFromStart());
        return column;
    }

    private TablePreferencesFile.ColumnLayout currentLayout() {
        TablePreferencesFile.ColumnLayout now = new TablePreferencesFile.ColumnLayout();
        for (TableColumn<Map<String, Attr>, ?> column : grid.getColumns()) {
            now.order.add(column.getText());
            now.widths.put(column.getText(), column.getWidth());
            if (!column.isVisible()) {
                now.hidden.add(column.getText());
            }
        }
        layout = now;
        return now;
    }

    /** Shows a value compactly, with its type as a style class so numbers align right and containers look muted. */
    private static final class AttrCell extends TableCell<Map<String, Attr>, Attr> {
        @Override
        protected void updateItem(Attr value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().removeIf(s -> s.startsWith("attr-"));
            if (empty || value == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(Cells.render(value));
            getStyleClass().add("attr-" + value.type().toLowerCase(java.util.Locale.ROOT));
        }
    }

}
