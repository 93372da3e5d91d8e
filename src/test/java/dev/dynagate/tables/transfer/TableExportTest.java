package dev.dynagate.tables.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.tables.Attr;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TableExportTest {
    /** A table of {@code items} items spread over the segments by number, served {@code pageSize} at a time. */
    private static final class FakeTable implements SegmentReader {
        final int items;
        final int pageSize;
        final Map<Integer, Integer> pagesPerSegment = new ConcurrentHashMap<>();
        volatile int failingSegment = -1;
        volatile int endlessSegment = -1;

        FakeTable(int items, int pageSize) {
            this.items = items;
            this.pageSize = pageSize;
        }

        TableExport.Source source() {
            return new TableExport.Source("T", null, List.of("id"), items);
        }

        @Override
        public Page scan(String table, String index, int segment, int totalSegments, Map<String, Attr> exclusiveStart) {
            if (segment == failingSegment) {
                throw new IllegalStateException("Throughput exceeds the current capacity of your table");
            }
            if (segment == endlessSegment) {
                try {
                    Thread.sleep(60_000); // a segment still reading when another fails
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            pagesPerSegment.merge(segment, 1, Integer::sum);
            List<Integer> ids = new ArrayList<>();
            for (int id = segment; id < items; id += totalSegments) {
                ids.add(id);
            }
            int from = exclusiveStart == null ? 0 : ids.indexOf(Integer.valueOf(
                    ((Attr.N) exclusiveStart.get("id")).value())) + 1;
            int to = Math.min(ids.size(), from + pageSize);
            List<Map<String, Attr>> page = new ArrayList<>();
            for (int id : ids.subList(from, to)) {
                page.add(Map.of("id", new Attr.N(Integer.toString(id))));
            }
            return new Page(page, to < ids.size() ? page.get(page.size() - 1) : null);
        }
    }

    /** Collects what is written, and says whether two threads ever wrote at once. */
    private static final class CollectingWriter implements ItemWriter {
        final List<Integer> ids = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger writing = new AtomicInteger();
        volatile boolean overlapped;
        volatile boolean finished;

        @Override
        public void write(Map<String, Attr> item) {
            if (writing.incrementAndGet() > 1) {
                overlapped = true;
            }
            ids.add(Integer.valueOf(((Attr.N) item.get("id")).value()));
            writing.decrementAndGet();
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void close() {
        }
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyItemOfEverySegmentIsWrittenOnceAndTheWriterIsFinished() throws Exception {
        FakeTable table = new FakeTable(1_003, 10);
        CollectingWriter writer = new CollectingWriter();
        TableExport export = new TableExport(table, clock);

        TableExport.Progress done = export.run(table.source(), 4, writer, progress -> { });

        assertThat(done.items()).isEqualTo(1_003);
        assertThat(writer.ids).hasSize(1_003).doesNotHaveDuplicates();
        assertThat(writer.ids).containsAll(java.util.stream.IntStream.range(0, 1_003).boxed().toList());
        assertThat(table.pagesPerSegment).containsOnlyKeys(0, 1, 2, 3);
        assertThat(table.pagesPerSegment.get(0)).isEqualTo(26); // 251 items, 10 a page
        assertThat(writer.overlapped).isFalse();
        assertThat(writer.finished).isTrue();
    }

    @Test
    void aSegmentThatFailsFailsTheExportAndTheOutputIsNotFinished() {
        FakeTable table = new FakeTable(500, 10);
        table.failingSegment = 2;
        CollectingWriter writer = new CollectingWriter();
        TableExport export = new TableExport(table, clock);

        assertThatThrownBy(() -> export.run(table.source(), 4, writer, progress -> { }))
                .hasMessageContaining("Throughput exceeds");
        assertThat(writer.finished).isFalse();
    }

    @Test
    void aSegmentThatFailsStopsTheOthersWithoutWaitingForThem() {
        FakeTable table = new FakeTable(500, 10);
        table.endlessSegment = 0;
        table.failingSegment = 3;
        TableExport export = new TableExport(table, clock);
        long started = System.nanoTime();

        assertThatThrownBy(() -> export.run(table.source(), 4, new CollectingWriter(), progress -> { }))
                .hasMessageContaining("Throughput exceeds");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("segment 0 was not waited for")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aWriterThatFailsFailsTheExportWithItsError() {
        FakeTable table = new FakeTable(500, 10);
        ItemWriter full = new ItemWriter() {
            @Override
            public void write(Map<String, Attr> item) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        };
        TableExport export = new TableExport(table, clock);

        assertThatThrownBy(() -> export.run(table.source(), 2, full, progress -> { }))
                .isInstanceOf(IOException.class).hasMessage("No space left on device");
    }

    @Test
    void progressIsReportedAsTimePassesWithTheTablesEstimate() throws Exception {
        FakeTable table = new FakeTable(300, 10);
        Instant[] now = {Instant.parse("2026-11-27T10:00:00Z")};
        Clock ticking = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now[0] = now[0].plusMillis(400);
                return now[0];
            }
        };
        List<TableExport.Progress> reports = Collections.synchronizedList(new ArrayList<>());

        new TableExport(table, ticking).run(table.source(), 1, new CollectingWriter(), reports::add);

        assertThat(reports).isNotEmpty();
        assertThat(reports).allSatisfy(p -> assertThat(p.approximateItems()).isEqualTo(300));
        assertThat(reports).extracting(TableExport.Progress::items).isSorted().allSatisfy(n -> assertThat(n)
                .isBetween(10L, 300L));
        assertThat(reports.get(0).itemsPerSecond()).isPositive();
    }

    @Test
    void noSegmentsIsRefused() {
        FakeTable table = new FakeTable(1, 1);
        TableExport export = new TableExport(table, clock);

        assertThatThrownBy(() -> export.run(table.source(), 0, new CollectingWriter(), p -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
