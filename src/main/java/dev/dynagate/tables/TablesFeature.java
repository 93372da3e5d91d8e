package dev.dynagate.tables;

import dev.dynagate.connections.Connection;
import dev.dynagate.tables.transfer.TableCopy;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.FilePicker;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The tables feature as the composition root sees it: dresses the navigator's table list and builds table tabs.
 * Each tab stays on the connection it was opened on; its read-only flag follows that connection's switch.
 */
public final class TablesFeature {
    /** What the feature needs per connection; implemented over the SDK in {@code aws}. */
    public interface Services {
        TableDescriber describer(Connection connection);

        ItemStore items(Connection connection);

        ErrorDescriber errors(Connection connection);

        /** The endpoint calls go to (null for AWS itself), for the copied CLI command. */
        URI endpoint(Connection connection);

        TableAdmin admin(Connection connection);

        PartiqlRunner partiql(Connection connection);

        StreamReader streams(Connection connection);
    }

    private final Services services;
    private final Operations operations;
    private final Dialogs dialogs;
    private final TablePreferences preferences;
    private final FilePicker picker;
    private final ObservableValue<Connection> active;
    private final TableListPresenter list;
    private final List<TableTabPresenter> tabs = new ArrayList<>();

    public TablesFeature(Services services, Operations operations, Dialogs dialogs, FilePicker picker,
                         TablePreferences preferences, ObservableValue<Connection> active) {
        this.services = services;
        this.picker = picker;
        this.operations = operations;
        this.dialogs = dialogs;
        this.preferences = preferences;
        this.active = active;
        this.list = new TableListPresenter(operations, preferences);
        active.addListener((obs, old, connection) -> {
            if (connection != null) {
                list.show(connection.id(), () -> services.describer(connection));
            }
        });
        if (active.getValue() != null) {
            Connection connection = active.getValue();
            list.show(connection.id(), () -> services.describer(connection));
        }
    }

    public TableListPresenter list() {
        return list;
    }

    /** Adds counts, sizes and recent-first order to the navigator's list of table names. */
    public void decorate(ListView<String> tableList) {
        TableListDecorator.decorate(tableList, list);
    }

    /** Forgets the navigator's counts (call when the list is refreshed). */
    public void refresh() {
        list.refresh();
    }

    /** The id of the tab for a table of the active connection, so opening it twice selects the open one. */
    public String tabId(String table) {
        Connection connection = active.getValue();
        return "table:" + (connection == null ? "" : connection.id()) + ":" + table;
    }

    /**
     * Asks for a new table's name, keys and billing on the active connection, creates it in the background, and hands
     * its name to {@code created} once it can be used; a failure is shown in a dialog.
     */
    public void newTable(javafx.stage.Window owner, java.util.function.Consumer<String> created) {
        Connection connection = active.getValue();
        if (connection == null) {
            return;
        }
        NewTablePresenter form = new NewTablePresenter(() -> services.admin(current(connection)),
                services.errors(connection), operations, current(connection).readOnly());
        if (NewTableForm.show(owner, connection.name(), form)) {
            form.create().whenCompleteAsync((name, error) -> {
                if (error != null) {
                    dialogs.showError("Table not created", form.describe(error));
                } else {
                    created.accept(name);
                }
            }, operations.ui());
        }
    }

    /** Adds "Delete table…" to the navigator list's context menu; {@code deleted} hears the name once it is gone. */
    public void addDeleteAction(ListView<String> list, java.util.function.Consumer<String> deleted) {
        addListAction(list, "table-delete-action", "Delete table…", "fth-trash-2", table -> deleteTable(table, deleted));
    }

    /** Adds "Time to live…" to the navigator list's context menu. */
    public void addTimeToLiveAction(ListView<String> list) {
        addListAction(list, "table-ttl-action", "Time to live…", "fth-clock", this::changeTimeToLive);
    }

    /** Adds "Capacity…" to the navigator list's context menu. */
    public void addCapacityAction(ListView<String> list) {
        addListAction(list, "table-capacity-action", "Capacity…", "fth-sliders",
                table -> changeCapacity(list.getScene() == null ? null : list.getScene().getWindow(), table));
    }

