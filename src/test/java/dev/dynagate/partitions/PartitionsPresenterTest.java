package dev.dynagate.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionsPresenterTest {
    @TempDir
    static Path dir;
    static SandboxTables sandbox;
    private static final Executor direct = Runnable::run;
    private final Operations operations = new Operations(direct, direct, Clock.systemUTC());
    private final List<PartitionDrill> drills = new ArrayList<>();

    @BeforeAll
    static void tables() throws Exception {
        sandbox = new SandboxTables(dir, false);
        sandbox.createShaped();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private PartitionsPresenter presenter(String table, KeyScanner scanner) {
        PartitionsPresenter presenter = new PartitionsPresenter(table, scanner,
                e -> new UserMessage("Failed: " + e.getMessage(), "", false), operations, direct, drills::add,
                Hints.standard());
        presenter.load();
        return presenter;
    }

    @Test
    void scansTheTableAndShowsPartitionsSkewHintsAndCapacity() {
        PartitionsPresenter presenter = presenter("Shaped", sandbox.scanner());
        assertThat(presenter.targets()).extracting(KeySchema::label).containsExactly("Shaped", "Shaped · byGroup");

        presenter.start().join();

        assertThat(presenter.phase().get()).isEqualTo(PartitionsPresenter.Phase.DONE);
        assertThat(presenter.partitions()).hasSize(11);
        assertThat(presenter.top()).first().satisfies(p -> assertThat(p.key().display()).isEqualTo("HOT"));
        assertThat(presenter.top()).extracting(p -> p.key().display()).containsSequence("HOT", "A", "B");
        assertThat(presenter.skewText().get()).startsWith("Top 1% of keys (1 of 11) hold 71% of items · ");
        assertThat(presenter.basisText().get()).startsWith("Exact: all 70 items; bytes of key attributes only");
        assertThat(presenter.hints()).extracting(Hint::kind).containsExactly(Hint.Kind.HOT_KEY);
        assertThat(presenter.progress().get()).isEqualTo(1.0);
        assertThat(presenter.progressText().get()).startsWith("70 items · ").contains(" RCU consumed · 4/4 segments done")
                .endsWith("finished");
        assertThat(presenter.report().get().progress().capacityUnits()).isPositive();
    }

    @Test
    void withSizesRanksTheChartByBytes() {
        PartitionsPresenter presenter = presenter("Shaped", sandbox.scanner());
        presenter.withSizes().set(true);
        presenter.start().join();

        assertThat(presenter.chartMetric().get()).isEqualTo(ChartMetric.BYTES);
        // A carries group on both items, so it outweighs B…J by bytes
        assertThat(presenter.top()).extracting(p -> p.key().display() + "=" + p.bytes())
                .startsWith("HOT=1160", "A=54", "B=40");
        assertThat(presenter.skewText().get()).contains("74% of bytes");
    }

    @Test
    void itemBudgetFromTheFormStopsAndLabelsPartial() {
        PartitionsPresenter presenter = presenter("Shaped", sandbox.scanner());
        presenter.itemBudget().set("3,0");
        presenter.start().join();

        assertThat(presenter.report().get().items()).isEqualTo(30);
        assertThat(presenter.basisText().get()).startsWith("Partial: 30 of ~70 items read before the item budget");
        assertThat(presenter.progressText().get()).endsWith("stopped: the item budget was reached");
        assertThat(presenter.skewText().get()).endsWith("(partial)");
    }

    @Test
    void samplingWithoutBudgetReadsTheDefaultSampleAndSaysEstimate() {
        PartitionsPresenter presenter = presenter("Shaped", sandbox.scanner());
        presenter.sampling().set(true);
        presenter.itemBudget().set("20");
        presenter.start().join();

        assertThat(presenter.report().get().items()).isEqualTo(20);
        assertThat(presenter.basisText().get()).startsWith("Estimate from 20 of ~70 items");
        assertThat(BudgetForm.parse("", "", "", true).maxItems()).isEqualTo(BudgetForm.DEFAULT_SAMPLE);
    }

    @Test
    void aBadBudgetIsExplainedAndNothingIsScanned() {
        AtomicInteger scans = new AtomicInteger();
        PartitionsPresenter presenter = presenter("Shaped", new ForwardingScanner(sandbox.scanner()) {
            @Override
            public Page scan(ScanRequest request) {
                scans.incrementAndGet();
                return super.scan(request);
            }
        });
        presenter.secondsBudget().set("soon");
        presenter.start();

        assertThat(presenter.problem().get().text()).isEqualTo(
                "Time budget must be a positive number or empty for no limit, not \"soon\".");
        assertThat(scans).hasValue(0);
    }

    @Test
    void cancelKeepsThePartitionsReadSoFarLabelledPartial() {
        AtomicInteger pages = new AtomicInteger();
        PartitionsPresenter[] holder = new PartitionsPresenter[1];
        holder[0] = presenter("Shaped", new ForwardingScanner(sandbox.scanner()) {
            @Override
            public Page scan(ScanRequest request) {
                Page page = super.scan(request);
                if (pages.incrementAndGet() == 2) {
                    holder[0].cancel();
                }
                return page;
            }
        });
        PartitionsPresenter presenter = holder[0];
        presenter.start();

        assertThat(presenter.phase().get()).isEqualTo(PartitionsPresenter.Phase.DONE);
        assertThat(presenter.report().get().stop()).isEqualTo(ScanStop.CANCELLED);
        assertThat(presenter.partitions()).isNotEmpty();
        assertThat(presenter.report().get().items()).isBetween(1L, 69L);
        assertThat(presenter.basisText().get()).startsWith("Partial: ").contains("read before it was cancelled");
        assertThat(pages).hasValue(2);
    }

    @Test
    void cancelOnWorkerThreadsInterruptsTheScanAndKeepsItsFirstPages() throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
        java.util.concurrent.CountDownLatch firstPage = new java.util.concurrent.CountDownLatch(1);
        try {
            Operations threaded = new Operations(threads, direct, Clock.systemUTC());
            PartitionsPresenter presenter = new PartitionsPresenter("Shaped", new ForwardingScanner(sandbox.scanner()) {
                @Override
                public Page scan(ScanRequest request) {
                    Page page = super.scan(request);
                    if (firstPage.getCount() == 0) {
                        try {
                            Thread.sleep(60_000); // a slow page; cancel interrupts it
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("interrupted");
                        }
                    }
                    firstPage.countDown();
                    return page;
                }
            }, e -> new UserMessage(e.toString(), "", false), threaded, threads, drills::add, Hints.standard());
            presenter.load().join();
            presenter.start();
            assertThat(firstPage.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (presenter.partitions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10); // the first page reaches the aggregator after the scanner returned it
            }

            presenter.cancel();

            while (presenter.phase().get() != PartitionsPresenter.Phase.DONE && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(presenter.phase().get()).isEqualTo(PartitionsPresenter.Phase.DONE);
            assertThat(presenter.report().get().stop()).isEqualTo(ScanStop.CANCELLED);
            assertThat(presenter.report().get().items()).isBetween(1L, 69L);
            assertThat(presenter.basisText().get()).contains("read before it was cancelled");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void openingAPartitionDrillsInAndListsItsSortKeysInOrder() {
        PartitionsPresenter presenter = presenter("Shaped", sandbox.scanner());
        presenter.start().join();
        PartitionStats hot = presenter.top().get(0);

        presenter.open(hot).join();

        assertThat(drills).containsExactly(new PartitionDrill("Shaped", null, "pk", KeyType.S, "HOT"));
        assertThat(presenter.sortKeys()).hasSize(50).startsWith("META#a", "META#b", "SAMPLE#0001")
                .endsWith("SAMPLE#0048");
        assertThat(presenter.sortKeySummary().get()).isEqualTo("SAMPLE# 48 · META# 2 — 50 keys in sort-key order");
    }

    @Test
    void aGlobalIndexIsScannedByItsOwnKey() {
        PartitionsPresenter presenter = presenter("Shaped", sandbox.scanner());
        presenter.target().set(presenter.targets().get(1));
        presenter.start().join();

        assertThat(presenter.partitions()).extracting(p -> p.key().display() + "=" + p.items())
                .containsExactlyInAnyOrder("g1=10", "g2=2");
        presenter.open(presenter.top().get(0)).join();
        assertThat(drills).containsExactly(new PartitionDrill("Shaped", "byGroup", "group", KeyType.S, "g1"));
        assertThat(presenter.sortKeys()).hasSize(10).startsWith("SAMPLE#0001");
    }

    @Test
    void aMissingTableFailsWithAMessage() {
        PartitionsPresenter presenter = presenter("Nope", sandbox.scanner());

        assertThat(presenter.phase().get()).isEqualTo(PartitionsPresenter.Phase.FAILED);
        assertThat(presenter.problem().get().text()).startsWith("Failed: ");
    }
}
