package dev.dynagate.requests.history;

import dev.dynagate.requests.Exchange;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.ui.Operations;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The request history shared by every request tab: newest first, searchable; disk work in the background. */
public final class HistoryPresenter {
    private final HistoryStore store;
    private final Operations operations;
    private final ZoneId zone;
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<HistoryEntry> visible = new FilteredList<>(entries);
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty();

    public HistoryPresenter(HistoryStore store, Operations operations, ZoneId zone) {
        this.store = store;
        this.operations = operations;
        this.zone = zone;
        query.addListener((obs, old, text) -> applyQuery());
    }

    public ObservableList<HistoryEntry> visible() {
        return visible;
    }

    public ObservableList<HistoryEntry> entries() {
        return entries;
    }

    public StringProperty query() {
        return query;
    }

    public StringProperty problem() {
        return problem;
    }

    public CompletableFuture<List<HistoryEntry>> load() {
        CompletableFuture<List<HistoryEntry>> loading = CompletableFuture.supplyAsync(store::load, operations.background());
        loading.whenCompleteAsync((all, error) -> {
            if (error != null) {
                problem.set(error.getCause() == null ? error.getMessage() : error.getCause().getMessage());
            } else {
                entries.setAll(all);
            }
        }, operations.ui());
        return loading;
    }

    /** Keeps a finished exchange; the entry appears at the top once written. */
    public CompletableFuture<HistoryEntry> record(RequestSpec request, Exchange exchange) {
        CompletableFuture<HistoryEntry> writing = CompletableFuture.supplyAsync(() -> store.add(request, exchange),
                operations.background());
        writing.whenCompleteAsync((entry, error) -> {
            if (error != null) {
                problem.set(error.getCause() == null ? error.getMessage() : error.getCause().getMessage());
            } else {
                entries.add(0, entry);
                if (entries.size() > HistoryStore.DEFAULT_LIMIT) {
                    entries.remove(HistoryStore.DEFAULT_LIMIT, entries.size());
                }
            }
        }, operations.ui());
        return writing;
    }

    /** Forgets every entry, on disk too. */
    public CompletableFuture<Void> clear() {
        CompletableFuture<Void> clearing = CompletableFuture.runAsync(store::clear, operations.background());
        clearing.whenCompleteAsync((done, error) -> {
            if (error == null) {
                entries.clear();
            } else {
                problem.set(error.getCause() == null ? error.getMessage() : error.getCause().getMessage());
            }
        }, operations.ui());
        return clearing;
    }

    private void applyQuery() {
        String text = query.get();
        visible.setPredicate(text == null || text.isBlank() ? null
                : entry -> !HistoryStore.filter(List.of(entry), text, zone).isEmpty());
    }
}
