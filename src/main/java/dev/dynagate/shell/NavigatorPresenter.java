package dev.dynagate.shell;

import dev.dynagate.connections.Connection;
import dev.dynagate.tables.TableCatalog;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.LatestOnly;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The navigator's Tables section: every table of the active connection, listed page by page in the background,
 * filterable. A newer connection or refresh wins over an older listing still in flight.
 */
public final class NavigatorPresenter {
    static final int PAGE_SIZE = 100;

    public enum State { IDLE, LOADING, READY, EMPTY, FAILED }

    private final Function<Connection, TableCatalog> catalogs;
    private final Function<Connection, ErrorDescriber> errors;
    private final Operations operations;
    private final LatestOnly latest = new LatestOnly();

    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final FilteredList<String> visibleTables = new FilteredList<>(tables);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final ObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();
    private Connection connection;

    public NavigatorPresenter(Function<Connection, TableCatalog> catalogs, Function<Connection, ErrorDescriber> errors,
                              Operations operations) {
        this.catalogs = catalogs;
        this.errors = errors;
        this.operations = operations;
        filter.addListener((obs, old, text) -> {
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            visibleTables.setPredicate(needle.isEmpty() ? null : name -> name.toLowerCase(Locale.ROOT).contains(needle));
        });
    }

    public ObservableList<String> visibleTables() {
        return visibleTables;
    }

    public ObservableList<String> tables() {
        return tables;
    }

    public StringProperty filter() {
        return filter;
    }

    public ObjectProperty<State> state() {
        return state;
    }

    public ObjectProperty<UserMessage> problem() {
        return problem;
    }

    public CompletableFuture<List<String>> show(Connection value) {
        connection = value;
        return refresh();
    }

    /** Lists every table again; pages appear as they arrive. */
    public CompletableFuture<List<String>> refresh() {
        Connection target = connection;
        tables.clear();
        problem.set(null);
        state.set(State.LOADING);
        return latest.run(operations, "Listing tables of " + target.name(), ticket -> listAll(target, ticket),
                (names, error) -> {
                    if (error != null) {
                        problem.set(errors.apply(target).describe(error));
                        state.set(State.FAILED);
                    } else {
                        state.set(names.isEmpty() ? State.EMPTY : State.READY);
                    }
                });
    }

    private List<String> listAll(Connection target, long ticket) {
        TableCatalog catalog = catalogs.apply(target);
        List<String> all = new ArrayList<>();
        String start = null;
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException();
            }
            TableCatalog.TableNamesPage page = catalog.listTableNames(start, PAGE_SIZE);
            all.addAll(page.names());
            List<String> pageNames = page.names();
            operations.ui().execute(() -> {
                if (latest.isCurrent(ticket)) {
                    tables.addAll(pageNames);
                }
            });
            start = page.nextStart();
        } while (start != null);
        return all;
    }
}
