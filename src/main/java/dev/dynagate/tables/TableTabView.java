package dev.dynagate.tables;

import dev.dynagate.tables.transfer.ExportFormat;
import dev.dynagate.ui.FilePicker;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A table tab: facts, query builder, results grid and (when an item is open) the editor beside the grid. */
public final class TableTabView extends BorderPane {
    private final TableTabPresenter presenter;
    private final Label message = new Label();
    private final Label copied = new Label();
    private final FilePicker picker;
    private TitledPane facts;

    /**
     * @param layouts reads a table's saved column layout; {@code remember} writes it
     * @param copy    puts text on the clipboard (label, text)
     * @param picker  asks where an export goes
     */
    public TableTabView(TableTabPresenter presenter, Function<String, TablePreferencesFile.ColumnLayout> layouts,
                        BiConsumer<String, TablePreferencesFile.ColumnLayout> remember, BiConsumer<String, String> copy,
                        java.util.function.Supplier<String> endpoint, String region, FilePicker picker) {
        this.presenter = presenter;
        this.picker = picker;
        getStyleClass().add("table-tab");
        getStylesheets().add(TableTabView.class.getResource("tables.css").toExternalForm());
        message.getStyleClass().add("empty-state");
        message.setWrapText(true);
        message.setText("Describing " + presenter.tableName() + "…");
        setCenter(message);
        presenter.problem().addListener((obs, old, problem) -> {
            if (problem != null) {
                Button retry = new Button("Try again", new FontIcon("fth-refresh-cw"));
                retry.setOnAction(e -> presenter.load());
                message.setText(problem.oneLine());
                VBox box = new VBox(8, message, retry);
                box.setPadding(new Insets(16));
                setCenter(box);
            }
        });
        presenter.description().addListener((obs, old, table) -> {
            if (table != null && old != null && facts != null) {
                facts.setContent(new TableFactsView(table)); // described again (its time to live changed)
            }
            if (table != null && old == null) {
                build(table, layouts.apply(table.name()), layout -> remember.accept(table.name(), layout),
                        (label, text) -> {
                            copy.accept(label, text);
                            copied.setText("Copied the " + label + ".");
                        }, endpoint, region);
            }
        });
        if (presenter.description().get() != null) {
            TableDescription table = presenter.description().get();
            build(table, layouts.apply(table.name()), layout -> remember.accept(table.name(), layout), copy, endpoint, region);
        }
    }

    /** Import from a file of items, one per line (what Export writes); off while read-only or importing. */
    private Button importButton(ItemImportPresenter importer) {
        Button load = new Button("Import", new FontIcon("fth-upload"));
        load.setId("import-items");
        load.setTooltip(new Tooltip("Write the items of a file (DynamoDB JSON or JSON Lines, one item per line) into "
                + "this table"));
        load.setOnAction(e -> picker.chooseFile("Import into " + presenter.tableName(), "Items, one per line",
                "*.json", "*.jsonl", "*.ndjson", "*.gz").ifPresent(importer::importFrom));
        load.disableProperty().bind(presenter.readOnly().or(importer.importing()));
        return load;
    }

    /** Export of what the builder selects, one entry per format; the file name is asked for first. */
    private MenuButton exportMenu(ItemExplorerPresenter explorer) {
        MenuButton menu = new MenuButton("Export", new FontIcon("fth-file-text"));
        menu.setId("export-results");
        menu.setTooltip(new Tooltip("Write every item this query or scan selects to a file: all pages, not only "
                + "those loaded here"));
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(switch (format) {
                case JSONL -> "JSON Lines: plain JSON, one item per line…";
                case DDB_JSON -> "DynamoDB JSON: one item per line, every type kept…";
                case CSV -> "CSV: one column per attribute…";
            });
            item.setId("export-" + format.cliName());
            item.setOnAction(e -> picker.saveFile("Export " + explorer.table().name(),
                    explorer.suggestedExportName(format)).ifPresent(file -> explorer.exportResults(format, file)));
            menu.getItems().add(item);
        }
        menu.disableProperty().bind(explorer.exporting().or(explorer.builder().specProblem().isNotNull()));
        return menu;
    }

    private void build(TableDescription table, TablePreferencesFile.ColumnLayout layout,
                       Consumer<TablePreferencesFile.ColumnLayout> remember, BiConsumer<String, String> copy,
                       java.util.function.Supplier<String> endpoint, String region) {
        ItemExplorerPresenter explorer = presenter.explorer();
        ItemEditorPresenter editor = presenter.editor();
        facts = new TitledPane(table.name(), new TableFactsView(table));
        facts.setGraphic(new FontIcon("fth-database"));
        facts.getStyleClass().add("facts-pane");
        QueryBuilderView builder = new QueryBuilderView(explorer.builder(), copy, endpoint, region);

        Button run = new Button("Run", new FontIcon("fth-play"));
        run.setId("run-query");
        run.getStyleClass().add("accent");
        run.setTooltip(new Tooltip("Run the query (Ctrl+Enter)"));
        run.setOnAction(e -> explorer.run());
        run.disableProperty().bind(explorer.builder().specProblem().isNotNull());
        Button create = new Button("New item", new FontIcon("fth-plus-square"));
        create.setId("new-item");
        create.setOnAction(e -> editor.create());
        create.disableProperty().bind(presenter.readOnly());
        Label problem = new Label();
        problem.getStyleClass().add("explorer-problem");
        problem.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                explorer.problem().get() == null ? "" : explorer.problem().get().oneLine(), explorer.problem()));
        problem.setWrapText(true);
        Label readOnly = new Label("Read-only", new FontIcon("fth-lock"));
        readOnly.getStyleClass().add("read-only-note");
        readOnly.visibleProperty().bind(presenter.readOnly());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        copied.getStyleClass().add("copied-note");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(problem, Priority.SOMETIMES);
        Button load = importButton(presenter.importer());
        Label imported = new Label();
        imported.setId("import-status");
        imported.getStyleClass().add("copied-note");
        imported.textProperty().bind(presenter.importer().summary());
        Label exported = new Label();
        exported.setId("export-status");
        exported.getStyleClass().add("copied-note");
        exported.textProperty().bind(explorer.exportSummary());
        HBox actions = new HBox(8, run, exportMenu(explorer), problem, gap, copied, exported, imported, readOnly, load,
                create);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(0, 8, 6, 8));
        VBox top = new VBox(facts, builder, actions);

        ItemGridView grid = new ItemGridView(explorer, editor::open, layout, remember);
        ItemEditorView editorView = new ItemEditorView(editor, () -> {
            if (editor.loaded() != null) {
                explorer.delete(java.util.List.of(editor.loaded())).thenAccept(summary -> {
                    if (summary != null && summary.failed().isEmpty()) {
                        editor.close();
                    }
                });
            }
        });
        SplitPane split = new SplitPane(grid);
        editor.isOpen().addListener((obs, old, open) -> {
            if (open && !split.getItems().contains(editorView)) {
                split.getItems().add(editorView);
                split.setDividerPositions(0.58);
            } else if (!open) {
                split.getItems().remove(editorView);
            }
        });
        if (editor.isOpen().get()) {
            split.getItems().add(editorView);
            split.setDividerPositions(0.58);
        }
        setTop(top);
        setCenter(split);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)) {
                if (!run.isDisabled()) {
                    explorer.run();
                }
                e.consume();
            }
        });
    }
}
