package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.tables.transfer.ExportFile;
import dev.dynagate.tables.transfer.ExportFormat;
import dev.dynagate.tables.transfer.ResultExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultExportTest {
    @TempDir
    Path folder;

    private final FakeItemStore store = new FakeItemStore(List.of("id"));

    @Test
    void aCancelledExportStopsBetweenPagesAndLeavesNoFile() throws Exception {
        Path file = folder.resolve("items.jsonl");
        store.pages = n -> {
            if (n == 1) {
                Thread.currentThread().interrupt(); // the user pressed Cancel while page 2 was read
            }
            return new ItemPage(List.of(Map.of("id", Attr.n(n))), 1, 0, FakeItemStore.pageKey(n + 1));
        };
        ReadRequest request = new QueryBuilder(Fixtures.experiments()).request();

        try {
            assertThatThrownBy(() -> new ResultExport(store).run(request, List.of("id"), ExportFormat.JSONL, file,
                    written -> { })).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }

        assertThat(store.calls).containsExactly("read 0", "read 1");
        assertThat(file).doesNotExist();
        assertThat(ExportFile.partialFor(file)).doesNotExist();
    }

    @Test
    void anExistingFileIsReplacedOnlyOnceTheExportIsComplete() throws Exception {
        Path file = Files.writeString(folder.resolve("items.jsonl"), "the previous export\n");
        store.pages = n -> {
            assertThat(file).hasContent("the previous export");
            return new ItemPage(List.of(Map.of("id", Attr.n(n))), 1, 0, n < 2 ? FakeItemStore.pageKey(n + 1) : null);
        };
        ReadRequest request = new QueryBuilder(Fixtures.experiments()).request();

        long written = new ResultExport(store).run(request, List.of("id"), ExportFormat.JSONL, file, n -> { });

        assertThat(written).isEqualTo(3);
        assertThat(Files.readAllLines(file)).containsExactly("{\"id\":0}", "{\"id\":1}", "{\"id\":2}");
    }
}
