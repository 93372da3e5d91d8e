package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.requests.model.Auth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Our collection format on disk (see docs/COLLECTIONS.md): {@code collection.json} at the root, one directory per
 * folder with a {@code folder.json}, one {@code *.request.json} per request, {@code environments/*.json}.
 * Items are ordered by their {@code seq}, then by name, so the order never depends on the file system.
 */
public final class CollectionFiles {
    public static final String FORMAT = "dynagate.collection/1";
    private static final Comparator<CollectionItem> ORDER = Comparator.comparingInt(CollectionItem::seq)
            .thenComparing(item -> item.name() == null ? "" : item.name());

    private CollectionFiles() {
    }

    public static boolean isCollection(Path dir) {
        return Files.isRegularFile(dir.resolve(FileNames.COLLECTION_FILE));
    }

    public static Collection load(Path root) {
        Path file = root.resolve(FileNames.COLLECTION_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CollectionFormatException(root, 0, "is not a Dynagate collection (no " + FileNames.COLLECTION_FILE + ")");
        }
        JsonNode node = JsonFiles.read(file);
        return guarded(file, () -> new Collection(SpecJson.text(node, "id"), SpecJson.text(node, "name"), root,
                node.has("auth") ? SpecJson.readAuth(node.get("auth")) : Auth.NONE,
                SpecJson.readKeyValues(node.get("variables")), SpecJson.readKeyValues(node.get("headers")),
                SpecJson.readText(node, "description"), loadItems(root, true)));
    }

    private static List<CollectionItem> loadItems(Path dir, boolean root) {
        List<CollectionItem> items = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || root && name.equals(FileNames.ENVIRONMENTS)) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    items.add(loadFolder(child));
                } else if (name.endsWith(FileNames.REQUEST_SUFFIX)) {
                    JsonNode node = JsonFiles.read(child);
                    items.add(guarded(child, () -> new SavedRequest(SpecJson.readRequest(node),
                            node.path("seq").asInt(Integer.MAX_VALUE), child)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        items.sort(ORDER);
        return items;
    }

    private static Folder loadFolder(Path dir) {
        Path file = dir.resolve(FileNames.FOLDER_FILE);
        JsonNode node = Files.isRegularFile(file) ? JsonFiles.read(file) : JsonNodeFactory.instance.objectNode();
        String name = SpecJson.text(node, "name") == null ? dir.getFileName().toString() : SpecJson.text(node, "name");
        return guarded(file, () -> new Folder(name, node.path("seq").asInt(Integer.MAX_VALUE), dir,
                SpecJson.readAuth(node.get("auth")), SpecJson.readKeyValues(node.get("variables")),
                SpecJson.readKeyValues(node.get("headers")), SpecJson.readText(node, "description"), loadItems(dir, false)));
    }

    private static <T> T guarded(Path file, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new CollectionFormatException(file, 0, e.getMessage());
        }
    }

    /**
     * Writes a whole collection into {@code root}, which must not hold a collection yet (imports, "save as").
     * Returns the collection as loaded back from disk.
     */
    public static Collection create(Collection collection, Path root) {
        if (isCollection(root)) {
            throw new IllegalStateException(root + " already holds a collection");
        }
        String id = collection.id() == null ? UUID.randomUUID().toString() : collection.id();
        JsonFiles.write(root.resolve(FileNames.COLLECTION_FILE), collectionNode(collection, id));
        writeItems(root, collection.items());
        return load(root);
    }

    /** Rewrites {@code collection.json} (name, auth, headers, variables); the items are untouched. */
    public static void saveSettings(Collection collection) {
        JsonFiles.write(collection.root().resolve(FileNames.COLLECTION_FILE), collectionNode(collection, collection.id()));
    }

    static ObjectNode collectionNode(Collection collection, String id) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("format", FORMAT);
        node.put("id", id);
        node.put("name", collection.name());
        SpecJson.putText(node, "description", collection.description());
        node.set("auth", SpecJson.auth(collection.auth()));
        SpecJson.putList(node, "headers", SpecJson.keyValues(collection.headers()));
        SpecJson.putList(node, "variables", SpecJson.keyValues(collection.variables()));
        return node;
    }

    static ObjectNode folderNode(Folder folder, int seq) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", folder.name());
        node.put("seq", seq);
        if (!(folder.auth() instanceof Auth.Inherit)) {
            node.set("auth", SpecJson.auth(folder.auth()));
        }
        SpecJson.putList(node, "headers", SpecJson.keyValues(folder.headers()));
        SpecJson.putList(node, "variables", SpecJson.keyValues(folder.variables()));
        SpecJson.putText(node, "description", folder.description());
        return node;
    }

    static void writeItems(Path dir, List<CollectionItem> items) {
        int seq = 1;
        for (CollectionItem item : items) {
            writeItem(dir, item, seq++);
        }
    }

    static Path writeItem(Path dir, CollectionItem item, int seq) {
        if (item instanceof SavedRequest request) {
            Path file = FileNames.freeRequestFile(dir, request.name(), null);
            JsonFiles.write(file, SpecJson.request(request.spec(), seq));
            return file;
        }
        Folder folder = (Folder) item;
        Path sub = FileNames.freeFolderDir(dir, folder.name(), null);
        JsonFiles.write(sub.resolve(FileNames.FOLDER_FILE), folderNode(folder, seq));
        writeItems(sub, folder.items());
        return sub;
    }
}
