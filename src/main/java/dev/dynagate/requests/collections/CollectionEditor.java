package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.RequestSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes a collection on disk, one item at a time: only the files of the items concerned are written, so a
 * rename shows in git as a rename and a reorder as {@code seq} changes. Callers reload the collection afterwards.
 */
public final class CollectionEditor {
    private final Path root;

    public CollectionEditor(Path root) {
        this.root = root;
    }

    public Collection load() {
        return CollectionFiles.load(root);
    }

    /** Saves a new request at the end of {@code folderDir} (the root or a folder's directory). */
    public Path addRequest(Path folderDir, RequestSpec spec) {
        Path file = FileNames.freeRequestFile(folderDir, spec.name(), null);
        JsonFiles.write(file, SpecJson.request(spec, nextSeq(folderDir)));
        return file;
    }

    /** Saves an edited request in place, keeping its order; a changed name renames the file. */
    public Path updateRequest(SavedRequest saved, RequestSpec spec) {
        Path file = saved.path();
        if (!sameName(saved.name(), spec.name())) {
            file = FileNames.freeRequestFile(file.getParent(), spec.name(), file);
        }
        JsonFiles.write(file, SpecJson.request(spec, saved.seq()));
        if (!file.equals(saved.path())) {
            delete(saved.path());
        }
        return file;
    }

    public Path addFolder(Path parentDir, String name) {
        Folder folder = Folder.of(name, List.of());
        return CollectionFiles.writeItem(parentDir, folder, nextSeq(parentDir));
    }

    public Path rename(CollectionItem item, String name) {
        if (item instanceof SavedRequest request) {
            return updateRequest(request, request.spec().withName(name));
        }
        Folder folder = (Folder) item;
        Path dir = FileNames.freeFolderDir(folder.path().getParent(), name, folder.path());
        move(folder.path(), dir);
        JsonFiles.write(dir.resolve(FileNames.FOLDER_FILE), CollectionFiles.folderNode(
                new Folder(name, folder.seq(), dir, folder.auth(), folder.variables(), folder.headers(),
                        folder.description(), List.of()), folder.seq()));
        return dir;
    }

    /** Copies an item next to the original, named "… copy", placed right after it. */
    public Path duplicate(CollectionItem item) {
        Path parent = item.path().getParent();
        CollectionItem copy = item instanceof SavedRequest request
                ? new SavedRequest(request.spec().withName(request.name() + " copy"), 0, null)
                : renamed((Folder) item, item.name() + " copy");
        Path written = CollectionFiles.writeItem(parent, copy, 0);
        List<Path> order = orderOf(parent);
        order.remove(written);
        order.add(order.indexOf(item.path()) + 1, written);
        resequence(order);
        return written;
    }

    /** Moves an item into {@code targetDir} at {@code index} (clamped), renumbering that folder's items. */
    public Path move(CollectionItem item, Path targetDir, int index) {
        Path destination = item.path();
        if (!item.path().getParent().equals(targetDir)) {
            if (targetDir.startsWith(item.path())) {
                throw new IllegalArgumentException("A folder cannot be moved into itself");
            }
            destination = item instanceof SavedRequest
                    ? FileNames.freeRequestFile(targetDir, item.name(), null)
                    : FileNames.freeFolderDir(targetDir, item.name(), null);
            move(item.path(), destination);
        }
        List<Path> order = orderOf(targetDir);
        order.remove(destination);
        order.add(Math.max(0, Math.min(index, order.size())), destination);
        resequence(order);
        return destination;
    }

    public void delete(CollectionItem item) {
        delete(item.path());
    }

    private static Folder renamed(Folder folder, String name) {
        return new Folder(name, 0, null, folder.auth(), folder.variables(), folder.headers(), folder.description(),
                folder.items());
    }

    private static boolean sameName(String a, String b) {
        return FileNames.slug(a).equals(FileNames.slug(b));
    }

    private int nextSeq(Path dir) {
        return orderOf(dir).size() + 1;
    }

    /** The item paths of a directory in their current order. */
    private List<Path> orderOf(Path dir) {
        Collection collection = CollectionFiles.load(root);
        List<CollectionItem> items = dir.equals(root) ? collection.items() : findFolder(collection.items(), dir).items();
        List<Path> out = new ArrayList<>();
        items.forEach(item -> out.add(item.path()));
        return out;
    }

    private static Folder findFolder(List<CollectionItem> items, Path dir) {
        for (CollectionItem item : items) {
            if (item instanceof Folder folder) {
                if (folder.path().equals(dir)) {
                    return folder;
                }
                if (dir.startsWith(folder.path())) {
                    return findFolder(folder.items(), dir);
                }
            }
        }
        throw new IllegalArgumentException(dir + " is not a folder of this collection");
    }

    /** Writes seq 1..n for the given paths, touching only the files whose seq changes. */
    private static void resequence(List<Path> order) {
        int seq = 1;
        for (Path path : order) {
            Path file = Files.isDirectory(path) ? path.resolve(FileNames.FOLDER_FILE) : path;
            int wanted = seq++;
            var node = Files.isRegularFile(file) ? (com.fasterxml.jackson.databind.node.ObjectNode) JsonFiles.read(file)
                    : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("name",
                    path.getFileName().toString());
            if (node.path("seq").asInt(-1) != wanted) {
                node.put("seq", wanted);
                JsonFiles.write(file, node);
            }
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            if (!Files.isDirectory(path)) {
                Files.deleteIfExists(path);
                return;
            }
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
