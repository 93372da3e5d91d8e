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

    private static ReadRequest queryOfOnePartition() {
        QueryBuilder builder = new QueryBuilder(Fixtures.experiments());
        builder.partitionValue().set("EXP-1");
        ReadRequest request = builder.request();
        assertThat(request.isQuery()).isTrue();
        return request;
    }

    @Test
    void aCancelledExportStopsBetweenPagesAndLeavesNoFile() throws Exception {
        Path file = folder.resolve("items.jsonl");
        store.pages = n -> {
            if (n == 1) {
                Thread.currentThread().interrupt(); // the user pressed Cancel while page 2 was read
            }
            return new ItemPage(List.of(Map.of("id", Attr.n(n))), 1, 0, FakeItemStore.pageKey(n + 1));
        };
        ReadRequest request = queryOfOnePartition();

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

    @Test
    void aScanIsReadInSegmentsThatTogetherGiveEveryItem() throws Exception {
        Path file = folder.resolve("items.jsonl");
        store.pages = n -> new ItemPage(List.of(Map.of("id", Attr.n(n))), 1, 0, n < 2 ? FakeItemStore.pageKey(n + 1)
                : null);
        ReadRequest scan = new QueryBuilder(Fixtures.experiments()).request();

        long written = new ResultExport(store).run(scan, List.of("id"), ExportFormat.JSONL, file, n -> { });

        assertThat(written).isEqualTo(3);
        assertThat(store.calls).containsExactlyInAnyOrder("read 0", "read 1", "read 2", "read segment 1 of 4",
                "read segment 2 of 4", "read segment 3 of 4");
        assertThat(Files.readAllLines(file)).containsExactly("{\"id\":0}", "{\"id\":1}", "{\"id\":2}");
    }

    @Test
    void aCancelledScanStopsItsSegmentsAndLeavesNoFile() throws Exception {
        Path file = folder.resolve("items.jsonl");
        java.util.concurrent.CountDownLatch secondPage = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        store.pages = n -> {
            if (n == 1) {
                secondPage.countDown();
                try {
                    never.await(); // a slow read: only the cancel ends it
                } catch (InterruptedException e) {
                    throw new CancellationException();
                }
            }
            return new ItemPage(List.of(Map.of("id", Attr.n(n))), 1, 0, FakeItemStore.pageKey(n + 1));
        };
        ReadRequest scan = new QueryBuilder(Fixtures.experiments()).request();
        java.util.concurrent.atomic.AtomicReference<Throwable> ended = new java.util.concurrent.atomic.AtomicReference<>();
        Thread exporter = new Thread(() -> {
            try {
                new ResultExport(store).run(scan, List.of("id"), ExportFormat.JSONL, file, n -> { });
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        exporter.start();
        assertThat(secondPage.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        exporter.interrupt(); // what Cancel in the status bar does to the export's thread
        exporter.join(10_000);

        assertThat(exporter.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOfAny(InterruptedException.class, CancellationException.class);
        assertThat(file).doesNotExist();
        assertThat(ExportFile.partialFor(file)).doesNotExist();
    }
}
