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
import java.util.Map;
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
        assertThat(dialogs.asked).containsExactly("choose [Replace existing items, Keep existing items]: Write 30 "
                + "items from items.json into Experiments? When a key is already in the table, replace that item with "
                + "the file's, or keep it (one write per item, slower; it also carries on an import that stopped "
                + "halfway). This cannot be undone.");
        assertThat(importer.summary().get()).isEqualTo("Imported 30 items from items.json. Run the query again to "
                + "see them.");
        assertThat(importer.importing().get()).isFalse();
        assertThat(problem.get()).isNull();
    }

    @Test
    void aDeclinedImportWritesNothing() throws Exception {
        dialogs.chosen = -1;

        importer.importFrom(items(3)).join();

        assertThat(store.calls).isEmpty();
        assertThat(importer.summary().get()).isEqualTo("Nothing imported.");
    }

    @Test
    void keepingExistingItemsWritesOnlyTheKeysThatAreFreeAndSaysHowManyWereKept() throws Exception {
        Path file = items(5);
        Map<String, Attr> alreadyThere = Map.of("experimentId", Attr.s("E"), "sampleId", Attr.n(2), "note",
                Attr.s("written by someone else"));
        store.put("Experiments", alreadyThere, null);
        store.calls.clear();
        dialogs.chosen = 1;

        TableImport.Result result = importer.importFrom(file).join();

        assertThat(result.written()).isEqualTo(4);
        assertThat(result.kept()).isEqualTo(1);
        assertThat(store.stored.get(Map.of("experimentId", Attr.s("E"), "sampleId", Attr.n(2))))
                .isEqualTo(alreadyThere);
        assertThat(store.calls).as("one conditional write per item, no batch").containsOnly("put").hasSize(5);
        assertThat(store.lastCondition.expression()).isEqualTo("attribute_not_exists(#k0)");
        assertThat(importer.summary().get()).isEqualTo("Imported 4 items from items.json; 1 was already there and "
                + "kept. Run the query again to see them.");
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
