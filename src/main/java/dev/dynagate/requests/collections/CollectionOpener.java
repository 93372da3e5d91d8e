package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens whatever the user points at: one of our collection folders, or another tool's collection imported on the
 * fly (nothing is written). Environments come with our folders; for other formats they are files given apart.
 */
public final class CollectionOpener {
    private final SecretStore secrets;

    public CollectionOpener(SecretStore secrets) {
        this.secrets = secrets;
    }

    public OpenedCollection open(Path path) {
        OpenedCollection opened = read(path);
        if (opened.collection().root() != null && CollectionFiles.isCollection(opened.collection().root())) {
            return opened;
        }
        List<String> notes = new java.util.ArrayList<>(opened.importNotes());
        notes.addAll(LiteralSecrets.find(opened.collection()));
        return new OpenedCollection(opened.collection(), opened.environments(), notes);
    }

    private OpenedCollection read(Path path) {
        String fileName = path.getFileName() == null ? "" : path.getFileName().toString();
        if (Files.isRegularFile(path) && (fileName.equals("collection.json") || fileName.equals("bruno.json")
                || fileName.startsWith("opencollection.")) && path.toAbsolutePath().getParent() != null) {
            // the marker file of a collection folder stands for the folder
            Path folder = path.toAbsolutePath().getParent();
            if (CollectionFiles.isCollection(folder) || BrunoImporter.isBruno(folder) || BrunoYamlImporter.isOpenCollection(folder)) {
                return read(folder);
            }
        }
        if (!Files.exists(path)) {
            throw new CollectionFormatException(path, 0, "does not exist");
        }
        if (Files.isDirectory(path)) {
            if (CollectionFiles.isCollection(path)) {
                Collection collection = CollectionFiles.load(path);
                return new OpenedCollection(collection, new Environments(collection, secrets).list(), List.of());
            }
            if (BrunoImporter.isBruno(path)) {
                return BrunoImporter.read(path);
            }
            if (BrunoYamlImporter.isOpenCollection(path)) {
                return BrunoYamlImporter.read(path);
            }
            throw new CollectionFormatException(path, 0, "is not a collection folder (no collection.json, bruno.json "
                    + "or opencollection.yml)");
        }
        JsonNode root = JsonFiles.read(path);
        if (PostmanImporter.looksLikePostman(root)) {
            return PostmanImporter.read(path);
        }
        throw new CollectionFormatException(path, 0, "is not a collection format Dynagate reads "
                + "(our collection folder, a Postman v2.0/v2.1 collection, a Bruno collection folder)");
    }

    /** An environment by name among the collection's, or read from a file (ours or a Postman environment). */
    public Optional<Environment> environment(OpenedCollection opened, String nameOrFile) {
        Optional<Environment> named = opened.environments().stream()
                .filter(e -> e.name().equalsIgnoreCase(nameOrFile)).findFirst();
        if (named.isPresent()) {
            return named;
        }
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return Optional.of(EnvironmentFiles.read(file));
        }
        return Optional.empty();
    }
}
