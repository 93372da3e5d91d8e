package dev.dynagate.tables;

import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One table tab: describes the table in the background, then holds the explorer and the editor for it. The
 * read-only flag follows the connection, so switching read-only on disables writes in open tabs at once.
 */
public final class TableTabPresenter {
    private final String tableName;
    private final Supplier<TableDescriber> describer;
    private final Supplier<ItemStore> store;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final Dialogs dialogs;
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ObjectProperty<TableDescription> description = new SimpleObjectProperty<>();
    private final ObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();
    private ItemExplorerPresenter explorer;
    private final List<java.util.function.Consumer<ItemExplorerPresenter>> whenReady = new java.util.ArrayList<>();
    private ItemEditorPresenter editor;
    private ItemImportPresenter importer;

    public TableTabPresenter(String tableName, Supplier<TableDescriber> describer, Supplier<ItemStore> store,
                             ErrorDescriber errors, Operations operations, Dialogs dialogs) {
        this.tableName = tableName;
        this.describer = describer;
        this.store = store;
        this.errors = errors;
        this.operations = operations;
        this.dialogs = dialogs;
    }

    public String tableName() {
        return tableName;
    }

    public BooleanProperty readOnly() {
        return readOnly;
    }

    /** Set once the table is described; the explorer and editor exist from then on. */
    public ObjectProperty<TableDescription> description() {
        return description;
    }

    public ObjectProperty<UserMessage> problem() {
        return problem;
    }

    public ItemExplorerPresenter explorer() {
        return explorer;
    }

    public ItemEditorPresenter editor() {
        return editor;
    }

    public ItemImportPresenter importer() {
        return importer;
    }

    public CompletableFuture<TableDescription> load() {
        problem.set(null);
        CompletableFuture<TableDescription> described = operations.run("Describing " + tableName,
                () -> describer.get().describe(tableName));
        described.whenCompleteAsync((table, error) -> {
            if (error != null) {
                problem.set(Problems.describe(errors, error));
                return;
            }
            if (explorer == null) {
                explorer = new ItemExplorerPresenter(table, store, errors, operations, Clock.systemUTC(), dialogs);
                editor = new ItemEditorPresenter(table, store, errors, operations, dialogs);
                explorer.readOnly().bind(readOnly);
                editor.readOnly().bind(readOnly);
                importer = new ItemImportPresenter(table, store, errors, operations, dialogs, explorer.problem());
                importer.readOnly().bind(readOnly);
                editor.onSaved(explorer::replace);
            }
            description.set(table);
            List<java.util.function.Consumer<ItemExplorerPresenter>> ready = List.copyOf(whenReady);
            whenReady.clear();
            ready.forEach(action -> action.accept(explorer));
        }, operations.ui());
        return described;
    }

    /**
     * Runs an action on the explorer once the table is described and every view listening for that has built
     * itself (at once if that already happened). Used to open a tab with a query filled in and running.
     */
    public void whenReady(java.util.function.Consumer<ItemExplorerPresenter> action) {
        if (description.get() != null) {
            action.accept(explorer);
        } else {
            whenReady.add(action);
        }
    }
}
