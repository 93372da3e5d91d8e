package dev.dynagate.requests.collections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How both Bruno formats lay a collection out on disk: a folder per folder, a file per request, hidden entries and
 * some of the root's folders not part of it; items ordered by their {@code seq}, then by name.
 */
final class BrunoTree {
    private final Path root;
    private final Set<String> rootFoldersSkipped;
    private final Predicate<String> isRequestFile;

    BrunoTree(Path root, Set<String> rootFoldersSkipped, Predicate<String> isRequestFile) {
        this.root = root;
        this.rootFoldersSkipped = rootFoldersSkipped;
        this.isRequestFile = isRequestFile;
    }

    /** The items of {@code dir}, read by {@code folder} and {@code request}, each given the path and its parent. */
    List<CollectionItem> items(Path dir, String parent, BiFunction<Path, String, CollectionItem> folder,
                               BiFunction<Path, String, CollectionItem> request) {
        List<CollectionItem> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String fileName = child.getFileName().toString();
                if (fileName.startsWith(".") || dir.equals(root) && rootFoldersSkipped.contains(fileName)) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    out.add(folder.apply(child, parent));
                } else if (isRequestFile.test(fileName)) {
                    out.add(request.apply(child, parent));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparingInt(CollectionItem::seq).thenComparing(CollectionItem::name));
        return out;
    }
}
