package dev.dynagate.requests.collections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** File and folder names derived from item names: lower case, dashes, portable on every file system. */
final class FileNames {
    static final String REQUEST_SUFFIX = ".request.json";
    static final String FOLDER_FILE = "folder.json";
    static final String COLLECTION_FILE = "collection.json";
    static final String ENVIRONMENTS = "environments";

    private FileNames() {
    }

    static String slug(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    /** A request file name in {@code dir} not used by another file ({@code keep} may be the item's own file). */
    static Path freeRequestFile(Path dir, String name, Path keep) {
        return free(dir, slug(name), REQUEST_SUFFIX, keep);
    }

    static Path freeFolderDir(Path dir, String name, Path keep) {
        return free(dir, slug(name), "", keep);
    }

    private static Path free(Path dir, String base, String suffix, Path keep) {
        Path candidate = dir.resolve(base + suffix);
        for (int n = 2; Files.exists(candidate) && !candidate.equals(keep) || reserved(dir, candidate); n++) {
            candidate = dir.resolve(base + "-" + n + suffix);
        }
        return candidate;
    }

    private static boolean reserved(Path dir, Path candidate) {
        String name = candidate.getFileName().toString();
        return name.equals(ENVIRONMENTS) && Files.exists(dir.resolve(COLLECTION_FILE));
    }
}
