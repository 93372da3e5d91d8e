package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.requests.model.RequestSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionEditorTest {
    @TempDir
    Path dir;
    CollectionEditor editor;

    @BeforeEach
    void setUp() {
        CollectionFiles.create(CollectionFilesTest.sample(), dir);
        editor = new CollectionEditor(dir);
    }

    private Folder experiments() {
        return (Folder) editor.load().items().get(0);
    }

    @Test
    void renameRequestRenamesItsFileAndKeepsItsPlace() {
        SavedRequest read = (SavedRequest) experiments().items().get(1);
        editor.rename(read, "Get experiment");

        assertThat(experiments().items()).extracting(CollectionItem::name).containsExactly("Create experiment", "Get experiment");
        assertThat(Files.exists(dir.resolve("experiments/get-experiment.request.json"))).isTrue();
        assertThat(Files.exists(dir.resolve("experiments/read-experiment.request.json"))).isFalse();
    }

    @Test
    void renameFolderMovesItsDirectory() {
        editor.rename(experiments(), "Trials");

        Folder renamed = experiments();
        assertThat(renamed.name()).isEqualTo("Trials");
        assertThat(renamed.path()).isEqualTo(dir.resolve("trials"));
        assertThat(renamed.items()).hasSize(2);
    }

    @Test
    void moveRequestToTheRootAtAnIndex() {
        SavedRequest create = (SavedRequest) experiments().items().get(0);
        editor.move(create, dir, 0);

        Collection after = editor.load();
        assertThat(after.items()).extracting(CollectionItem::name).containsExactly("Create experiment", "Experiments", "Health");
        assertThat(experimentsOf(after).items()).extracting(CollectionItem::name).containsExactly("Read experiment");
    }

    @Test
    void reorderWithinAFolderWritesOnlySeq() throws Exception {
        SavedRequest read = (SavedRequest) experiments().items().get(1);
        editor.move(read, read.path().getParent(), 0);

        assertThat(experiments().items()).extracting(CollectionItem::name).containsExactly("Read experiment", "Create experiment");
        assertThat(Files.readString(read.path())).contains("\"seq\": 1");
    }

    @Test
    void folderCannotMoveIntoItself() {
        Path sub = editor.addFolder(experiments().path(), "Nested");
        assertThatThrownBy(() -> editor.move(experiments(), sub, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicatePlacesTheCopyRightAfterTheOriginal() {
        SavedRequest create = (SavedRequest) experiments().items().get(0);
        editor.duplicate(create);

        assertThat(experiments().items()).extracting(CollectionItem::name)
                .containsExactly("Create experiment", "Create experiment copy", "Read experiment");
        SavedRequest copy = (SavedRequest) experiments().items().get(1);
        assertThat(copy.spec().withName("Create experiment")).isEqualTo(create.spec());
    }

    @Test
    void duplicateFolderCopiesItsRequests() {
        editor.duplicate(experiments());

        Collection after = editor.load();
        assertThat(after.items()).extracting(CollectionItem::name).containsExactly("Experiments", "Experiments copy", "Health");
        assertThat(((Folder) after.items().get(1)).items()).hasSize(2);
    }

    @Test
    void deleteRemovesFilesAndAddAppendsAtTheEnd() {
        editor.delete(experiments());
        editor.addRequest(dir, RequestSpec.of("GET", "/ping").withName("Ping"));

        assertThat(editor.load().items()).extracting(CollectionItem::name).containsExactly("Health", "Ping");
        assertThat(Files.exists(dir.resolve("experiments"))).isFalse();
    }

    private static Folder experimentsOf(Collection collection) {
        return collection.items().stream().filter(i -> i instanceof Folder).map(Folder.class::cast).findFirst().orElseThrow();
    }
}
