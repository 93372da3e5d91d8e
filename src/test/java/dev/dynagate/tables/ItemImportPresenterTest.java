package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.tables.transfer.TableImport;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemImportPresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final FakeItemStore store = new FakeItemStore(List.of("experimentId", "sampleId"));
    private final FakeDialogs dialogs = new FakeDialogs();
    private final SimpleObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();
    private final ItemImportPresenter importer = new ItemImportPresenter(Fixtures.experiments(), () -> store,
            e -> new UserMessage("failed: " + e.getMessage(), "", false), direct, dialogs, problem);

    @TempDir
    Path folder;

    private Path items(int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("{\"Item\":{\"experimentId\":{\"S\":\"E\"},\"sampleId\":{\"N\":\"" + i + "\"},\"tags\":{\"SS\":[\"a\"]}}}");
        }
        return Files.write(folder.resolve("items.json"), lines);
    }

    @Test
    void aConfirmedImportWritesEveryItemOfTheFile() throws Exception {
        TableImport.Result result = importer.importFrom(items(30)).join();

        assertThat(result.written()).isEqualTo(30);
        assertThat(store.stored).hasSize(30);
        assertThat(dialogs.asked).containsExactly("confirm: Write 30 items from items.json into Experiments? An item "
                + "whose key is already in the table is replaced. This cannot be undone.");
        assertThat(importer.summary().get()).isEqualTo("Imported 30 items from items.json. Run the query again to "
                + "see them.");
        assertThat(importer.importing().get()).isFalse();
        assertThat(problem.get()).isNull();
    }

    @Test
    void aDeclinedImportWritesNothing() throws Exception {
        dialogs.answer = false;

        importer.importFrom(items(3)).join();

        assertThat(store.calls).isEmpty();
        assertThat(importer.summary().get()).isEqualTo("Nothing imported.");
    }

    @Test
    void aFileWithBadLinesIsNotOfferedAndSaysWhichLines() throws Exception {
        Path file = Files.write(folder.resolve("bad.jsonl"), List.of("{\"experimentId\":\"E\",\"sampleId\":1}",
                "{\"experimentId\":\"E\"}", "{oops"));

        importer.importFrom(file).join();

        assertThat(dialogs.asked).isEmpty();
        assertThat(store.calls).isEmpty();
        assertThat(problem.get().text()).startsWith("bad.jsonl cannot be imported into Experiments; nothing was "
                + "written. line 2: no sampleId, a key attribute of the table; line 3: ");
        assertThat(importer.summary().get()).isEqualTo("Nothing imported.");
    }

    @Test
    void aReadOnlyConnectionRefusesBeforeReadingTheFile() throws Exception {
        importer.readOnly().set(true);

        importer.importFrom(folder.resolve("never-read.json")).join();

        assertThat(problem.get().text()).isEqualTo("This connection is read-only: nothing was imported.");
        assertThat(dialogs.asked).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadSaysSo() {
        importer.importFrom(folder.resolve("missing.json")).exceptionally(e -> null).join();

        assertThat(importer.summary().get()).isEqualTo("Import failed.");
        assertThat(problem.get().text()).startsWith("Could not read missing.json (");
    }
}
