package dev.dynagate.tables;

import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The item editor: one item as DynamoDB JSON or plain JSON, saved with a condition on what was loaded so a
 * change made by someone else since is never silently overwritten.
 */
public final class ItemEditorPresenter {
    public enum Format { DYNAMODB_JSON, PLAIN_JSON }

    /** Both sides of a failed conditional save. {@code theirs} is null when the item was deleted meanwhile. */
    public record Conflict(Map<String, Attr> mine, Map<String, Attr> theirs) {
    }

    private final TableDescription table;
    private final Supplier<ItemStore> store;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final Dialogs dialogs;
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.DYNAMODB_JSON);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<JsonProblem> parseProblem = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PlainJson.TypeChange> typeChanges = FXCollections.observableArrayList();
    private final ObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<Conflict> conflict = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("No item");
    private final StringProperty keptTypes = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private BiConsumer<Map<String, Attr>, Map<String, Attr>> onSaved = (old, saved) -> { };
    private Map<String, Attr> loaded;
    private boolean switching;

    public ItemEditorPresenter(TableDescription table, Supplier<ItemStore> store, ErrorDescriber errors,
                               Operations operations, Dialogs dialogs) {
        this.table = table;
        this.store = store;
        this.errors = errors;
        this.operations = operations;
        this.dialogs = dialogs;
        text.addListener((obs, old, value) -> validate());
        format.addListener((obs, old, value) -> convert(old, value));
    }

    public BooleanProperty readOnly() {
        return readOnly;
    }

    public ObjectProperty<Format> format() {
        return format;
    }

    public StringProperty text() {
        return text;
    }

    public ReadOnlyObjectProperty<JsonProblem> parseProblem() {
        return parseProblem.getReadOnlyProperty();
    }

    public ObservableList<PlainJson.TypeChange> typeChanges() {
        return typeChanges;
    }

    public ObjectProperty<UserMessage> problem() {
        return problem;
    }

    public ObjectProperty<Conflict> conflict() {
        return conflict;
    }

    /** In plain JSON: the values whose stored type plain JSON cannot show (sets, binary), which a save keeps. */
    public StringProperty keptTypes() {
        return keptTypes;
    }

    /** What the last save did besides writing the edits (attributes someone else added, kept); empty otherwise. */
    public StringProperty notice() {
        return notice;
    }

    public StringProperty title() {
        return title;
    }

    public BooleanProperty isOpen() {
        return open;
    }

    public BooleanProperty saving() {
        return saving;
    }

    /** The item as it was loaded (or last saved); null for a new item. */
    public Map<String, Attr> loaded() {
        return loaded;
    }

    /** Called with (item as loaded, item as saved) after a successful save. */
    public void onSaved(BiConsumer<Map<String, Attr>, Map<String, Attr>> listener) {
        onSaved = listener;
    }

    /**
     * Opens a row of the grid for editing. The row may be partial (an index projecting only some attributes, a
     * projection expression), and saving a partial item would drop the rest; so the whole item is read again by
     * its key, consistently, and that is what gets edited.
     */
    public CompletableFuture<Boolean> open(Map<String, Attr> row) {
        Map<String, Attr> key = keyOf(row);
        problem.set(null);
        notice.set("");
        title.set("Loading item " + describeKey(row) + "…");
        open.set(true);
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        operations.run("Reading item " + describeKey(row) + " of " + table.name(),
                () -> store.get().get(table.name(), key)).whenCompleteAsync((item, error) -> {
                    if (error != null) {
                        problem.set(Problems.describe(errors, error));
                        title.set("Item " + describeKey(row));
                        result.complete(false);
                    } else if (item.isEmpty()) {
                        problem.set(new UserMessage("The item " + describeKey(row) + " no longer exists.",
                                "Run the query again to see the table as it is now.", false));
                        title.set("Item " + describeKey(row));
                        result.complete(false);
                    } else {
                        edit(item.get());
                        result.complete(true);
                    }
                }, operations.ui());
        return result;
    }

    public void edit(Map<String, Attr> item) {
        loaded = item;
        typeHints = item;
        conflict.set(null);
        problem.set(null);
        notice.set("");
        title.set("Item " + describeKey(item));
        open.set(true);
        showText(item);
    }

    /** A new item with the key attributes present and empty. */
    public void create() {
        Map<String, Attr> template = new LinkedHashMap<>();
        for (TableDescription.Key key : keyList()) {
            template.put(key.name(), switch (key.type()) {
                case S -> new Attr.S("");
                case N -> new Attr.N("0");
                case B -> new Attr.B(new byte[0]);
            });
        }
        startNew(template, "New item");
    }

    /** A copy of the item being edited, saved as a new item (its key must be changed first). */
    public void duplicate() {
        Optional<Map<String, Attr>> current = tryParse();
        startNew(current.orElse(loaded == null ? Map.of() : loaded), "Copy of " + (loaded == null ? "new item" : describeKey(loaded)));
    }

    private void startNew(Map<String, Attr> item, String heading) {
        loaded = null;
        conflict.set(null);
        problem.set(null);
        notice.set("");
        title.set(heading);
        open.set(true);
        typeHints = item;
        showText(item);
    }

    private Map<String, Attr> typeHints = Map.of();

    private Map<String, Attr> hints() {
        return typeHints;
    }

    public void close() {
        open.set(false);
        loaded = null;
        text.set("");
    }

    private void showText(Map<String, Attr> item) {
        switching = true;
        try {
            text.set(format.get() == Format.PLAIN_JSON ? PlainJson.write(item) : DynamoJson.write(item));
        } finally {
            switching = false;
        }
        validate();
    }

    private void convert(Format from, Format to) {
        if (!open.get()) {
            return;
        }
        try {
            Map<String, Attr> item = parse(from);
            switching = true;
            try {
                text.set(to == Format.PLAIN_JSON ? PlainJson.write(item) : DynamoJson.write(item));
            } finally {
                switching = false;
            }
            // plain text from here on is read against the types the DynamoDB JSON spelled out
            typeHints = item;
            validate();
        } catch (JsonProblem e) {
            switching = true;
            format.set(from);
            switching = false;
            parseProblem.set(e);
        }
    }

    private Map<String, Attr> parse(Format as) {
        if (as == Format.PLAIN_JSON) {
            PlainJson.Parsed parsed = PlainJson.parse(text.get(), hints());
            return parsed.item();
        }
        return DynamoJson.parse(text.get());
    }

    private void validate() {
        if (switching) {
            return;
        }
        try {
            if (format.get() == Format.PLAIN_JSON) {
                PlainJson.Parsed parsed = PlainJson.parse(text.get(), hints());
                keptTypes.set(hidden(parsed.item()));
                typeChanges.setAll(changedTypes(loaded == null ? Map.of() : loaded, parsed.item()));
                checkKeys(parsed.item());
            } else {
                Map<String, Attr> item = DynamoJson.parse(text.get());
                keptTypes.set("");
                typeChanges.setAll(changedTypes(loaded == null ? Map.of() : loaded, item));
                checkKeys(item);
            }
            parseProblem.set(null);
        } catch (JsonProblem e) {
            parseProblem.set(e);
        }
    }

    private static String hidden(Map<String, Attr> item) {
        List<String> names = item.entrySet().stream()
                .filter(e -> List.of("SS", "NS", "BS", "B").contains(e.getValue().type()))
                .map(e -> e.getKey() + " " + e.getValue().type()).toList();
        return names.isEmpty() ? "" : "Kept as stored: " + String.join(", ", names);
    }

    /** Every value, at any depth, whose type differs from the same path in {@code before}. */
    static List<PlainJson.TypeChange> changedTypes(Map<String, Attr> before, Map<String, Attr> after) {
        List<PlainJson.TypeChange> out = new java.util.ArrayList<>();
        after.forEach((name, value) -> compare(name, before.get(name), value, out));
        return out;
    }

    private static void compare(String path, Attr before, Attr after, List<PlainJson.TypeChange> out) {
        if (before == null) {
            return;
        }
        if (!before.type().equals(after.type())) {
            out.add(new PlainJson.TypeChange(path, before.type(), after.type()));
        } else if (before instanceof Attr.M m && after instanceof Attr.M n) {
            n.values().forEach((name, value) -> compare(path + "." + name, m.values().get(name), value, out));
        } else if (before instanceof Attr.L l && after instanceof Attr.L k) {
            for (int i = 0; i < Math.min(l.values().size(), k.values().size()); i++) {
                compare(path + "[" + i + "]", l.values().get(i), k.values().get(i), out);
            }
        }
    }

    private void checkKeys(Map<String, Attr> item) {
        for (TableDescription.Key key : keyList()) {
            Attr value = item.get(key.name());
            if (value == null) {
                throw problemAt("The key attribute \"" + key.name() + "\" is missing.", null);
            }
            if (!value.type().equals(key.type().name())) {
                throw problemAt("The key attribute \"" + key.name() + "\" must be " + key.type() + ", not "
                        + value.type() + ".", key.name());
            }
        }
    }

    private JsonProblem problemAt(String message, String attribute) {
        int[] at = attribute == null ? new int[] {0, 0} : ItemJson.locate(text.get(), attribute);
        return new JsonProblem(message, at[0], at[1]);
    }

    private List<TableDescription.Key> keyList() {
        TableDescription.KeySchema keys = table.keys();
        return keys.sort() == null ? List.of(keys.partition()) : List.of(keys.partition(), keys.sort());
    }

    /** The item the editor holds now, if its text is valid. */
    public Optional<Map<String, Attr>> tryParse() {
        try {
            Map<String, Attr> item = parse(format.get());
            checkKeys(item);
            return Optional.of(item);
        } catch (JsonProblem e) {
            return Optional.empty();
        }
    }

    /**
     * Saves the item: as new (only if no item has its key) or over the loaded one (only if it is unchanged).
     * Type changes are shown and must be confirmed first. With the same key only the edits are written, so attributes
     * someone else added meanwhile are kept (and named in {@link #notice}). Completes with true when the table holds
     * the edits (nothing is written when there are none).
     */
    public CompletableFuture<Boolean> save() {
        if (readOnly.get()) {
            problem.set(new UserMessage("This connection is read-only: nothing was saved.",
                    "Turn off read-only in the connection bar to write.", false));
            return CompletableFuture.completedFuture(false);
        }
        validate();
        if (parseProblem.get() != null) {
            problem.set(new UserMessage(parseProblem.get().located(), "", false));
            return CompletableFuture.completedFuture(false);
        }
        Map<String, Attr> item = tryParse().orElseThrow();
        if (!typeChanges.isEmpty() && !dialogs.confirm("Change types?", "Saving changes the type of "
                + typeChanges.size() + (typeChanges.size() == 1 ? " value" : " values") + ":\n"
                + String.join("\n", typeChanges.stream().map(PlainJson.TypeChange::toString).toList()), "Save")) {
            return CompletableFuture.completedFuture(false);
        }
        Map<String, Attr> original = loaded;
        boolean sameKey = original != null && keyOf(original).equals(keyOf(item));
        Condition condition = sameKey ? Condition.unchanged(original) : Condition.absent(table.keys().names());
        if (sameKey) {
            ItemChange change = ItemChange.between(original, item, table.keys().names());
            if (change.isEmpty()) {
                conflict.set(null);
                notice.set("Nothing changed since the item was loaded: nothing was written.");
                return CompletableFuture.completedFuture(true);
            }
            List<String> added = change.set().keySet().stream().filter(name -> !original.containsKey(name)).toList();
            condition = Condition.unchanged(original, added);
            if (!condition.fitsDynamoDb()) {
                // too wide to check every attribute: check the key and what the edit touches, which is all an
                // UpdateItem writes; other attributes changed meanwhile are kept, not overwritten
                condition = Condition.unchanged(touched(original, change), added);
            }
            if (condition.fitsDynamoDb() && change.expression().fitsDynamoDb()) {
                // an UpdateItem of just the edits keeps attributes someone else added since the item was loaded
                Condition unchanged = condition;
                return write(item, original, original,
                        items -> items.update(table.name(), keyOf(item), change, unchanged));
            }
            // too many edits for one UpdateItem: the whole item is written, so the whole item must be unchanged
            condition = Condition.unchanged(original);
        }
        if (!condition.fitsDynamoDb()) {
            if (!dialogs.confirm("Save without the check?", "This item has " + original.size() + " attributes: too many "
                    + "to check in one condition (DynamoDB allows " + Condition.MAX_EXPRESSION + " characters). Save "
                    + "it without checking that nobody changed it since it was loaded?", "Save unchecked")) {
                return CompletableFuture.completedFuture(false);
            }
            condition = null;
        }
        // with a changed key the save creates another item; the one loaded stays as it is
        return put(item, sameKey ? original : null, sameKey ? original : null, condition);
    }

    /** After a conflict: writes my version over theirs, on condition that theirs has not changed again. */
    public CompletableFuture<Boolean> overwrite() {
        Conflict c = conflict.get();
        if (c == null) {
            return CompletableFuture.completedFuture(false);
        }
        Condition condition = c.theirs() == null ? Condition.absent(table.keys().names()) : Condition.unchanged(c.theirs());
        return put(c.mine(), loaded, c.theirs(), condition);
    }

    /** After a conflict: drops my edits and loads their version. */
    public void takeTheirs() {
        Conflict c = conflict.get();
        if (c != null && c.theirs() != null) {
            Map<String, Attr> theirs = c.theirs();
            Map<String, Attr> before = loaded;
            edit(theirs);
            onSaved.accept(before, theirs);
        }
        conflict.set(null);
    }

    /** Writes the whole item (PutItem). */
    private CompletableFuture<Boolean> put(Map<String, Attr> item, Map<String, Attr> original,
                                           Map<String, Attr> expected, Condition condition) {
        return write(item, original, expected, items -> {
            items.put(table.name(), item, condition);
            return item;
        });
    }

    /** A save whose outcome is either the item as stored or a conflict with the version the table holds now. */
    private record Outcome(Map<String, Attr> stored, Map<String, Attr> theirs, boolean conflicting) {
    }

    /** Runs {@code writer} (which answers the item as stored) in the background; a conflict shows both versions. */
    private CompletableFuture<Boolean> write(Map<String, Attr> item, Map<String, Attr> original,
                                             Map<String, Attr> expected,
                                             Function<ItemStore, Map<String, Attr>> writer) {
        saving.set(true);
        problem.set(null);
        notice.set("");
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        operations.run("Saving item " + describeKey(item) + " to " + table.name(), () -> {
            ItemStore items = store.get();
            try {
                return new Outcome(writer.apply(items), null, false);
            } catch (ConflictException e) {
                return new Outcome(null, items.get(table.name(), keyOf(item)).orElse(null), true);
            }
        }).whenCompleteAsync((outcome, error) -> {
            saving.set(false);
            if (error != null) {
                problem.set(Problems.describe(errors, error));
                result.complete(false);
            } else if (outcome.conflicting()) {
                Map<String, Attr> theirs = outcome.theirs();
                conflict.set(new Conflict(item, theirs));
                problem.set(new UserMessage(expected == null
                        ? "An item with this key already exists; nothing was written."
                        : "The item changed since it was loaded; nothing was written.",
                        "Compare both versions, then keep theirs or overwrite with yours.", false));
                result.complete(false);
            } else {
                Map<String, Attr> stored = outcome.stored();
                List<String> kept = stored.keySet().stream().filter(name -> !item.containsKey(name)).toList();
                if (!kept.isEmpty()) {
                    notice.set("Saved. Kept " + String.join(", ", kept) + ": added by someone else since you "
                            + "loaded the item.");
                }
                conflict.set(null);
                loaded = stored;
                typeHints = stored;
                title.set("Item " + describeKey(stored));
                typeChanges.clear();
                showText(stored);
                onSaved.accept(original, stored);
                result.complete(true);
            }
        }, operations.ui());
        return result;
    }

    /** The key and the loaded values of the attributes the change sets or removes. */
    private Map<String, Attr> touched(Map<String, Attr> original, ItemChange change) {
        Map<String, Attr> touched = keyOf(original);
        original.forEach((name, value) -> {
            if (change.set().containsKey(name) || change.remove().contains(name)) {
                touched.put(name, value);
            }
        });
        return touched;
    }

    private Map<String, Attr> keyOf(Map<String, Attr> item) {
        Map<String, Attr> key = new LinkedHashMap<>();
        table.keys().names().forEach(n -> key.put(n, item.get(n)));
        return key;
    }

    private String describeKey(Map<String, Attr> item) {
        return String.join(" · ", table.keys().names().stream().map(n -> Cells.render(item.get(n))).toList());
    }
}
