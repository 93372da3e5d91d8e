package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.tables.transfer.TableCopy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableCopyTest {
    private final FakeItemStore source = new FakeItemStore(List.of("experimentId", "sampleId"));
    private final FakeItemStore target = new FakeItemStore(List.of("experimentId", "sampleId"));
    private final RecordingTableAdmin admin = new RecordingTableAdmin();

    private static Map<String, Attr> item(int n) {
        return Map.of("experimentId", Attr.s("E"), "sampleId", Attr.n(n), "set", new Attr.NS(
                new java.util.LinkedHashSet<>(List.of("1", String.valueOf(n)))));
    }

    @Test
    void theCopyHasTheSourcesKeysAndIndexesOnDemand() {
        TableAdmin.Spec spec = TableCopy.spec(Fixtures.experiments(), "Copy");

        assertThat(spec.name()).isEqualTo("Copy");
        assertThat(spec.partition()).isEqualTo(new TableDescription.Key("experimentId", KeyType.S));
        assertThat(spec.sort()).isEqualTo(new TableDescription.Key("sampleId", KeyType.N));
        assertThat(spec.onDemand()).isTrue();
        assertThat(spec.stream()).as("the source's stream").isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(spec.indexes()).containsExactly(
                new TableAdmin.IndexSpec("by-status", TableDescription.IndexKind.GSI,
                        new TableDescription.Key("status", KeyType.S), new TableDescription.Key("takenAt", KeyType.S),
                        "KEYS_ONLY", List.of()),
                new TableAdmin.IndexSpec("by-site", TableDescription.IndexKind.LSI,
                        new TableDescription.Key("experimentId", KeyType.S), new TableDescription.Key("site", KeyType.S),
                        "ALL", List.of()));
    }

    @Test
    void everyItemIsWrittenInBatchesOf25ThenTimeToLiveIsTurnedOn() throws Exception {
        source.pages = n -> new ItemPage(java.util.stream.IntStream.range(0, 20).mapToObj(i -> item(n * 20 + i))
                .toList(), 20, 0, n < 2 ? FakeItemStore.pageKey(n + 1) : null);

        TableCopy.Result result = new TableCopy(source, target, admin, millis -> { }, 3)
                .run(Fixtures.experiments(), "Copy", n -> { });

        assertThat(result.copied()).isEqualTo(60);
        assertThat(result.unprocessed()).isZero();
        assertThat(target.stored).hasSize(60).containsValue(item(59));
        assertThat(target.calls).containsExactly("put batch 25", "put batch 25", "put batch 10");
        assertThat(admin.calls).containsExactly("create Copy", "ttl Copy expiresAt true");
    }

    @Test
    void anIndexWithAKeyOfSeveralAttributesIsRefusedBeforeAnythingIsCreated() {
        TableDescription table = Fixtures.withWideIndex();

        assertThatThrownBy(() -> new TableCopy(source, target, admin, millis -> { }, 3).run(table, "Copy", n -> { }))
                .hasMessage("The index wide of Experiments has a key of several attributes, which a copy cannot "
                        + "make yet.");
        assertThat(admin.calls).isEmpty();
    }
}
