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
    private static final TableDescription TABLE = new TableDescription("T", "arn:aws:dynamodb:us-east-1:1:table/T",
            "ACTIVE", java.time.Instant.EPOCH, new TableDescription.KeySchema(new TableDescription.Key("pk", KeyType.S),
            new TableDescription.Key("sk", KeyType.N)), List.of(new TableDescription.Index("byOwner",
            TableDescription.IndexKind.GSI, new TableDescription.KeySchema(new TableDescription.Key("owner", KeyType.S),
            null), "ALL", List.of())), "PAY_PER_REQUEST", null, null, null, null, 0, 0);

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

        TableImport.Check check = TableImport.check(file, null, TABLE);

        assertThat(check.format()).isEqualTo(ExportFormat.DDB_JSON);
        assertThat(check.items()).isEqualTo(2);
        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).extracting(TableImport.Problem::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(check.describeProblems()).contains("line 3: no sk, a key attribute of the table",
                "line 5: pk is N but the table's key is S", "line 6: pk is empty; a value of the table's key cannot be");
    }

    @Test
    void anIndexKeyOfTheWrongTypeAndAnItemOver400KbAreRefusedBeforeAnythingIsSent() throws Exception {
        Path file = file("{\"pk\":\"a\",\"sk\":1,\"owner\":7}", "{\"pk\":\"a\",\"sk\":2,\"owner\":\"\"}",
                "{\"pk\":\"a\",\"sk\":3}", "{\"pk\":\"a\",\"sk\":4,\"big\":\"" + "x".repeat(409_600) + "\"}");

        TableImport.Check check = TableImport.check(file, null, TABLE);

        assertThat(check.items()).isEqualTo(1);
        assertThat(check.describeProblems()).isEqualTo("""
                line 1: owner is N but the key of index byOwner is S
                line 2: owner is empty; a value of the key of index byOwner cannot be
                line 4: the item is 409,610 bytes; DynamoDB's limit is 400 KB (409,600 bytes)""");
    }

    @Test
    void numbersDynamoDbCannotStoreAndEmptySetsAreRefusedWithTheirPath() throws Exception {
        Path file = file("{\"pk\":\"a\",\"sk\":1,\"big\":1e126}",
                "{\"pk\":\"a\",\"sk\":2,\"m\":{\"l\":[1,123456789012345678901234567890123456789]}}",
                "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"3\"},\"tags\":{\"SS\":[]}}}",
                "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"4\"},\"tiny\":{\"NS\":[\"1\",\"1E-131\"]}}}",
                "{\"pk\":\"a\",\"sk\":5,\"zero\":0,\"edge\":9.9999999999999999999999999999999999999E+125}");

        TableImport.Check jsonLines = TableImport.check(file, ExportFormat.JSONL, TABLE);

        assertThat(jsonLines.items()).isEqualTo(1);
        assertThat(jsonLines.describeProblems()).startsWith("""
                line 1: big: the number 1E+126 is larger than DynamoDB stores (below 1E+126)
                line 2: m.l[1]: the number 123456789012345678901234567890123456789 has more than 38 significant digits
                line 3: """);
        assertThat(TableImport.check(file(lines(file, 3, 4)), ExportFormat.DDB_JSON, TABLE).describeProblems())
                .isEqualTo("""
                        line 1: tags: an empty SS; DynamoDB keeps no empty set
                        line 2: tiny: the number 1E-131 is smaller than DynamoDB stores (1E-130 or more)""");
    }

    private static String[] lines(Path file, int... numbers) throws Exception {
        List<String> all = Files.readAllLines(file);
        return java.util.Arrays.stream(numbers).mapToObj(n -> all.get(n - 1)).toArray(String[]::new);
    }

    @Test
    void plainJsonIsRecognisedAndTypedFromJson() throws Exception {
        Path file = file("{\"pk\":\"a\",\"sk\":12345678901234567890123456789012345678,\"on\":true,\"l\":[1,\"x\"]}");

        TableImport.Check check = TableImport.check(file, null, TABLE);
        TableImport.Result result = new TableImport(store, millis -> { }, 3).run(TABLE, file, check.format(), 2,
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

        TableImport.Result result = new TableImport(store, millis -> { }, 3).run(TABLE, file, ExportFormat.DDB_JSON, 1,
                n -> { });

        assertThat(result.written()).isEqualTo(61);
        assertThat(store.calls).containsExactly("put batch 5", "put batch 25", "put batch 25", "put batch 6");
        assertThat(store.stored).hasSize(60);
        assertThat(store.stored.get(Map.of("pk", new Attr.S("p"), "sk", new Attr.N("2"))).get("tags"))
                .isEqualTo(new Attr.SS(java.util.Set.of("a")));
    }

    @Test
    void aKeyRepeatedThroughTheFileEndsWithItsLastLineWhateverTheWriters() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add("{\"pk\":\"k" + i % 7 + "\",\"sk\":1,\"line\":" + i + "}");
        }
        Path file = file(lines.toArray(String[]::new));

        TableImport.Result result = new TableImport(store, millis -> { }, 3).run(TABLE, file, ExportFormat.JSONL, 4,
                n -> { });

        assertThat(result.written()).isEqualTo(500);
        assertThat(store.stored).hasSize(7);
        for (int k = 0; k < 7; k++) {
            int last = 499 - (499 - k) % 7;
            assertThat(store.stored.get(Map.of("pk", new Attr.S("k" + k), "sk", new Attr.N("1"))).get("line"))
                    .as("k" + k).isEqualTo(new Attr.N(Integer.toString(last)));
        }
    }

    @Test
    void keepingExistingItemsLeavesTheTablesItemAndTheFirstLineOfARepeatedKey() throws Exception {
        store.put("T", Map.of("pk", new Attr.S("k0"), "sk", new Attr.N("1"), "line", new Attr.S("in the table")), null);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add("{\"pk\":\"k" + i % 3 + "\",\"sk\":1,\"line\":" + i + "}");
        }
        Path file = file(lines.toArray(String[]::new));
        List<Long> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

        TableImport.Result result = new TableImport(store, millis -> { }, 3).run(TABLE, file, ExportFormat.JSONL, 4,
                TableImport.Existing.KEEP, heard::add);

        assertThat(result.written()).isEqualTo(2);
        assertThat(result.kept()).isEqualTo(58);
        assertThat(heard).containsExactly(1L, 2L);
        assertThat(store.stored.get(Map.of("pk", new Attr.S("k0"), "sk", new Attr.N("1"))).get("line"))
                .isEqualTo(new Attr.S("in the table"));
        assertThat(store.stored.get(Map.of("pk", new Attr.S("k1"), "sk", new Attr.N("1"))).get("line"))
                .as("the first line of k1").isEqualTo(new Attr.N("1"));
        assertThat(store.stored.get(Map.of("pk", new Attr.S("k2"), "sk", new Attr.N("1"))).get("line"))
                .isEqualTo(new Attr.N("2"));
        assertThat(store.calls).doesNotContain("put batch 25").allMatch(call -> call.equals("put"));
    }

    @Test
    void keysEqualAsNumbersAreOneKeyAndGoInSeparateBatches() throws Exception {
        Path file = file("{\"pk\":\"a\",\"sk\":1}", "{\"pk\":\"a\",\"sk\":1.0}", "{\"pk\":\"b\",\"sk\":1}");

        new TableImport(store, millis -> { }, 3).run(TABLE, file, ExportFormat.JSONL, 1, n -> { });

        assertThat(store.calls).containsExactly("put batch 1", "put batch 2");
    }

    @Test
    void keyValuesPastDynamoDbsLengthsAndSetsNamingANumberTwiceAreRefused() throws Exception {
        Path longKey = Files.write(folder.resolve("long.jsonl"), List.of("{\"pk\":\"" + "é".repeat(1025)
                + "\",\"sk\":1}"));
        Path twice = Files.write(folder.resolve("twice.json"), List.of("{\"Item\":{\"pk\":{\"S\":\"a\"},"
                + "\"sk\":{\"N\":\"1\"},\"ns\":{\"NS\":[\"1\",\"2\",\"1.0\"]}}}"));

        assertThat(TableImport.check(longKey, null, TABLE).describeProblems())
                .isEqualTo("line 1: pk is 2,050 bytes; a value of the table's key holds 2,048 at most");
        assertThat(TableImport.check(twice, null, TABLE).describeProblems())
                .isEqualTo("line 1: ns: the NS holds 1 and 1.0, the same number twice");
    }

    @Test
    void aFirstLineInDynamoDbJsonWithAMistakeIsReportedAsThatMistake() throws Exception {
        Path file = file("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":42}}", "{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"}}");

        TableImport.Check check = TableImport.check(file, null, TABLE);

        assertThat(check.format()).isEqualTo(ExportFormat.DDB_JSON);
        assertThat(check.items()).isEqualTo(1);
        assertThat(check.describeProblems()).startsWith("line 1: sk: a number is written as a string");
    }

    @Test
    void unprocessedItemsAreSentAgainAndWhatStaysUnprocessedIsCounted() throws Exception {
        Path file = file(typed("a", 1), typed("a", 2), typed("a", 3));
        store.unprocessedPerBatch = new ArrayList<>(List.of(2, 1, 1));
        List<Long> progress = Collections.synchronizedList(new ArrayList<>());

        TableImport.Result result = new TableImport(store, millis -> { }, 2).run(TABLE, file, ExportFormat.DDB_JSON, 1,
                progress::add);

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

        assertThatThrownBy(() -> new TableImport(refusing, millis -> { }, 3).run(TABLE, file, ExportFormat.DDB_JSON,
                4, n -> { })).hasMessageContaining("maximum allowed size");
    }

    @Test
    void anEmptyFileIsAProblem() throws Exception {
        TableImport.Check check = TableImport.check(file("", "  "), null, TABLE);

        assertThat(check.ok()).isFalse();
        assertThat(check.describeProblems()).isEqualTo("the file holds no items");
    }
}
