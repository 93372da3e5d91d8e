package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.tables.transfer.ExportFormat;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemExplorerPresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final FakeItemStore store = new FakeItemStore(List.of("experimentId", "sampleId"));
    private final FakeDialogs dialogs = new FakeDialogs();
    @TempDir
    Path folder;

    private ItemExplorerPresenter presenter(Operations operations, Clock clock) {
        return new ItemExplorerPresenter(Fixtures.experiments(), () -> store,
                e -> new UserMessage("failed: " + e.getMessage(), "", false), operations, clock, dialogs);
    }

    private static Map<String, Attr> item(int i, String extra) {
        return Map.of("experimentId", Attr.s("e"), "sampleId", Attr.n(i), extra, Attr.s("v" + i));
    }

    private static ItemPage page(int n, int returned, int scanned, boolean more) {
        List<Map<String, Attr>> items = IntStream.range(0, returned).mapToObj(i -> item(n * 100 + i, "a")).toList();
        return new ItemPage(items, scanned, 0.5, more ? FakeItemStore.pageKey(n + 1) : null);
    }

    @Test
    void exportReadsEveryPageOfTheQueryWhateverTheGridHolds() throws Exception {
        store.pages = n -> page(n, 3, 3, n < 2);
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        explorer.run().join();
        assertThat(explorer.items()).hasSize(3);
        Path file = folder.resolve("out").resolve(explorer.suggestedExportName(ExportFormat.DDB_JSON));

        Long written = explorer.exportResults(ExportFormat.DDB_JSON, file).join();

        assertThat(written).isEqualTo(9);
        assertThat(file.getFileName().toString()).isEqualTo("Experiments.ddb.json");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(9).allMatch(l -> l.startsWith("{\"Item\":{"));
        assertThat(lines.get(8)).contains("\"sampleId\":{\"N\":\"202\"}");
        assertThat(explorer.exportSummary().get()).isEqualTo("Exported 9 items to Experiments.ddb.json.");
        assertThat(explorer.exporting().get()).isFalse();
        assertThat(explorer.items()).as("the grid is left as it was").hasSize(3);
    }

    @Test
    void anExportThatCannotWriteSaysWhereAndLeavesNothing() throws Exception {
        store.pages = n -> page(n, 3, 3, false);
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "x");

        explorer.exportResults(ExportFormat.CSV, notAFolder.resolve("items.csv")).exceptionally(e -> null).join();

        assertThat(explorer.exportSummary().get()).isEqualTo("Export failed: no file written.");
        assertThat(explorer.problem().get().text()).startsWith("Could not write " + notAFolder.resolve("items.csv"));
        assertThat(explorer.problem().get().fix()).contains("folder you can write to");
        assertThat(Files.list(folder)).containsExactly(notAFolder);
    }

    @Test
    void aReadThatFailsMidExportLeavesNoFile() throws Exception {
        store.pages = n -> {
            if (n == 1) {
                throw new IllegalStateException("Throughput exceeds the current capacity");
            }
            return page(n, 3, 3, true);
        };
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());

        explorer.exportResults(ExportFormat.JSONL, folder.resolve("items.jsonl")).exceptionally(e -> null).join();

        assertThat(explorer.problem().get().text()).isEqualTo("failed: Throughput exceeds the current capacity");
        assertThat(Files.list(folder)).isEmpty();
    }

    @Test
    void anExportNamesTheIndexItReads() {
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        explorer.builder().index().set("by-status");

        assertThat(explorer.suggestedExportName(ExportFormat.CSV)).isEqualTo("Experiments-by-status.csv");
        assertThat(explorer.suggestedExportName(ExportFormat.JSONL)).isEqualTo("Experiments-by-status.jsonl");
    }

    @Test
    void aFilterThatMatchedNothingYetNeverSaysNoResults() {
        store.pages = n -> n < 2 ? page(n, 0, 100, true) : page(n, 3, 100, false);
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        explorer.builder().addFilter().path().set("status");

        explorer.run().join();
        assertThat(explorer.status().get()).isEqualTo("0 of 100 scanned match — more pages remain · 0.5 RCU");
        assertThat(explorer.hasMore().get()).isTrue();

        explorer.loadMore().join();
        assertThat(explorer.status().get()).startsWith("0 of 200 scanned match — more pages remain");

        explorer.loadMore().join();
        assertThat(explorer.items()).hasSize(3);
        assertThat(explorer.status().get()).isEqualTo("3 items · 300 scanned · 1.5 RCU — all pages read");
        assertThat(explorer.pages()).extracting(PageStats::toString).containsExactly(
                "Page 1: 0 returned of 100 scanned, 0.5 RCU", "Page 2: 0 returned of 100 scanned, 0.5 RCU",
                "Page 3: 3 returned of 100 scanned, 0.5 RCU");
    }

    @Test
    void noMatchOnTheLastPageSaysAllPagesWereRead() {
        store.pages = n -> page(n, 0, 40, false);
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        explorer.builder().addFilter().path().set("status");

        explorer.run().join();

        assertThat(explorer.status().get()).startsWith("No items match: 40 scanned, all pages read");
    }

    @Test
    void keyColumnsComeFirstThenAttributesInOrderOfFirstAppearance() {
        store.pages = n -> new ItemPage(List.of(
                Map.of("zeta", Attr.s("1"), "sampleId", Attr.n(1), "experimentId", Attr.s("e")),
                Map.of("alpha", Attr.s("2"), "zeta", Attr.s("3"), "sampleId", Attr.n(2), "experimentId", Attr.s("e"))),
                2, 1, null);
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());

        explorer.run().join();

        assertThat(explorer.columns()).containsExactly("experimentId", "sampleId", "zeta", "alpha");
    }

    @Test
    void fetchAllStopsAtTheItemBudgetAndSaysWhy() {
        store.pages = n -> page(n, 10, 10, true);
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());

        explorer.fetchAll(new FetchBudget(25, 1000, Duration.ofMinutes(1))).join();

        assertThat(explorer.items()).hasSize(30);
        assertThat(store.calls).containsExactly("read 0", "read 1", "read 2");
        assertThat(explorer.status().get()).contains("more pages remain", "stopped at the budget of 25 items");
    }

    @Test
    void fetchAllUsesTheBudgetTheUserSet() {
        store.pages = n -> page(n, 10, 10, true);
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        explorer.budget().set(new FetchBudget(15, 1000, Duration.ofMinutes(1)));

        explorer.fetchAll().join();

        assertThat(explorer.items()).hasSize(20);
        assertThat(explorer.status().get()).endsWith("(stopped at the budget of 15 items)");
    }

    @Test
    void fetchAllStopsAtTheCapacityAndTimeBudgets() {
        store.pages = n -> page(n, 1, 1, true);
        ItemExplorerPresenter byCapacity = presenter(direct, Clock.systemUTC());
        byCapacity.fetchAll(new FetchBudget(1000, 2, Duration.ofMinutes(1))).join();
        assertThat(byCapacity.status().get()).contains("stopped at the budget of 2 read capacity units");
        assertThat(byCapacity.pages()).hasSize(4);

        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock ticking = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                now[0] = now[0].plusSeconds(1);
                return now[0];
            }
        };
        ItemExplorerPresenter byTime = presenter(direct, ticking);
        byTime.fetchAll(new FetchBudget(1000, 1000, Duration.ofSeconds(3))).join();
        assertThat(byTime.status().get()).contains("stopped at the budget of 3 s");
    }

    @Test
    void cancelStopsFetchAllAndKeepsWhatWasRead() throws Exception {
        CountDownLatch thirdPage = new CountDownLatch(1);
        store.pages = n -> {
            if (n == 2) {
                thirdPage.countDown();
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    throw new java.util.concurrent.CancellationException();
                }
            }
            return page(n, 5, 5, true);
        };
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            ItemExplorerPresenter explorer = presenter(new Operations(worker, Runnable::run, Clock.systemUTC()), Clock.systemUTC());
            var all = explorer.fetchAll(FetchBudget.standard());
            assertThat(thirdPage.await(5, TimeUnit.SECONDS)).isTrue();

            explorer.cancel();

            assertThat(explorer.running().get()).isFalse();
            assertThat(explorer.items()).hasSize(10);
            assertThat(explorer.status().get()).endsWith("(cancelled)");
            all.get(5, TimeUnit.SECONDS);
            assertThat(store.calls).containsExactly("read 0", "read 1", "read 2");
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void autoModeSaysWhichOperationItPicks() {
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        assertThat(explorer.builder().plan().get()).startsWith("Auto: Scan");

        explorer.builder().partitionValue().set("exp-1");
        explorer.builder().sortOp().set(SortOp.BETWEEN);
        explorer.builder().sortValue().set("1");
        explorer.builder().sortSecond().set("x");
        assertThat(explorer.builder().specProblem().get()).isEqualTo("\"x\" is not a number.");

        explorer.builder().sortSecond().set("9");
        assertThat(explorer.builder().plan().get()).isEqualTo("Auto: Query, because the partition key experimentId is given.");
        assertThat(explorer.builder().requestText().get()).contains("\"KeyConditionExpression\" : \"#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2\"",
                "\":v1\" : {", "\"N\" : \"1\"");
    }

    @Test
    void projectingIndexesWarnAndGsisRefuseConsistentReads() {
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        explorer.builder().index().set("by-status");
        assertThat(explorer.builder().indexWarning().get()).contains("KEYS_ONLY");

        explorer.builder().consistentRead().set(true);
        assertThat(explorer.builder().specProblem().get()).contains("cannot be read consistently");

        explorer.builder().index().set("by-site");
        assertThat(explorer.builder().indexWarning().get()).isNull();
        assertThat(explorer.builder().specProblem().get()).isNull();
    }

    @Test
    void findWithinLoadedRowsWrapsAround() {
        store.pages = n -> page(0, 5, 5, false);
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        explorer.run().join();

        assertThat(explorer.findNext("V3", -1)).isEqualTo(3);
        assertThat(explorer.findNext("v", 4)).isEqualTo(0);
        assertThat(explorer.findNext("nowhere", 0)).isEqualTo(-1);
    }

    @Test
    void deletingManyAsksForTheCountTypedAndRetriesUnprocessedItems() {
        store.pages = n -> page(0, 30, 30, false);
        store.unprocessedPerBatch.addAll(List.of(3, 1));
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        explorer.run().join();
        List<Map<String, Attr>> selected = List.copyOf(explorer.items());

        dialogs.typed = "3";
        explorer.delete(selected).join();
        assertThat(store.calls).noneMatch(c -> c.startsWith("batch"));

        dialogs.typed = "30";
        BatchDelete.Summary summary = explorer.delete(selected).join();

        assertThat(dialogs.asked).last().asString().startsWith("typed 30: Delete 30 items from Experiments?");
        assertThat(store.calls).filteredOn(c -> c.startsWith("batch")).containsExactly("batch 25", "batch 3", "batch 1", "batch 5");
        assertThat(summary.deleted()).isEqualTo(30);
        assertThat(explorer.items()).isEmpty();
        assertThat(explorer.deleteSummary().get()).isEqualTo("Deleted 30 of 30 items (2 retries of unprocessed items).");
    }

    @Test
    void aReadOnlyConnectionRefusesDeletesWithoutAsking() {
        store.pages = n -> page(0, 2, 2, false);
        ItemExplorerPresenter explorer = presenter(direct, Clock.systemUTC());
        explorer.run().join();
        explorer.readOnly().set(true);

        explorer.delete(List.copyOf(explorer.items())).join();

        assertThat(dialogs.asked).isEmpty();
        assertThat(store.calls).containsExactly("read 0");
        assertThat(explorer.problem().get().text()).contains("read-only");
    }
}
