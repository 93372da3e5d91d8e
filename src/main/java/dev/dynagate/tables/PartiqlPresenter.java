package dev.dynagate.tables;

import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A PartiQL editor on one connection: runs the statement typed, shows a SELECT's items page by page (DynamoDB
 * answers at most 1 MB a page, and a filtered page may hold none while more remain), and what a write returned.
 * A read-only connection runs SELECT only; a DELETE asks first.
 */
public final class PartiqlPresenter {
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*(?:--[^\\n]*\\n\\s*)*([A-Za-z]+)");

    /** Where the statements run on this connection are remembered. */
    public interface History {
        /** Newest first. */
        List<String> statements();

        void ran(String statement);
    }

    private final Supplier<PartiqlRunner> runner;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final Dialogs dialogs;
    private final BooleanSupplier readOnly;
    private final String connectionName;
    private final StringProperty statement = new SimpleStringProperty("");
    private final ObservableList<Map<String, Attr>> items = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final History remembered;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Type a statement and press Run "
            + "(Ctrl+Enter).");
    private final ObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private String ranStatement;
    private String nextToken;
    private double capacity;
    private int pages;
    private CompletableFuture<PartiqlRunner.Page> inFlight;

    public PartiqlPresenter(Supplier<PartiqlRunner> runner, ErrorDescriber errors, Operations operations,
                            Dialogs dialogs, BooleanSupplier readOnly, String connectionName, History history) {
        this.runner = runner;
        this.remembered = history;
        this.history.setAll(history.statements());
        this.errors = errors;
        this.operations = operations;
        this.dialogs = dialogs;
        this.readOnly = readOnly;
        this.connectionName = connectionName;
    }

    public StringProperty statement() {
        return statement;
    }

    public ObservableList<Map<String, Attr>> items() {
        return items;
    }

    /** The statements run on this connection, newest first: the history menu. */
    public ObservableList<String> history() {
        return history;
    }

    /** Every attribute name of the items shown, in the order first met. */
    public ObservableList<String> columns() {
        return columns;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<UserMessage> problem() {
        return problem;
    }

    public BooleanProperty running() {
        return running;
    }

    public BooleanProperty hasMore() {
        return hasMore;
    }

    /** The statement's first word, upper case ("SELECT"), or empty. */
    static String verb(String text) {
        Matcher m = FIRST_WORD.matcher(text);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
    }

    /** Runs the statement from its first page; what was shown is replaced. */
    public CompletableFuture<Void> run() {
        String text = statement.get().strip();
        if (text.isEmpty()) {
            problem.set(new UserMessage("There is no statement to run.", "Type a SELECT, INSERT, UPDATE or DELETE.",
                    false));
            return CompletableFuture.completedFuture(null);
        }
        String verb = verb(text);
        if (!verb.equals("SELECT") && readOnly.getAsBoolean()) {
            problem.set(new UserMessage("This connection is read-only: only SELECT statements run on it; nothing was "
                    + "sent.", "Turn off read-only in the connection bar to change items.", false));
            return CompletableFuture.completedFuture(null);
        }
        if (verb.equals("DELETE") && !dialogs.confirm("Delete an item", "Run this DELETE on " + connectionName
                + "? The item it names is deleted for good.", "Delete")) {
            return CompletableFuture.completedFuture(null);
        }
        cancel();
        remembered.ran(text);
        history.remove(text);
        history.add(0, text);
        ranStatement = text;
        nextToken = null;
        capacity = 0;
        pages = 0;
        items.clear();
        columns.clear();
        return page(verb);
    }

    /** The next page of the SELECT last run. */
    public CompletableFuture<Void> more() {
        if (ranStatement == null || nextToken == null || running.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return page("SELECT");
    }

    public void cancel() {
        if (inFlight != null) {
            inFlight.cancel(true);
        }
    }

    private CompletableFuture<Void> page(String verb) {
        String text = ranStatement;
        String token = nextToken;
        running.set(true);
        problem.set(null);
        status.set(pages == 0 ? "Running…" : "Reading page " + (pages + 1) + "…");
        CompletableFuture<PartiqlRunner.Page> call = operations.run("Running " + (verb.isEmpty() ? "a statement"
                : verb) + " on " + connectionName, () -> runner.get().execute(text, token));
        inFlight = call;
        return call.handleAsync((page, error) -> {
            if (call != inFlight) {
                return null;
            }
            running.set(false);
            inFlight = null;
            if (error != null) {
                if (Problems.unwrap(error) instanceof CancellationException) {
                    status.set("Stopped.");
                } else {
                    problem.set(explained(verb, Problems.describe(errors, error)));
                    status.set(pages == 0 ? "The statement failed." : "Page " + (pages + 1) + " failed.");
                }
                return null;
            }
            shown(verb, page);
            return null;
        }, operations.ui());
    }

    /** A failed condition says little by itself: what it means for the statement's verb. */
    private static UserMessage explained(String verb, UserMessage message) {
        if (!message.text().contains("conditional request failed")) {
            return message;
        }
        return switch (verb) {
            case "UPDATE" -> new UserMessage(message.text(), "An UPDATE changes an item that exists and meets the rest "
                    + "of the WHERE; it never creates one (INSERT does).", false);
            case "DELETE" -> new UserMessage(message.text(), "The item exists but does not meet the rest of the WHERE, "
                    + "so it was kept.", false);
            default -> message;
        };
    }

    private void shown(String verb, PartiqlRunner.Page page) {
        pages++;
        nextToken = page.nextToken();
        hasMore.set(nextToken != null);
        if (page.capacityUnits() != null) {
            capacity += page.capacityUnits();
        }
        items.addAll(page.items());
        Set<String> names = new LinkedHashSet<>(columns);
        page.items().forEach(item -> names.addAll(item.keySet()));
        if (names.size() != columns.size()) {
            columns.setAll(List.copyOf(names));
        }
        String units = capacity == 0 ? "" : " · " + Cells.number(capacity) + " capacity units";
        if (!verb.equals("SELECT")) {
            status.set(verb + " done" + (items.isEmpty() ? "" : ", " + count(items.size()) + " returned") + units
                    + ".");
            return;
        }
        status.set(count(items.size()) + " in " + pages + (pages == 1 ? " page" : " pages") + units
                + (hasMore.get() ? " — more pages remain" : " — all pages read"));
    }

    private static String count(int n) {
        return Cells.number(n) + (n == 1 ? " item" : " items");
    }
}
