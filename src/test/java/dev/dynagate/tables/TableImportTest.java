package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.tables.transfer.ExportFormat;
import dev.dynagate.tables.transfer.TableImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableImportTest {
    private static final TableDescription.KeySchema KEYS = new TableDescription.KeySchema(
            new TableDescription.Key("pk", KeyType.S), new TableDescription.Key("sk", KeyType.N));

    @TempDir
    Path folder;

    private final FakeItemStore store = new FakeItemStore(List.of("pk", "sk"));

    private Path file(String... lines) throws Exception {
        return Files.write(folder.resolve("items.jsonl"), List.of(lines));
    }

    private static String typed(String pk, int sk) {
        return "{\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk + "\"},\"tags\":{\"SS\":[\"a\"]}}}";
    }

    @Test
    void theCheckReadsEveryLineAndNamesEachBadOneWithItsLineNumber() throws Exception {
        Path file = file(typed("a", 1), "", "{\"pk\":{\"S\":\"b\"}}", "not json", "{\"pk\":{\"N\":\"1\"},\"sk\":{\"N\":\"2\"}}",
                "{\"pk\":{\"S\":\"\"},\"sk\":{\"N\":\"2\"}}", typed("c", 3));

        TableImport.Check check = TableImport.check(file, null, KEYS);

        assertThat(check.format()).isEqualTo(ExportFormat.DDB_JSON);
        assertThat(check.items()).isEqualTo(2);
        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).extracting(TableImport.Problem::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(check.describeProblems()).contains("line 3: no sk, a key attribute of the table",
                "line 5: pk is N but the table's key is S", "line 6: pk is empty; a key value cannot be");
    }

    @Test
    void plainJsonIsRecognisedAndTypedFromJson() throws Exception {
        Path file = file("{\"pk\":\"a\",\"sk\":12345678901234567890123456789012345678,\"on\":true,\"l\":[1,\"x\"]}");

        TableImport.Check check = TableImport.check(file, null, KEYS);
        TableImport.Result result = new TableImport(store, millis -> { }, 3).run("T", file, check.format(), KEYS, 2,
                n -> { });

        assertThat(check.format()).isEqualTo(ExportFormat.JSONL);
        assertThat(result.written()).isEqualTo(1);
        Map<String, Attr> stored = store.stored.values().iterator().next();
        assertThat(stored.get("sk")).isEqualTo(new Attr.N("12345678901234567890123456789012345678"));
        assertThat(stored.get("on")).isEqualTo(new Attr.Bool(true));
        assertThat(stored.get("l")).isEqualTo(new Attr.L(List.of(new Attr.N("1"), new Attr.S("x"))));
    }

    @Test
    void itemsGoInBatchesOf25AndARepeatedKeyStartsTheNextBatch() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(typed("p", i));
        }
        lines.add(5, typed("p", 2)); // the same key again, inside what would be the first batch
        Path file = file(lines.toArray(String[]::new));

        TableImport.Result result = new TableImport(store, millis -> { }, 3).run("T", file, ExportFormat.DDB_JSON,
                KEYS, 1, n -> { });

        assertThat(result.written()).isEqualTo(61);
        assertThat(store.calls).containsExactly("put batch 5", "put batch 25", "put batch 25", "put batch 6");
        assertThat(store.stored).hasSize(60);
        assertThat(store.stored.get(Map.of("pk", new Attr.S("p"), "sk", new Attr.N("2"))).get("tags"))
                .isEqualTo(new Attr.SS(java.util.Set.of("a")));
    }

    @Test
    void unprocessedItemsAreSentAgainAndWhatStaysUnprocessedIsCounted() throws Exception {
        Path file = file(typed("a", 1), typed("a", 2), typed("a", 3));
        store.unprocessedPerBatch = new ArrayList<>(List.of(2, 1, 1));
        List<Long> progress = Collections.synchronizedList(new ArrayList<>());

        TableImport.Result result = new TableImport(store, millis -> { }, 2).run("T", file, ExportFormat.DDB_JSON,
                KEYS, 1, progress::add);

        assertThat(store.calls).containsExactly("put batch 3", "put batch 2", "put batch 1");
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.unprocessed()).isEqualTo(1);
        assertThat(result.retries()).isEqualTo(2);
        assertThat(progress).isSorted().endsWith(2L);
    }

    @Test
    void aRefusedBatchStopsTheImport() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(typed("p", i));
        }
        Path file = file(lines.toArray(String[]::new));
        ItemStore refusing = new FakeItemStore(List.of("pk", "sk")) {
            @Override
            public List<Map<String, Attr>> putBatch(String table, List<Map<String, Attr>> items) {
                throw new IllegalStateException("Item size has exceeded the maximum allowed size");
            }
        };

        assertThatThrownBy(() -> new TableImport(refusing, millis -> { }, 3).run("T", file, ExportFormat.DDB_JSON,
                KEYS, 4, n -> { })).hasMessageContaining("maximum allowed size");
    }

    @Test
    void anEmptyFileIsAProblem() throws Exception {
        TableImport.Check check = TableImport.check(file("", "  "), null, KEYS);

        assertThat(check.ok()).isFalse();
        assertThat(check.describeProblems()).isEqualTo("the file holds no items");
    }
}
