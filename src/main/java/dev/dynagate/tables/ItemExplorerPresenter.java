package dev.dynagate.tables;

import dev.dynagate.tables.transfer.ExportFormat;
import dev.dynagate.tables.transfer.ResultExport;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.LatestOnly;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The item explorer of one table: the query builder's state, the request it makes, and the pages read so far.
 * Reads run in the background; a new run cancels the one in flight and drops its late pages.
 */
public final class ItemExplorerPresenter {
    private final TableDescription table;
    private final Supplier<ItemStore> store;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final Clock clock;
    private final Dialogs dialogs;
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper deleteSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper exportSummary = new ReadOnlyStringWrapper();
    private final BooleanProperty exporting = new SimpleBooleanProperty();
    private final LatestOnly latest = new LatestOnly();
    private final QueryBuilder builder;

    private final ObjectProperty<FetchBudget> budget = new SimpleObjectProperty<>(FetchBudget.standard());


    private final ObservableList<Map<String, Attr>> items = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<PageStats> pages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Run a query or scan to see items.");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty hasMore = new SimpleBooleanProperty(false);
    private final ObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();

    private ReadRequest current;
    private Map<String, Attr> lastKey;
    private long scanned;
    private double capacity;
    private String stopReason;

    public ItemExplorerPresenter(TableDescription table, Supplier<ItemStore> store, ErrorDescriber errors,
                                 Operations operations, Clock clock, Dialogs dialogs) {
        this.table = table;
        this.dialogs = dialogs;
        this.store = store;
        this.errors = errors;
        this.operations = operations;
        this.clock = clock;
        this.builder = new QueryBuilder(table);
    }

    /** True while the connection is read-only: deleting is refused. */
    public BooleanProperty readOnly() {
        return readOnly;
    }

    /** What the last delete did ("Deleted 40 of 40 items."), or progress while it runs. */
    public ReadOnlyStringProperty deleteSummary() {
        return deleteSummary.getReadOnlyProperty();
    }

