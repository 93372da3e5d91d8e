package dev.dynagate.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * {@link FilePicker} with the platform's native choosers, owned by the given window. Each opens in the folder the
 * previous one ended in, so an export and the import after it start in the same place.
 */
public final class FxFilePicker implements FilePicker {
    private final Supplier<Window> owner;
    private File lastFolder;

    public FxFilePicker(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        startIn(chooser::setInitialDirectory);
        return remember(chooser.showDialog(owner.get()), true);
    }

    @Override
    public Optional<Path> chooseFile(String title, String description, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
        startIn(chooser::setInitialDirectory);
        return remember(chooser.showOpenDialog(owner.get()), false);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        startIn(chooser::setInitialDirectory);
        return remember(chooser.showSaveDialog(owner.get()), false);
    }

    private void startIn(java.util.function.Consumer<File> initialDirectory) {
        if (lastFolder != null && lastFolder.isDirectory()) {
            initialDirectory.accept(lastFolder);
        }
    }

    private Optional<Path> remember(File chosen, boolean isFolder) {
        if (chosen != null) {
            lastFolder = isFolder ? chosen : chosen.getParentFile();
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
