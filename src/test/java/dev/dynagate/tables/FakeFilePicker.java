package dev.dynagate.tables;

import dev.dynagate.ui.FilePicker;
import java.nio.file.Path;
import java.util.Optional;

/** Answers file dialogs with the path a test set (none: the user cancelled) and records the suggested name. */
class FakeFilePicker implements FilePicker {
    Path next;
    String suggested;

    FakeFilePicker(Path next) {
        this.next = next;
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFile(String title, String description, String... extensions) {
        return Optional.ofNullable(next);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName) {
        suggested = initialName;
        return Optional.ofNullable(next);
    }
}