    /**
     * Deletes the given loaded items after the user confirms (typing the count when there is more than one).
     * One item is deleted on condition that it is unchanged; many go through BatchWriteItem.
     */
    public CompletableFuture<BatchDelete.Summary> delete(List<Map<String, Attr>> selected) {
        if (selected.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (readOnly.get()) {
            problem.set(new UserMessage("This connection is read-only: nothing was deleted.",
                    "Turn off read-only in the connection bar to write.", false));
            return CompletableFuture.completedFuture(null);
        }
        int count = selected.size();
        boolean confirmed = count == 1
                ? dialogs.confirm("Delete item", "Delete the item " + describeKey(selected.get(0)) + " from "
                        + table.name() + "? This cannot be undone.", "Delete")
                : dialogs.confirmTyped("Delete " + count + " items", "Delete " + count + " items from "
                        + table.name() + "? This cannot be undone.", Integer.toString(count));
        if (!confirmed) {
            return CompletableFuture.completedFuture(null);
        }
        List<Map<String, Attr>> keys = selected.stream().map(this::keyOf).toList();
        deleteSummary.set("Deleting " + count + (count == 1 ? " item…" : " items…"));
        CompletableFuture<BatchDelete.Summary> work = operations.run("Deleting " + count + " items from " + table.name(), () -> {
            ItemStore items = store.get();
            if (count == 1) {
                Condition unchanged = Condition.unchanged(selected.get(0));
                // an item too wide to check in one condition is deleted as confirmed, unchecked
                items.delete(table.name(), keys.get(0), unchanged.fitsDynamoDb() ? unchanged : null);
                return new BatchDelete.Summary(1, 1, List.of(), 0);
            }
            return new BatchDelete(items, Thread::sleep, 8).run(table.name(), keys, done ->
                    operations.ui().execute(() -> deleteSummary.set("Deleted " + done + " of " + count + "…")));
        });
        return work.whenCompleteAsync((summary, error) -> {
            if (error != null) {
                Throwable cause = Problems.unwrap(error);
                deleteSummary.set(cause instanceof ConflictException
                        ? "Not deleted: the item changed since it was loaded. Run the query again to see it."
                        : "Delete failed.");
                problem.set(Problems.describe(errors, cause));
                return;
            }
            List<Map<String, Attr>> failed = summary.failed();
            removeByKey(keys.stream().filter(k -> !failed.contains(k)).toList());
            deleteSummary.set(summary.toString());
        }, operations.ui());
    }

    /** What the last export did ("Exported 1,234 items to orders.csv."), or its progress while it runs. */
    public ReadOnlyStringProperty exportSummary() {
        return exportSummary.getReadOnlyProperty();
    }

    public BooleanProperty exporting() {
        return exporting;
    }

    /** A file name for exporting the builder's request: the table (and index) with the format's usual extension. */
    public String suggestedExportName(ExportFormat format) {
        String index = builder.index().get();
        String base = table.name() + (index == null ? "" : "-" + index);
        return base + switch (format) {
            case JSONL -> ".jsonl";
            case DDB_JSON -> ".ddb.json";
            case CSV -> ".csv";
        };
    }

    /**
     * Writes every item the builder's request selects to {@code file}: every page, not only those in the grid, read
     * one at a time in the background and cancellable from the status bar. The file appears only once complete.
     */
    public CompletableFuture<Long> exportResults(ExportFormat format, Path file) {
        ReadRequest request;
        try {
            request = builder.request();
        } catch (IllegalArgumentException e) {
            problem.set(new UserMessage(e.getMessage(), "", false));
            return CompletableFuture.completedFuture(null);
        }
        List<String> keys = table.keyColumns(request.index());
        String name = file.getFileName().toString();
        exporting.set(true);
        problem.set(null);
        exportSummary.set("Exporting to " + name + "…");
        CompletableFuture<Long> work = operations.run("Exporting " + table.name() + " to " + name, () -> {
            try {
                return new ResultExport(store.get()).run(request, keys, format, file, written ->
                        operations.ui().execute(() -> exportSummary.set("Exporting to " + name + "… "
                                + Cells.number(written) + " items")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            }
        });
        return work.whenCompleteAsync((written, error) -> {
            exporting.set(false);
            if (error == null) {
                exportSummary.set("Exported " + Cells.number(written) + (written == 1 ? " item" : " items")
                        + " to " + name + ".");
            } else if (Problems.unwrap(error) instanceof CancellationException) {
                exportSummary.set("Export cancelled: no file written.");
            } else {
                exportSummary.set("Export failed: no file written.");
                problem.set(exportProblem(Problems.unwrap(error), file));
            }
        }, operations.ui());
    }

    private UserMessage exportProblem(Throwable error, Path file) {
        Throwable cause = error instanceof UncheckedIOException unchecked ? unchecked.getCause() : error;
        if (cause instanceof IOException io) {
            return new UserMessage("Could not write " + file + " (" + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : ": " + io.getMessage()) + ").",
                    "Pick a folder you can write to, with room for the export.", false);
        }
        return Problems.describe(errors, cause);
    }

    private String describeKey(Map<String, Attr> item) {
        return String.join(" · ", table.keys().names().stream().map(n -> Cells.render(item.get(n))).toList());
    }

    /** The query builder's state and the request it makes. */
    public QueryBuilder builder() {
        return builder;
    }

    public TableDescription table() {
        return table;
    }

    /** How far "Fetch all" may go. */
    public ObjectProperty<FetchBudget> budget() {
        return budget;
    }

    /** Fetches all remaining pages within {@link #budget()}. */
    public CompletableFuture<Void> fetchAll() {
        return fetchAll(budget.get());
    }

    // results

    public ObservableList<Map<String, Attr>> items() {
        return items;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<PageStats> pages() {
        return pages;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty running() {
        return running;
    }

    public BooleanProperty hasMore() {
        return hasMore;
    }

    public ObjectProperty<UserMessage> problem() {
        return problem;
    }

    // running

    /** Runs the builder's request from the first page. */
    public CompletableFuture<Void> run() {
        ReadRequest request = begin();
        return request == null ? CompletableFuture.completedFuture(null)
                : fetch(request, null, 1, null, "Reading " + table.name());
    }

    /** Reads the next page of the last run. */
    public CompletableFuture<Void> loadMore() {
        if (current == null || lastKey == null) {
            return CompletableFuture.completedFuture(null);
        }
        return fetch(current, lastKey, 1, null, "Reading more of " + table.name());
    }

    /** Reads page after page (from the first, if nothing ran yet) until the end, the budget, or a cancel. */
    public CompletableFuture<Void> fetchAll(FetchBudget budget) {
        if (current == null) {
            ReadRequest request = begin();
            return request == null ? CompletableFuture.completedFuture(null)
                    : fetch(request, null, Integer.MAX_VALUE, budget, "Fetching all of " + table.name());
        }
        if (lastKey == null) {
            return CompletableFuture.completedFuture(null);
        }
        return fetch(current, lastKey, Integer.MAX_VALUE, budget, "Fetching all of " + table.name());
    }

    /** Clears the results for a new run of the builder's request; null (with the problem set) if it is invalid. */
    private ReadRequest begin() {
        ReadRequest request;
        try {
            request = builder.request();
        } catch (IllegalArgumentException e) {
            problem.set(new UserMessage(e.getMessage(), "", false));
            return null;
        }
        current = request;
        lastKey = null;
        scanned = 0;
        capacity = 0;
        stopReason = null;
        hasMore.set(false);
        items.clear();
        pages.clear();
        columns.setAll(table.keyColumns(request.index()));
        return request;
    }

    public void cancel() {
        latest.cancel();
        if (running.get()) {
            running.set(false);
            stopReason = "cancelled";
            updateStatus();
        }
    }

    private CompletableFuture<Void> fetch(ReadRequest request, Map<String, Attr> start, int maxPages,
                                          FetchBudget budget, String description) {
        long ticket = latest.next();
        problem.set(null);
        running.set(true);
        stopReason = null;
        status.set("Reading…");
        int loadedBefore = items.size();
        CompletableFuture<Void> work = operations.run(description,
                () -> readPages(ticket, request, start, maxPages, budget, loadedBefore));
        latest.attach(ticket, work);
        return work.handleAsync((ok, error) -> {
            if (!latest.isCurrent(ticket)) {
                return null;
            }
            running.set(false);
            if (error != null && !(Problems.unwrap(error) instanceof CancellationException)) {
                problem.set(Problems.describe(errors, error));
            } else if (error != null) {
                stopReason = "cancelled";
            }
            updateStatus();
            return null;
        }, operations.ui());
    }

    private Void readPages(long ticket, ReadRequest request, Map<String, Attr> start, int maxPages,
                           FetchBudget budget, int loadedBefore) {
        ItemStore items = store.get();
        Instant began = clock.instant();
        Map<String, Attr> next = start;
        int loaded = loadedBefore;
        double spent = 0;
        for (int page = 0; page < maxPages; page++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
            ItemPage result = items.read(request, next);
            loaded += result.items().size();
            spent += result.consumedCapacity();
            next = result.lastEvaluatedKey();
            String exhausted = budget == null ? null
                    : budget.exhausted(loaded - loadedBefore, spent, Duration.between(began, clock.instant()));
            operations.ui().execute(() -> accept(ticket, result, exhausted));
            if (!result.hasMore() || exhausted != null) {
                break;
            }
        }
        return null;
    }

    private void accept(long ticket, ItemPage page, String exhausted) {
        if (!latest.isCurrent(ticket)) {
            return;
        }
        Set<String> known = new LinkedHashSet<>(columns);
        for (Map<String, Attr> item : page.items()) {
            for (String name : item.keySet()) {
                if (known.add(name)) {
                    columns.add(name);
                }
            }
        }
        items.addAll(page.items());
        scanned += page.scanned();
        capacity += page.consumedCapacity();
        lastKey = page.lastEvaluatedKey();
        hasMore.set(page.hasMore());
        pages.add(new PageStats(pages.size() + 1, page.items().size(), page.scanned(), page.consumedCapacity()));
        if (exhausted != null) {
            stopReason = exhausted;
        }
        updateStatus();
    }

    private void updateStatus() {
        if (running.get()) {
            status.set("Reading… " + ResultStatus.describe(items.size(), scanned, capacity, hasMore.get(),
                    current != null && current.filter() != null));
            return;
        }
        String text = ResultStatus.describe(items.size(), scanned, capacity, hasMore.get(),
                current != null && current.filter() != null);
        status.set(stopReason == null ? text : text + " (" + stopReason + ")");
    }

    /** Replaces a loaded item after it was saved (matched by key), or adds it when it is new. */
    public void replace(Map<String, Attr> oldItem, Map<String, Attr> saved) {
        int at = oldItem == null ? -1 : indexOfKey(oldItem);
        if (at >= 0) {
            items.set(at, saved);
        } else {
            items.add(0, saved);
        }
        saved.keySet().stream().filter(n -> !columns.contains(n)).forEach(columns::add);
    }

    public void removeByKey(List<Map<String, Attr>> keys) {
        for (Map<String, Attr> key : keys) {
            int at = indexOfKey(key);
            if (at >= 0) {
                items.remove(at);
            }
        }
        updateStatus();
    }

    private int indexOfKey(Map<String, Attr> item) {
        Map<String, Attr> key = keyOf(item);
        for (int i = 0; i < items.size(); i++) {
            if (keyOf(items.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The table's primary key of an item. */
    public Map<String, Attr> keyOf(Map<String, Attr> item) {
        Map<String, Attr> key = new java.util.LinkedHashMap<>();
        table.keys().names().forEach(n -> key.put(n, item.get(n)));
        return key;
    }

    /** The next loaded row after {@code from} whose rendered cells contain {@code text} (any case); -1 if none. */
    public int findNext(String text, int from) {
        if (text == null || text.isBlank() || items.isEmpty()) {
            return -1;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        for (int step = 1; step <= items.size(); step++) {
            int i = Math.floorMod(from + step, items.size());
            for (Attr value : items.get(i).values()) {
                if (Cells.render(value).toLowerCase(Locale.ROOT).contains(needle)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
