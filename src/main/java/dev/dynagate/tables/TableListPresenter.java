package dev.dynagate.tables;

import dev.dynagate.ui.Operations;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * What the tables feature adds to the navigator's list: each table's approximate item count and size, described
 * lazily as rows become visible (a few at a time, so a connection with hundreds of tables is not flooded), and
 * the order: recently opened tables first.
 */
public final class TableListPresenter {
    static final int PARALLEL_DESCRIBES = 4;

    private final Operations operations;
    private final TablePreferences preferences;
    private final ObservableMap<String, TableSummary> summaries = FXCollections.observableHashMap();
    private final ObjectProperty<Comparator<String>> order = new SimpleObjectProperty<>(Comparator.naturalOrder());
    private final javafx.collections.ObservableList<String> recent = FXCollections.observableArrayList();
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(PARALLEL_DESCRIBES);
    private volatile String connectionId;
    private volatile Supplier<TableDescriber> describer;
    private volatile long generation;

    public TableListPresenter(Operations operations, TablePreferences preferences) {
        this.operations = operations;
        this.preferences = preferences;
    }

    public ObservableMap<String, TableSummary> summaries() {
        return summaries;
    }

    /** The connection's recently opened tables, most recent first. */
    public javafx.collections.ObservableList<String> recent() {
        return recent;
    }

    /** Recently opened first (most recent on top), then the rest alphabetically. */
    public ObjectProperty<Comparator<String>> order() {
        return order;
    }

    /** Switches to another connection: forgets the summaries and loads its recent tables in the background. */
    public void show(String id, Supplier<TableDescriber> describerOfConnection) {
        connectionId = id;
        describer = describerOfConnection;
        refresh();
        operations.background().execute(() -> {
            List<String> recent = preferences.recent(id);
            operations.ui().execute(() -> {
                if (id.equals(connectionId)) {
                    this.recent.setAll(recent);
                    order.set(orderOf(recent));
                }
            });
        });
    }

    /** Forgets every summary; they are described again as rows show. */
    public void refresh() {
        generation++;
        requested.clear();
        summaries.clear();
    }

    /** Called when a row shows a table: describes it once, in the background. */
    public void visible(String table) {
        if (describer == null || !requested.add(table)) {
            return;
        }
        long asked = generation;
        Supplier<TableDescriber> source = describer;
        operations.background().execute(() -> {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (asked != generation) {
                    return;
                }
                TableDescription description = source.get().describe(table);
                TableSummary summary = new TableSummary(description.itemCount(), description.sizeBytes());
                operations.ui().execute(() -> {
                    if (asked == generation) {
                        summaries.put(table, summary);
                    }
                });
            } catch (RuntimeException e) {
                // a table we may not describe still lists by name; the count stays unknown
            } finally {
                slots.release();
            }
        });
    }

    /** Remembers that a table was opened, and moves it to the top. */
    public void opened(String table) {
        String id = connectionId;
        if (id == null) {
            return;
        }
        operations.background().execute(() -> {
            preferences.opened(id, table);
            List<String> recent = preferences.recent(id);
            operations.ui().execute(() -> {
                if (id.equals(connectionId)) {
                    this.recent.setAll(recent);
                    order.set(orderOf(recent));
                }
            });
        });
    }

    static Comparator<String> orderOf(List<String> recent) {
        return Comparator.<String>comparingInt(name -> {
            int at = recent.indexOf(name);
            return at < 0 ? Integer.MAX_VALUE : at;
        }).thenComparing(Comparator.naturalOrder());
    }
}
