package dev.dynagate.requests.collections;

import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The collection side panel: which collection is open, its environments and the one chosen, and the edits on its
 * tree. Every file operation runs in the background and reloads the collection afterwards; problems land in
 * {@link #message()} worded for people.
 */
public final class CollectionsPresenter {
    private final Operations operations;
    private final CollectionOpener opener;
    private final SecretStore secrets;
    private final ObjectProperty<OpenedCollection> opened = new SimpleObjectProperty<>();
    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();
    private final StringProperty message = new SimpleStringProperty("");

    public CollectionsPresenter(Operations operations, SecretStore secrets) {
        this.operations = operations;
        this.secrets = secrets;
        this.opener = new CollectionOpener(secrets);
    }

    public ObjectProperty<OpenedCollection> opened() {
        return opened;
    }

    public ObservableList<Environment> environments() {
        return environments;
    }

    /** The chosen environment, or null for none. */
    public ObjectProperty<Environment> environment() {
        return environment;
    }

    /** True for our own collection folders; an imported collection is read-only until saved as one. */
    public ReadOnlyBooleanProperty editable() {
        return editable.getReadOnlyProperty();
    }

    public StringProperty message() {
        return message;
    }

    public CompletableFuture<OpenedCollection> open(Path path) {
        return background("Opening " + path.getFileName() + "…", () -> opener.open(path), result -> {
            String previous = environment.get() == null ? null : environment.get().name();
            show(result, previous);
            message.set(result.importNotes().isEmpty() ? "" : "Imported with " + result.importNotes().size()
                    + " note(s): " + String.join("; ", result.importNotes()));
        });
    }

    public CompletableFuture<OpenedCollection> reload() {
        Collection current = collection();
        if (current == null || current.root() == null) {
            return CompletableFuture.completedFuture(opened.get());
        }
        return open(current.root());
    }

    public Collection collection() {
        return opened.get() == null ? null : opened.get().collection();
    }

    public CompletableFuture<OpenedCollection> rename(CollectionItem item, String name) {
        return edit("Renaming " + item.name() + "…", editor -> editor.rename(item, name));
    }

    public CompletableFuture<OpenedCollection> duplicate(CollectionItem item) {
        return edit("Duplicating " + item.name() + "…", editor -> editor.duplicate(item));
    }

    public CompletableFuture<OpenedCollection> delete(CollectionItem item) {
        return edit("Deleting " + item.name() + "…", editor -> editor.delete(item));
    }

    /** Moves an item one place up (-1) or down (+1) within its folder. */
    public CompletableFuture<OpenedCollection> shift(CollectionItem item, int by) {
        return edit("Moving " + item.name() + "…", editor -> {
            List<CollectionItem> siblings = siblingsOf(item);
            int index = siblings.indexOf(item);
            editor.move(item, item.path().getParent(), index + by);
        });
    }

    /** Moves an item into a folder (or the collection's root), at its end. */
    public CompletableFuture<OpenedCollection> moveInto(CollectionItem item, Path folder) {
        return edit("Moving " + item.name() + "…", editor -> editor.move(item, folder, Integer.MAX_VALUE));
    }

    /**
     * Saves a request from the request panel: over {@code existing} when it was opened from this collection (a new
     * name renames its file), otherwise at the end of {@code folder} (null: the collection's root).
     */
    public CompletableFuture<OpenedCollection> saveRequest(dev.dynagate.requests.model.RequestSpec spec,
                                                           SavedRequest existing, Path folder) {
        Collection current = collection();
        if (current == null) {
            message.set("Open or create a collection first.");
            return CompletableFuture.completedFuture(null);
        }
        return edit("Saving " + spec.name() + "…", editor -> {
            if (existing != null && existing.path() != null) {
                editor.updateRequest(existing, spec);
            } else {
                editor.addRequest(folder == null ? current.root() : folder, spec);
            }
        });
    }

    /** Adds an empty GET request at the end of a folder (or the collection's root). */
    public CompletableFuture<OpenedCollection> addRequest(Path folder, String name) {
        return edit("Adding " + name + "…", editor -> editor.addRequest(folder,
                dev.dynagate.requests.model.RequestSpec.of("GET", "{{baseUrl}}/").withName(name)
                        .withAuth(dev.dynagate.requests.model.Auth.INHERIT)));
    }

    public CompletableFuture<OpenedCollection> addFolder(Path parent, String name) {
        return edit("Adding " + name + "…", editor -> editor.addFolder(parent, name));
    }

    /** Writes the open collection as a Postman v2.1 file. */
    public CompletableFuture<Path> exportPostman(Path file) {
        Collection current = collection();
        return operations.run("Exporting " + file.getFileName(), () -> {
            PostmanExporter.write(current, file);
            return file;
        }).whenComplete((done, error) -> operations.ui().execute(() -> message.set(error == null
                ? "Exported to " + file : "The export failed: " + error.getMessage())));
    }

    /** Writes an environment (a new one, or an edited one under the same name) and makes it the chosen one. */
    public CompletableFuture<OpenedCollection> saveEnvironment(Environment edited) {
        Collection current = collection();
        if (current == null || !editable.get()) {
            message.set("This collection was imported: save it as a Dynagate collection to change it.");
            return CompletableFuture.completedFuture(opened.get());
        }
        return background("Saving the environment " + edited.name() + "…", () -> {
            new Environments(current, secrets).save(edited);
            return opener.open(current.root());
        }, result -> show(result, edited.name()));
    }

    /** Marks the chosen environment as production (or not) in its file, so everyone running the collection sees it. */
    public CompletableFuture<OpenedCollection> markProduction(boolean production) {
        Environment chosen = environment.get();
        if (chosen == null || chosen.production() == production) {
            return CompletableFuture.completedFuture(opened.get());
        }
        return edit((production ? "Marking " : "Unmarking ") + chosen.name() + " as production…",
                editor -> new Environments(collection(), secrets).save(chosen.withProduction(production)));
    }

    /** Writes an imported collection as one of ours into {@code dir}, then opens it there. */
    public CompletableFuture<OpenedCollection> saveAs(Path dir) {
        OpenedCollection current = opened.get();
        return background("Saving the collection…", () -> {
            Collection created = CollectionFiles.create(current.collection(), dir);
            Environments target = new Environments(created, secrets);
            current.environments().forEach(target::save);
            return opener.open(dir);
        }, result -> {
            show(result, environment.get() == null ? null : environment.get().name());
            message.set("Saved as " + dir);
        });
    }

    private List<CollectionItem> siblingsOf(CollectionItem item) {
        Path parent = item.path().getParent();
        if (parent.equals(collection().root())) {
            return collection().items();
        }
        return findFolder(collection().items(), parent).items();
    }

    private static Folder findFolder(List<CollectionItem> items, Path dir) {
        for (CollectionItem item : items) {
            if (item instanceof Folder folder) {
                if (dir.equals(folder.path())) {
                    return folder;
                }
                if (folder.path() != null && dir.startsWith(folder.path())) {
                    return findFolder(folder.items(), dir);
                }
            }
        }
        throw new IllegalArgumentException(dir + " is not a folder of this collection");
    }

    private CompletableFuture<OpenedCollection> edit(String description, Consumer<CollectionEditor> change) {
        Collection current = collection();
        if (current == null || !editable.get()) {
            message.set("This collection was imported: save it as a Dynagate collection to change it.");
            return CompletableFuture.completedFuture(opened.get());
        }
        return background(description, () -> {
            change.accept(new CollectionEditor(current.root()));
            return opener.open(current.root());
        }, result -> show(result, environment.get() == null ? null : environment.get().name()));
    }

    private void show(OpenedCollection result, String keepEnvironment) {
        opened.set(result);
        Path root = result.collection().root();
        editable.set(root != null && CollectionFiles.isCollection(root));
        environments.setAll(result.environments());
        environment.set(result.environments().stream().filter(e -> e.name().equals(keepEnvironment)).findFirst()
                .orElse(null));
    }

    private CompletableFuture<OpenedCollection> background(String description, Supplier<OpenedCollection> work,
                                                           Consumer<OpenedCollection> onSuccess) {
        CompletableFuture<OpenedCollection> done = new CompletableFuture<>();
        operations.run(description, work).whenComplete((result, error) -> operations.ui().execute(() -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                message.set(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
                done.completeExceptionally(cause);
            } else {
                onSuccess.accept(result);
                done.complete(result);
            }
        }));
        return done;
    }
}
