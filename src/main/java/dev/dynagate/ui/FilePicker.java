package dev.dynagate.ui;

import java.nio.file.Path;
import java.util.Optional;

/** File and folder choosers behind an interface, so the views can be tested without native dialogs. */
public interface FilePicker {

    Optional<Path> chooseFolder(String title);

    /** {@code extensions} like "*.json", "*.csv". */
    Optional<Path> chooseFile(String title, String description, String... extensions);

    Optional<Path> saveFile(String title, String initialName);
}