    /** Adds "Add global index…" and "Delete global index…" to the navigator list's context menu. */
    public void addIndexActions(ListView<String> list) {
        addListAction(list, "table-add-index-action", "Add global index…", "fth-plus-square",
                table -> addGlobalIndex(list.getScene() == null ? null : list.getScene().getWindow(), table));
        addListAction(list, "table-delete-index-action", "Delete global index…", "fth-minus-square",
                this::deleteGlobalIndex);
    }

    /**
     * Adds "Copy to…" to the navigator list's context menu: the selected table, its indexes and items copied to one
     * of the connections {@code targets} gives (the sandbox picked at first); {@code copied} hears the target and
     * the new table's name.
     */
    public void addCopyAction(ListView<String> list, java.util.function.Supplier<List<Connection>> targets,
                              java.util.function.BiConsumer<Connection, String> copied) {
        addListAction(list, "table-copy-action", "Copy to…", "fth-copy", table -> copyTable(
                list.getScene() == null ? null : list.getScene().getWindow(), table, targets.get(), copied));
    }

    /** An entry of the list's context menu acting on the selected table, after any entries others have added. */
    private static void addListAction(ListView<String> list, String id, String text, String icon,
                                      java.util.function.Consumer<String> action) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(text,
                new org.kordamp.ikonli.javafx.FontIcon(icon));
        item.setId(id);
        item.setOnAction(e -> {
            String selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                action.accept(selected);
            }
        });
        if (list.getContextMenu() == null) {
            list.setContextMenu(new javafx.scene.control.ContextMenu());
        }
        list.getContextMenu().getItems().add(item);
    }

    /**
     * Asks which attribute holds the items' expiry (empty: none) and sets the table's time to live to it. DynamoDB
     * changes the attribute of a table whose TTL is on only once it is off, so that case asks to turn it off first.
     * Open tabs of the table read its facts again.
     */
    public CompletableFuture<Void> changeTimeToLive(String table) {
        Connection now = writable("Time to live not changed", "the time to live of " + table + " was not changed.");
        if (now == null) {
            return CompletableFuture.completedFuture(null);
        }
        return operations.run("Reading the time to live of " + table,
                () -> services.describer(now).describe(table).ttlAttribute())
                .thenComposeAsync(current -> {
                    java.util.Optional<String> answer = dialogs.ask("Time to live of " + table, "The attribute "
                            + "holding each item's expiry time, in seconds since 1970 (UTC). DynamoDB deletes an item "
                            + "within days after that time; the sandbox within seconds. Leave it empty to turn time "
                            + "to live off.", current == null ? "expiresAt" : current);
                    if (answer.isEmpty()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    String wanted = answer.get().strip();
                    if (wanted.isEmpty() && current == null || wanted.equals(current)) {
                        return CompletableFuture.completedFuture(null);
                    }
                    if (!wanted.isEmpty() && current != null) {
                        dialogs.showError("Time to live not changed", new UserMessage("Time to live of " + table
                                + " is on with " + current + "; DynamoDB moves it to another attribute only once it "
                                + "is off.", "Clear the field to turn it off first (on AWS it can be turned on again "
                                + "an hour later).", false));
                        return CompletableFuture.completedFuture(null);
                    }
                    boolean enable = !wanted.isEmpty();
                    return operations.run((enable ? "Turning on" : "Turning off") + " the time to live of " + table,
                            () -> {
                                services.admin(now).setTimeToLive(table, enable ? wanted : current, enable);
                                return (Void) null;
                            });
                }, operations.ui())
                .whenCompleteAsync((ok, error) -> {
                    if (error != null) {
                        dialogs.showError("Time to live not changed", Problems.describe(services.errors(now), error));
                        return;
                    }
                    tabs.stream().filter(tab -> tab.tableName().equals(table)).forEach(TableTabPresenter::load);
                }, operations.ui());
    }

    /**
     * Describes the table, asks for its capacity (on demand, or provisioned units) starting from what it has, and
     * changes it in the background; open tabs of the table then read their facts again.
     */
    public CompletableFuture<Void> changeCapacity(javafx.stage.Window owner, String table) {
        Connection now = writable("Capacity not changed", "the capacity of " + table + " was not changed.");
        if (now == null) {
            return CompletableFuture.completedFuture(null);
        }
        return describedThen(table, now, "Capacity not changed", description -> {
            CapacityPresenter form = new CapacityPresenter(description, () -> services.admin(now),
                    services.errors(now), operations);
            return CapacityForm.show(owner, form) ? form.apply() : CompletableFuture.completedFuture(null);
        });
    }

    /**
     * Describes the table, asks for a global index to add, adds it in the background and waits until DynamoDB has
     * filled it; open tabs of the table then read their facts again. A read-only connection refuses before asking.
     */
    public CompletableFuture<Void> addGlobalIndex(javafx.stage.Window owner, String table) {
        Connection now = writable("Index not added", "no index was added to " + table + ".");
        if (now == null) {
            return CompletableFuture.completedFuture(null);
        }
        return describedThen(table, now, "Index not added", description -> {
            AddIndexPresenter form = new AddIndexPresenter(description, () -> services.admin(now),
                    services.errors(now), operations, false);
            return AddIndexForm.show(owner, form) ? form.add() : CompletableFuture.completedFuture(null);
        });
    }

    /**
     * Asks which global index of the table to delete, confirms, deletes it in the background and waits until it is
     * gone; the table's items stay. Local indexes live as long as their table, so only global ones are offered.
     */
    public CompletableFuture<Void> deleteGlobalIndex(String table) {
        Connection now = writable("Index not deleted", "no index of " + table + " was deleted.");
        if (now == null) {
            return CompletableFuture.completedFuture(null);
        }
        return operations.run("Reading the indexes of " + table, () -> services.describer(now).describe(table))
                .thenComposeAsync(description -> {
                    List<String> globals = description.indexes().stream()
                            .filter(i -> i.kind() == TableDescription.IndexKind.GSI).map(TableDescription.Index::name)
                            .toList();
                    if (globals.isEmpty()) {
                        dialogs.showError("No global index", new UserMessage(table + " has no global index to delete.",
                                "", false));
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    java.util.Optional<String> chosen = dialogs.pick("Delete a global index of " + table, "Which "
                            + "global index of " + table + "? Queries on it stop working; the table's items stay.",
                            globals);
                    if (chosen.isEmpty()) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    String index = chosen.get();
                    if (!dialogs.confirm("Delete index " + index, "Delete the index " + index + " of " + table
                            + " on " + now.name() + "? Adding it again means DynamoDB reads every item.", "Delete")) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    return operations.run("Deleting index " + index + " of " + table, () -> {
                        try {
                            services.admin(now).deleteGlobalIndex(table, index);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.util.concurrent.CancellationException("stopped waiting for " + index);
                        }
                        return (Void) null;
                    });
                }, operations.ui())
                .handleAsync((ok, error) -> afterTableChange(table, now, "Index not deleted", error), operations.ui());
    }

    /**
     * Describes the table in the background, then on the UI thread runs {@code change} (a form, then the change it
     * asks for); afterwards a failure is shown under {@code title} and open tabs of the table are described again.
     */
    private <T> CompletableFuture<Void> describedThen(String table, Connection connection, String title,
                                                      java.util.function.Function<TableDescription,
                                                              CompletableFuture<T>> change) {
        return operations.run("Reading " + table, () -> services.describer(connection).describe(table))
                .thenComposeAsync(change, operations.ui())
                .handleAsync((ok, error) -> afterTableChange(table, connection, title, error), operations.ui());
    }

    /** On the UI thread after a change to a table: the failure in a dialog; open tabs of the table described again. */
    private Void afterTableChange(String table, Connection connection, String title, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (!(cause instanceof java.util.concurrent.CancellationException)) {
                dialogs.showError(title, Problems.describe(services.errors(connection), error));
            }
        }
        tabs.stream().filter(tab -> tab.tableName().equals(table)).forEach(TableTabPresenter::load);
        return null;
    }

    /**
     * Shows the Copy table form for {@code table} of the active connection, then creates the table on the target
     * picked with the keys, indexes and time to live of the source and copies every item into it, in the background;
     * says when it is done, and {@code copied} hears where to. A failure is shown in a dialog; a table already there
     * is never written to.
     */
    public CompletableFuture<TableCopy.Result> copyTable(javafx.stage.Window owner, String table,
                                                         List<Connection> targets,
                                                         java.util.function.BiConsumer<Connection, String> copied) {
        Connection connection = active.getValue();
        if (connection == null || targets.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Connection from = current(connection);
        // the sandbox is the safe place to land; from the sandbox, beside the table
        Connection initial = targets.stream().filter(c -> c.kind() == Connection.Kind.SANDBOX).findFirst()
                .orElse(from);
        // a failure is worded by the side it came from: the source while reading, the target once copying
        java.util.concurrent.atomic.AtomicReference<Connection> failing =
                new java.util.concurrent.atomic.AtomicReference<>(from);
        return operations.run("Reading " + table, () -> services.describer(from).describe(table))
                .thenComposeAsync(description -> {
                    CopyTablePresenter form = new CopyTablePresenter(description, from, targets, initial,
                            target -> new TableCopy(services.items(from), services.items(target),
                                    services.admin(target), Thread::sleep, 8), operations);
                    if (!CopyTableForm.show(owner, form)) {
                        return CompletableFuture.<TableCopy.Result>completedFuture(null);
                    }
                    Connection target = form.target().get();
                    String name = form.name().get().strip();
                    failing.set(target);
                    return form.copy().thenApplyAsync(result -> {
                        dialogs.inform("Table copied", form.summary(result));
                        copied.accept(target, name);
                        return result;
                    }, operations.ui());
                }, operations.ui())
                .whenCompleteAsync((result, error) -> {
                    if (error != null && !(Problems.unwrap(error)
                            instanceof java.util.concurrent.CancellationException)) {
                        dialogs.showError("Table not copied", Problems.describe(services.errors(failing.get()), error));
                    }
                }, operations.ui());
    }

    /**
     * Deletes a table of the active connection once the user has typed its name, in the background; a read-only
     * connection refuses, and a failure is shown in a dialog.
     */
    public CompletableFuture<Void> deleteTable(String table, java.util.function.Consumer<String> deleted) {
        Connection now = writable("Table not deleted", table + " was not deleted.");
        if (now == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!dialogs.confirmTyped("Delete table " + table, "Delete the table " + table + " and every item in it from "
                + now.name() + "? This cannot be undone. Type the table's name to confirm.", table)) {
            return CompletableFuture.completedFuture(null);
        }
        return operations.run("Deleting table " + table, () -> {
            services.admin(now).delete(table);
            return (Void) null;
        }).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                dialogs.showError("Table not deleted", Problems.describe(services.errors(now), error));
            } else {
                deleted.accept(table);
            }
        }, operations.ui());
    }

    /** Builds the tab content for a table of the active connection and starts describing it. */
    public Node openTable(String table) {
        Connection connection = active.getValue();
        list.opened(table);
        TableTabPresenter presenter = new TableTabPresenter(table, () -> services.describer(connection),
                () -> services.items(current(connection)), services.errors(connection), operations, dialogs);
        presenter.readOnly().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> current(connection).readOnly(), active));
        tabs.add(presenter);
        TableTabView view = new TableTabView(presenter, name -> preferences.columns(connection.id(), name),
                (name, layout) -> preferences.columns(connection.id(), name, layout), TablesFeature::copy,
                endpointText(connection), connection.region(), picker);
        presenter.load();
        return view;
    }

    /**
     * Opens a table tab that reads one partition (of the table, or of an index when {@code index} is not null) as a
     * Query in sort-key order, run as soon as the table is described. Binary key values are given in base64.
     */
    public Node openPartition(String table, String index, String partitionValue) {
        Node view = openTable(table);
        TableTabPresenter presenter = lastTab();
        presenter.whenReady(explorer -> {
            QueryBuilder builder = explorer.builder();
            builder.index().set(index);
            builder.mode().set(QuerySpec.Mode.QUERY);
            builder.partitionValue().set(partitionValue);
            builder.ascending().set(true);
            explorer.run();
        });
        return view;
    }

    /** The tab id for one partition's tab, distinct from the table's own tab. */
    /** The PartiQL tab of the active connection: one per connection. */
    public String partiqlTabId() {
        Connection connection = active.getValue();
        return "partiql:" + (connection == null ? "" : connection.id());
    }

    /**
     * A PartiQL editor on the active connection, starting with a SELECT of {@code table}. It stays on that
     * connection; its read-only switch follows the connection bar.
     */
    public Node openPartiql(String table) {
        Connection connection = active.getValue();
        PartiqlPresenter presenter = new PartiqlPresenter(() -> services.partiql(current(connection)),
                services.errors(connection), operations, dialogs, () -> current(connection).readOnly(),
                connection.name(), new PartiqlPresenter.History() {
                    @Override
                    public List<String> statements() {
                        return preferences.statements(connection.id());
                    }

                    @Override
                    public void ran(String statement) {
                        preferences.ran(connection.id(), statement);
                    }
                });
        presenter.statement().set("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"");
        return new PartiqlView(presenter, connection.name(), statement -> copy("AWS CLI command",
                RequestSnippets.partiqlCli(statement, endpointText(connection).get(), connection.region())));
    }

    /** The stream tab of a table on the active connection. */
    public String streamTabId(String table) {
        return "stream:" + tabId(table);
    }

    /**
     * The changes to {@code table}'s items as its DynamoDB stream records them, on the active connection. Reading
     * stops when the tab closes.
     */
    public Node openStream(String table) {
        Connection connection = active.getValue();
        StreamPresenter presenter = new StreamPresenter(() -> services.streams(current(connection)),
                services.errors(connection), operations, task -> CompletableFuture.delayedExecutor(1,
                        TimeUnit.SECONDS).execute(() -> operations.ui().execute(task)), table,
                new StreamPresenter.Context(dialogs, () -> current(connection).readOnly(), connection.name()));
        return new StreamView(presenter, table, connection.name());
    }

    /** Adds "Stream…" to the navigator list's context menu; {@code open} opens the tab for the selected table. */
    public void addStreamAction(ListView<String> list, java.util.function.Consumer<String> open) {
        addListAction(list, "table-stream-action", "Stream…", "fth-activity", open);
    }

    /** Adds "PartiQL…" to the navigator list's context menu; {@code open} opens the tab for the selected table. */
    public void addPartiqlAction(ListView<String> list, java.util.function.Consumer<String> open) {
        addListAction(list, "table-partiql-action", "PartiQL…", "fth-terminal", open);
    }

    public String partitionTabId(String table, String index, String partitionValue) {
        return tabId(table) + ":" + (index == null ? "" : index) + ":" + partitionValue;
    }

    /** The presenter of the tab opened last (for tests). */
    TableTabPresenter lastTab() {
        return tabs.isEmpty() ? null : tabs.get(tabs.size() - 1);
    }

    /**
     * The endpoint a copied command needs (none for AWS itself), resolved when the user copies it: by then the
     * connection has been used, so the sandbox's endpoint is up.
     */
    private java.util.function.Supplier<String> endpointText(Connection connection) {
        return () -> {
            URI uri = connection.kind() == Connection.Kind.PROFILE ? null : endpointOrNull(connection);
            return uri == null ? null : uri.toString();
        };
    }

    private URI endpointOrNull(Connection connection) {
        try {
            return services.endpoint(connection);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The active connection as it is now when it may be written to; otherwise null, after saying in a dialog titled
     * {@code title} that {@code notDone} (a read-only connection refuses before any question is asked).
     */
    private Connection writable(String title, String notDone) {
        Connection connection = active.getValue();
        if (connection == null) {
            return null;
        }
        Connection now = current(connection);
        if (now.readOnly()) {
            dialogs.showError(title, new UserMessage("This connection is read-only: " + notDone,
                    "Turn off read-only in the connection bar.", false));
            return null;
        }
        return now;
    }

    /** The connection as it is now (read-only may have been switched since the tab opened). */
    private Connection current(Connection opened) {
        Connection now = active.getValue();
        return now != null && now.id().equals(opened.id()) ? now : opened;
    }

    private static void copy(String label, String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
