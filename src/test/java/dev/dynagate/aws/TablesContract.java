package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.tables.Attr;
import dev.dynagate.tables.FetchBudget;
import dev.dynagate.tables.FilterOp;
import dev.dynagate.tables.FilterRow;
import dev.dynagate.tables.Fixtures;
import dev.dynagate.tables.ItemEditorPresenter;
import dev.dynagate.tables.ItemExplorerPresenter;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.QuerySpec;
import dev.dynagate.tables.ReadOnlyRefusal;
import dev.dynagate.tables.SortOp;
import dev.dynagate.tables.TableAdmin;
import dev.dynagate.tables.TableDescription;
import dev.dynagate.tables.ValueType;
import dev.dynagate.testing.MotoServer;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The item explorer and editor through the real adapters against a DynamoDB endpoint: every sort and filter
 * operator, typed keys, both orders, paging with filters, the lossless round trip, conflicts, batch deletes and
 * read-only refusal. Subclasses supply the endpoint (moto_server, the sandbox).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TablesContract {
    AwsClientFactory factory;
    AwsServices services;
    Connection connection;
    DynamoDbClient client;

    @TempDir
    static Path home;

    /** Starts the endpoint under test. */
    abstract URI startEndpoint() throws Exception;

    abstract void stopEndpoint();

    /** Whether size() of a number is false as on DynamoDB (moto_server reports an error instead). */
    boolean sizeOfANumberIsFalse() {
        return true;
    }

    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final Dialogs yes = new dev.dynagate.testing.UnaskedDialogs() {
        public void showError(String title, UserMessage message) {
        }

        public boolean confirm(String title, String question, String confirmLabel) {
            return true;
        }

        public boolean confirmTyped(String title, String question, String expected) {
            return true;
        }

        public Optional<String> ask(String title, String question, String initial) {
            return Optional.empty();
        }
    };

    @BeforeAll
    void seed() throws Exception {
        connection = Connection.endpoint("under-test", startEndpoint(), "us-east-1");
        factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home), () -> null, new SessionSecrets());
        services = new AwsServices(factory);
        client = factory.dynamoDb(connection);
        createTable("Experiments", "experimentId", ScalarAttributeType.S, "sampleId", ScalarAttributeType.N, true);
        createTable("ByNumber", "shard", ScalarAttributeType.N, "name", ScalarAttributeType.S, false);
        createTable("ByBinary", "id", ScalarAttributeType.B, "part", ScalarAttributeType.B, false);
        ItemStore store = services.items(connection);
        for (int i = 1; i <= 30; i++) {
            Map<String, Attr> item = new LinkedHashMap<>();
            item.put("experimentId", Attr.s(i <= 20 ? "exp-A" : "exp-B"));
            item.put("sampleId", Attr.n(i));
            item.put("status", Attr.s(i % 3 == 0 ? "failed" : "ok"));
            item.put("site", Attr.s("site-" + (i % 4)));
            item.put("score", Attr.n(i * 10));
            if (i % 5 == 0) {
                item.put("tags", new Attr.SS(java.util.Set.of("t" + i, "flagged")));
            }
            item.put("meta", new Attr.M(Map.of("readings", new Attr.L(List.of(Attr.n(i), Attr.n(i + 1))))));
            store.put("Experiments", item, null);
        }
        for (int shard = 1; shard <= 3; shard++) {
            for (String name : List.of("a", "b", "c")) {
                store.put("ByNumber", Map.of("shard", Attr.n(shard), "name", Attr.s(name)), null);
            }
        }
        for (int part = 0; part < 4; part++) {
            store.put("ByBinary", Map.of("id", new Attr.B(new byte[] {1, 2}), "part", new Attr.B(new byte[] {9, (byte) part})), null);
        }
    }

    void createTable(String name, String pk, ScalarAttributeType pkType, String sk, ScalarAttributeType skType,
                            boolean index) {
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(pk).attributeType(pkType).build(),
                            AttributeDefinition.builder().attributeName(sk).attributeType(skType).build())
                    .keySchema(KeySchemaElement.builder().attributeName(pk).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(sk).keyType(KeyType.RANGE).build());
            if (index) {
                b.attributeDefinitions(AttributeDefinition.builder().attributeName(pk).attributeType(pkType).build(),
                        AttributeDefinition.builder().attributeName(sk).attributeType(skType).build(),
                        AttributeDefinition.builder().attributeName("status").attributeType(ScalarAttributeType.S).build());
                b.globalSecondaryIndexes(g -> g.indexName("by-status")
                        .keySchema(KeySchemaElement.builder().attributeName("status").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()));
            }
        });
    }

    @AfterAll
    void stop() {
        if (factory != null) {
            factory.close();
        }
        stopEndpoint();
    }

    private ItemExplorerPresenter explorer(String table) {
        TableDescription description = services.tableDescriber(connection).describe(table);
        return new ItemExplorerPresenter(description, () -> services.items(connection), services.errors(connection),
                direct, Clock.systemUTC(), yes);
    }

    private static List<String> column(ItemExplorerPresenter explorer, String name) {
        return explorer.items().stream().map(i -> i.get(name) == null ? "-" : ((Attr.N) i.get(name)).value()).toList();
    }

    @Test
    void describesKeysIndexesAndBilling() {
        TableDescription table = services.tableDescriber(connection).describe("Experiments");

        assertThat(table.keys().partition()).isEqualTo(new TableDescription.Key("experimentId", dev.dynagate.tables.KeyType.S));
        assertThat(table.keys().sort()).isEqualTo(new TableDescription.Key("sampleId", dev.dynagate.tables.KeyType.N));
        assertThat(table.indexes()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("by-status");
            assertThat(i.projection()).isEqualTo("KEYS_ONLY");
        });
        assertThat(table.billingMode()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.arn()).endsWith("table/Experiments");
    }

    @Test
    void aProvisionedTableIsCreatedWithAGlobalAndALocalIndexAndGlobalOnesComeAndGo() throws Exception {
        TableDescription.Key region = new TableDescription.Key("region", dev.dynagate.tables.KeyType.S);
        TableDescription.Key placed = new TableDescription.Key("placedAt", dev.dynagate.tables.KeyType.N);
        services.tablesFeature().admin(connection).create(new TableAdmin.Spec("WithIndexes", region, placed, false, 7,
                3, List.of(new TableAdmin.IndexSpec("byCustomer", TableDescription.IndexKind.GSI,
                        new TableDescription.Key("customer", dev.dynagate.tables.KeyType.S), placed, "INCLUDE",
                        List.of("total")), new TableAdmin.IndexSpec("byTotal", TableDescription.IndexKind.LSI, region,
                        new TableDescription.Key("total", dev.dynagate.tables.KeyType.N), "KEYS_ONLY", List.of())),
                "NEW_IMAGE"));
        try {
            TableDescription table = services.tableDescriber(connection).describe("WithIndexes");
            assertThat(table.stream()).as("made with its stream").isEqualTo("NEW_IMAGE");
            assertThat(table.indexes()).extracting(TableDescription.Index::name, i -> i.keys().names(),
                    TableDescription.Index::projection).containsExactlyInAnyOrder(
                    tuple("byCustomer", List.of("customer", "placedAt"), "INCLUDE"),
                    tuple("byTotal", List.of("region", "total"), "KEYS_ONLY"));
            var global = client.describeTable(b -> b.tableName("WithIndexes")).table().globalSecondaryIndexes().get(0);
            assertThat(global.provisionedThroughput().readCapacityUnits()).as("the table's capacity").isEqualTo(7L);
            assertThat(global.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
            services.tablesFeature().admin(connection).addGlobalIndex("WithIndexes", new TableAdmin.IndexSpec(
                    "byStatus", TableDescription.IndexKind.GSI,
                    new TableDescription.Key("status", dev.dynagate.tables.KeyType.S), null, "KEYS_ONLY", List.of()));
            assertThat(services.tableDescriber(connection).describe("WithIndexes").indexes())
                    .extracting(TableDescription.Index::name).containsExactlyInAnyOrder("byCustomer", "byTotal",
                            "byStatus");
            services.tablesFeature().admin(connection).deleteGlobalIndex("WithIndexes", "byCustomer");
            assertThat(services.tableDescriber(connection).describe("WithIndexes").indexes())
                    .extracting(TableDescription.Index::name).containsExactlyInAnyOrder("byTotal", "byStatus");
        } finally {
            services.tablesFeature().admin(connection).delete("WithIndexes");
        }
    }

    @Test
    void aFilteredScanExportReadsEachMatchingItemOnceAcrossItsSegments(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        dev.dynagate.tables.QueryBuilder builder = new dev.dynagate.tables.QueryBuilder(
                services.tableDescriber(connection).describe("Experiments"));
        FilterRow failed = builder.addFilter();
        failed.path().set("status");
        failed.op().set(FilterOp.EQ);
        failed.value().set("failed");
        builder.pageSize().set(2); // many small pages per segment
        Path file = out.resolve("failed.jsonl");

        long written = new dev.dynagate.tables.transfer.ResultExport(services.items(connection)).run(builder.request(),
                List.of("experimentId", "sampleId"), dev.dynagate.tables.transfer.ExportFormat.JSONL, file, n -> { });

        assertThat(written).isEqualTo(10);
        assertThat(java.nio.file.Files.readAllLines(file)).hasSize(10).doesNotHaveDuplicates()
                .allMatch(line -> line.contains("\"status\":\"failed\""));
    }

    @Test
    void aTableIsCopiedIntoASandboxWithItsIndexesAndEveryItemIntact(@org.junit.jupiter.api.io.TempDir Path data)
            throws Exception {
        try (dev.dynagate.sandbox.Sandbox target = dev.dynagate.sandbox.Sandbox.start(
                dev.dynagate.sandbox.SandboxOptions.of(0, data), line -> { })) {
            Connection local = Connection.endpoint("copy-target", target.endpoint(), "us-east-1");
            TableDescription source = services.tableDescriber(connection).describe("Experiments");

            dev.dynagate.tables.transfer.TableCopy.Result result = new dev.dynagate.tables.transfer.TableCopy(
                    services.items(connection), services.items(local), services.tablesFeature().admin(local), millis -> { },
                    3)
                    .run(source, "Experiments", n -> { });

            assertThat(result.unprocessed()).isZero();
            TableDescription copy = services.tableDescriber(local).describe("Experiments");
            assertThat(copy.keys()).isEqualTo(source.keys());
            assertThat(copy.indexes()).isEqualTo(source.indexes());
            assertThat(copy.billingMode()).isEqualTo("PAY_PER_REQUEST");
            Map<Object, Object> copied = new java.util.HashMap<>();
            factory.dynamoDb(local).scanPaginator(b -> b.tableName("Experiments")).items().forEach(item ->
                    copied.put(List.of(item.get("experimentId").s(), item.get("sampleId").n()),
                            canonical(AttributeValues.fromSdk(item))));
            Map<Object, Object> original = new java.util.HashMap<>();
            client.scanPaginator(b -> b.tableName("Experiments")).items().forEach(item ->
                    original.put(List.of(item.get("experimentId").s(), item.get("sampleId").n()),
                            canonical(AttributeValues.fromSdk(item))));
            assertThat(original).as("the 30 seeded items, and any other test's").hasSizeGreaterThanOrEqualTo(30);
            assertThat(copied).isEqualTo(original);
            assertThat(result.copied()).isEqualTo(original.size());
        }
    }

    /**
     * An item with its numbers as values: DynamoDB (and the sandbox) answer a number in its normal form, where
     * moto_server answers it as it was written ("1.50"), so a copy is compared number by number.
     */
    private static Object canonical(Object value) {
        if (value instanceof Attr.N n) {
            return new java.math.BigDecimal(n.value()).stripTrailingZeros();
        }
        if (value instanceof Attr.NS set) {
            return set.values().stream().map(v -> new java.math.BigDecimal(v).stripTrailingZeros())
                    .collect(java.util.stream.Collectors.toSet());
        }
        if (value instanceof Attr.L list) {
            return list.values().stream().map(TablesContract::canonical).toList();
        }
        if (value instanceof Attr.M map) {
            return canonical(map.values());
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new java.util.HashMap<>();
            map.forEach((k, v) -> out.put(k, canonical(v)));
            return out;
        }
        return value;
    }

    @Test
    void anOnDemandTableWithAGlobalIndexMovesToProvisionedUnitsAndBack() {
        TableAdmin admin = services.tablesFeature().admin(connection);
        TableDescription.Key id = new TableDescription.Key("id", dev.dynagate.tables.KeyType.S);
        admin.create(new TableAdmin.Spec("Billed", id, null, true, 0, 0, List.of(new TableAdmin.IndexSpec("byOwner",
                TableDescription.IndexKind.GSI, new TableDescription.Key("owner", dev.dynagate.tables.KeyType.S),
                null, "KEYS_ONLY", List.of()))));
        try {
            admin.setCapacity("Billed", false, 6, 4);
            TableDescription provisioned = services.tableDescriber(connection).describe("Billed");
            assertThat(provisioned.billingMode()).isEqualTo("PROVISIONED");
            assertThat(provisioned.readCapacity()).isEqualTo(6L);
            assertThat(provisioned.writeCapacity()).isEqualTo(4L);
            var index = client.describeTable(b -> b.tableName("Billed")).table().globalSecondaryIndexes().get(0);
            assertThat(index.provisionedThroughput().readCapacityUnits()).isEqualTo(6L);

            admin.setCapacity("Billed", false, new TableAdmin.Units(6, 4), Map.of("byOwner",
                    new TableAdmin.Units(2, 3)));
            TableDescription indexChanged = services.tableDescriber(connection).describe("Billed");
            assertThat(indexChanged.readCapacity()).as("the table's units unchanged").isEqualTo(6L);
            assertThat(indexChanged.indexes()).singleElement().satisfies(i -> {
                assertThat(i.readCapacity()).isEqualTo(2L);
                assertThat(i.writeCapacity()).isEqualTo(3L);
            });

            admin.setCapacity("Billed", true, 0, 0);
            assertThat(services.tableDescriber(connection).describe("Billed").billingMode())
                    .isEqualTo("PAY_PER_REQUEST");
        } finally {
            admin.delete("Billed");
        }
    }

    @Test
    void queriesInBothSortOrdersWithEverySortOperator() {
        ItemExplorerPresenter explorer = explorer("Experiments");
        explorer.builder().partitionValue().set("exp-A");
        explorer.builder().sortOp().set(SortOp.BETWEEN);
        explorer.builder().sortValue().set("3");
        explorer.builder().sortSecond().set("6");
        assertThat(explorer.builder().plan().get()).startsWith("Auto: Query");

        explorer.run().join();
        assertThat(column(explorer, "sampleId")).containsExactly("3", "4", "5", "6");

        explorer.builder().ascending().set(false);
        explorer.run().join();
        assertThat(column(explorer, "sampleId")).containsExactly("6", "5", "4", "3");

        explorer.builder().ascending().set(true);
        Map<SortOp, List<String>> expected = Map.of(SortOp.EQ, List.of("18"), SortOp.LT, List.of("1"),
                SortOp.LE, List.of("1", "2"), SortOp.GT, List.of("19", "20"), SortOp.GE, List.of("20"));
        Map<SortOp, String> operand = Map.of(SortOp.EQ, "18", SortOp.LT, "2", SortOp.LE, "2", SortOp.GT, "18", SortOp.GE, "20");
        expected.forEach((op, ids) -> {
            explorer.builder().sortOp().set(op);
            explorer.builder().sortValue().set(operand.get(op));
            explorer.run().join();
            assertThat(column(explorer, "sampleId")).as(op.name()).containsExactlyElementsOf(ids);
        });
    }

    @Test
    void numberAndBinaryKeysAreTyped() {
        ItemExplorerPresenter numbers = explorer("ByNumber");
        numbers.builder().partitionValue().set("2");
        numbers.builder().sortOp().set(SortOp.BEGINS_WITH);
        numbers.builder().sortValue().set("b");
        numbers.run().join();
        assertThat(numbers.items()).singleElement().isEqualTo(Map.of("shard", Attr.n(2), "name", Attr.s("b")));

        ItemExplorerPresenter binary = explorer("ByBinary");
        binary.builder().partitionValue().set(Base64.getEncoder().encodeToString(new byte[] {1, 2}));
        binary.builder().sortOp().set(SortOp.GE);
        binary.builder().sortValue().set(Base64.getEncoder().encodeToString(new byte[] {9, 2}));
        binary.builder().ascending().set(false);
        binary.run().join();
        assertThat(binary.items()).extracting(i -> ((Attr.B) i.get("part")).bytes()[1]).containsExactly((byte) 3, (byte) 2);
    }

    @Test
    void everyFilterOperatorSelectsTheRightItems() {
        assertThat(filter("sampleId", FilterOp.EQ, ValueType.N, "7", "")).containsExactly("7");
        assertThat(filter("status", FilterOp.NE, ValueType.S, "ok", "")).containsExactly("3", "6", "9", "12", "15", "18");
        assertThat(filter("score", FilterOp.LT, ValueType.N, "30", "")).containsExactly("1", "2");
        assertThat(filter("score", FilterOp.LE, ValueType.N, "30", "")).containsExactly("1", "2", "3");
        assertThat(filter("score", FilterOp.GT, ValueType.N, "180", "")).containsExactly("19", "20");
        assertThat(filter("score", FilterOp.GE, ValueType.N, "190", "")).containsExactly("19", "20");
        assertThat(filter("score", FilterOp.BETWEEN, ValueType.N, "40", "60")).containsExactly("4", "5", "6");
        assertThat(filter("sampleId", FilterOp.IN, ValueType.N, "2, 11,17", "")).containsExactly("2", "11", "17");
        assertThat(filter("site", FilterOp.BEGINS_WITH, ValueType.S, "site-3", "")).containsExactly("3", "7", "11", "15", "19");
        assertThat(filter("tags", FilterOp.CONTAINS, ValueType.S, "t10", "")).containsExactly("10");
        assertThat(filter("tags", FilterOp.EXISTS, ValueType.S, "", "")).containsExactly("5", "10", "15", "20");
        assertThat(filter("tags", FilterOp.NOT_EXISTS, ValueType.S, "", "")).hasSize(16);
        assertThat(filter("tags", FilterOp.ATTRIBUTE_TYPE, ValueType.S, "SS", "")).hasSize(4);
        assertThat(filter("meta.readings[1]", FilterOp.EQ, ValueType.N, "9", "")).containsExactly("8");
        assertThat(filter("meta.readings", FilterOp.SIZE_EQ, ValueType.N, "2", "")).hasSize(20);
        assertThat(filter("site", FilterOp.SIZE_BETWEEN, ValueType.N, "6", "6")).hasSize(20);
        if (sizeOfANumberIsFalse()) {
            assertThat(filter("sampleId", FilterOp.SIZE_GT, ValueType.N, "0", "")).isEmpty();
        }
    }

    private List<String> filter(String path, FilterOp op, ValueType type, String value, String second) {
        ItemExplorerPresenter explorer = explorer("Experiments");
        boolean sortKey = path.equals("sampleId");
        if (sortKey) {
            // a Query may not filter on its own keys, so the sort key is filtered in a Scan of the same partition
            explorer.builder().mode().set(QuerySpec.Mode.SCAN);
            explorer.builder().filters().add(new FilterRow("experimentId", FilterOp.EQ, ValueType.S, "exp-A", ""));
        } else {
            explorer.builder().partitionValue().set("exp-A");
        }
        explorer.builder().filters().add(new FilterRow(path, op, type, value, second));
        explorer.run().join();
        assertThat(explorer.problem().get()).as(path + " " + op).isNull();
        List<String> ids = column(explorer, "sampleId");
        return sortKey ? ids.stream().sorted(java.util.Comparator.comparing(java.math.BigDecimal::new)).toList() : ids;
    }

    @Test
    void aQueryFilteringOnItsOwnKeyIsRefusedBeforeItIsSent() {
        ItemExplorerPresenter explorer = explorer("Experiments");
        explorer.builder().partitionValue().set("exp-A");
        explorer.builder().filters().add(new FilterRow("sampleId", FilterOp.GT, ValueType.N, "3", ""));
        explorer.run().join();
        assertThat(explorer.problem().get().text()).contains("cannot filter on the sort key sampleId")
                .contains("sort-key condition");
        assertThat(explorer.items()).isEmpty();
    }

    @Test
    void aFilterMatchingNothingOnTheFirstPageSaysMorePagesRemain() {
        ItemExplorerPresenter all = explorer("Experiments");
        all.fetchAll(FetchBudget.standard()).join();
        Map<String, Attr> last = all.items().get(all.items().size() - 1);

        ItemExplorerPresenter explorer = explorer("Experiments");
        explorer.builder().mode().set(QuerySpec.Mode.SCAN);
        explorer.builder().pageSize().set(5);
        FilterRow row = explorer.builder().addFilter();
        row.path().set("sampleId");
        row.type().set(ValueType.N);
        row.value().set(((Attr.N) last.get("sampleId")).value());
        explorer.builder().addFilter().path().set("experimentId");
        explorer.builder().filters().get(1).value().set(((Attr.S) last.get("experimentId")).value());
        explorer.run().join();

        assertThat(explorer.items()).isEmpty();
        assertThat(explorer.status().get()).startsWith("0 of 5 scanned match — more pages remain");

        explorer.fetchAll(FetchBudget.standard()).join();
        assertThat(explorer.items()).containsExactly(last);
        assertThat(explorer.status().get()).startsWith("1 item · 30 scanned");
    }

    @Test
    void aRowFromAKeysOnlyIndexIsEditedAsTheWholeItem() {
        ItemExplorerPresenter explorer = explorer("Experiments");
        explorer.builder().index().set("by-status");
        explorer.builder().partitionValue().set("failed");
        assertThat(explorer.builder().indexWarning().get()).contains("KEYS_ONLY");
        explorer.run().join();
        Map<String, Attr> row = explorer.items().get(0);
        assertThat(row).doesNotContainKey("score");

        TableDescription table = explorer.table();
        ItemEditorPresenter editor = new ItemEditorPresenter(table, () -> services.items(connection),
                services.errors(connection), direct, yes);
        assertThat(editor.open(row).join()).isTrue();

        assertThat(editor.loaded()).containsKeys("score", "site", "meta");
        assertThat(editor.save().join()).isTrue();
        assertThat(services.items(connection).get("Experiments", explorer.keyOf(row)).orElseThrow()).containsKey("score");
    }

    @Test
    void fetchAllStopsAtItsBudget() {
        ItemExplorerPresenter explorer = explorer("Experiments");
        explorer.builder().partitionValue().set("exp-A");
        explorer.builder().pageSize().set(5);

        explorer.fetchAll(new FetchBudget(12, 1000, java.time.Duration.ofMinutes(1))).join();

        assertThat(explorer.items()).hasSize(15);
        assertThat(explorer.pages()).hasSize(3);
        assertThat(explorer.status().get()).isEqualTo(explorer.status().get().substring(0,
                explorer.status().get().indexOf('(')) + "(stopped at the budget of 12 items)")
                .contains("15 items · 15 scanned", "more pages remain");

        explorer.fetchAll(FetchBudget.standard()).join();
        assertThat(explorer.items()).hasSize(20);
        assertThat(explorer.status().get()).contains("all pages read");
    }

    @Test
    void anItemHoldingEveryTypeRoundTripsUnchanged() {
        Map<String, Attr> item = Fixtures.everyType();
        TableDescription table = services.tableDescriber(connection).describe("Experiments");
        ItemEditorPresenter editor = new ItemEditorPresenter(table, () -> services.items(connection),
                services.errors(connection), direct, yes);
        editor.create();
        editor.text().set(dev.dynagate.tables.DynamoJson.write(item));
        assertThat(editor.save().join()).isTrue();

        Map<String, Attr> stored = services.items(connection).get("Experiments", Map.of("experimentId",
                item.get("experimentId"), "sampleId", item.get("sampleId"))).orElseThrow();
        assertThat(stored).containsOnlyKeys(item.keySet());
        item.forEach((name, value) -> assertThat(Attr.sameValue(stored.get(name), value)).as(name).isTrue());

        editor.edit(stored);
        editor.format().set(ItemEditorPresenter.Format.PLAIN_JSON);
        editor.format().set(ItemEditorPresenter.Format.DYNAMODB_JSON);
        editor.format().set(ItemEditorPresenter.Format.PLAIN_JSON);
        assertThat(editor.typeChanges()).isEmpty();
        assertThat(editor.save().join()).as(String.valueOf(editor.problem().get())).isTrue();
        assertThat(services.items(connection).get("Experiments", Map.of("experimentId", item.get("experimentId"),
                "sampleId", item.get("sampleId")))).contains(stored);
    }

    @Test
    void aSaveOverAChangedItemIsAConflict() {
        Map<String, Attr> key = Map.of("experimentId", Attr.s("exp-C"), "sampleId", Attr.n(1));
        Map<String, Attr> original = new LinkedHashMap<>(key);
        original.put("note", Attr.s("first"));
        services.items(connection).put("Experiments", original, null);
        TableDescription table = services.tableDescriber(connection).describe("Experiments");
        ItemEditorPresenter editor = new ItemEditorPresenter(table, () -> services.items(connection),
                services.errors(connection), direct, yes);
        editor.edit(original);
        Map<String, Attr> theirs = new LinkedHashMap<>(original);
        theirs.put("note", Attr.s("someone else"));
        services.items(connection).put("Experiments", theirs, null);

        editor.text().set(editor.text().get().replace("first", "mine"));
        assertThat(editor.save().join()).isFalse();

        assertThat(editor.conflict().get().theirs()).isEqualTo(theirs);
        assertThat(services.items(connection).get("Experiments", key)).contains(theirs);
    }

    @Test
    void aSaveWritesOnlyTheEditsAndKeepsAnAttributeSomeoneElseAdded() {
        Map<String, Attr> key = Map.of("experimentId", Attr.s("exp-D"), "sampleId", Attr.n(1));
        Map<String, Attr> original = new LinkedHashMap<>(key);
        original.put("note", Attr.s("first"));
        original.put("gone", Attr.s("remove me"));
        services.items(connection).put("Experiments", original, null);
        TableDescription table = services.tableDescriber(connection).describe("Experiments");
        ItemEditorPresenter editor = new ItemEditorPresenter(table, () -> services.items(connection),
                services.errors(connection), direct, yes);
        editor.edit(original);
        Map<String, Attr> withExtra = new LinkedHashMap<>(original);
        withExtra.put("extra", new Attr.SS(new java.util.LinkedHashSet<>(List.of("added", "meanwhile"))));
        services.items(connection).put("Experiments", withExtra, null);

        Map<String, Attr> mine = new LinkedHashMap<>(key);
        mine.put("note", Attr.s("mine"));
        mine.put("fresh", Attr.s("added by me"));
        editor.edit(original);
        editor.text().set(dev.dynagate.tables.DynamoJson.write(mine));
        assertThat(editor.save().join()).as(String.valueOf(editor.problem().get())).isTrue();

        Map<String, Attr> stored = services.items(connection).get("Experiments", key).orElseThrow();
        Attr addedMeanwhile = new Attr.SS(new java.util.LinkedHashSet<>(List.of("added", "meanwhile")));
        assertThat(stored).containsEntry("note", Attr.s("mine")).containsEntry("extra", addedMeanwhile)
                .containsEntry("fresh", Attr.s("added by me"))
                .doesNotContainKey("gone");
        assertThat(editor.notice().get()).contains("Kept extra");
        assertThat(editor.tryParse().orElseThrow()).as("the editor shows the item as stored").isEqualTo(stored);
        assertThat(editor.save().join()).isTrue();
        assertThat(editor.notice().get()).startsWith("Nothing changed");
        services.items(connection).delete("Experiments", key, null); // the other tests count this table's items
    }

    @Test
    void aReadOnlyConnectionRefusesWritesBeforeAnyRequestLeaves() throws Exception {
        // the endpoint has nobody listening: a request that left would fail with a connection error instead
        Connection readOnly = Connection.endpoint("prod", URI.create("http://127.0.0.1:" + MotoServer.freePort()), "us-east-1")
                .withReadOnly(true);
        ItemStore store = services.items(readOnly);

        assertThatThrownBy(() -> store.put("Experiments", Fixtures.everyType(), null)).isInstanceOf(ReadOnlyRefusal.class);
        assertThatThrownBy(() -> store.delete("Experiments", Map.of(), null)).isInstanceOf(ReadOnlyRefusal.class);
        assertThatThrownBy(() -> store.update("Experiments", Map.of(), new dev.dynagate.tables.ItemChange(
                Map.of("a", Attr.s("b")), List.of()), null)).isInstanceOf(ReadOnlyRefusal.class);
        assertThatThrownBy(() -> store.deleteBatch("Experiments", List.of(Map.of()))).isInstanceOf(ReadOnlyRefusal.class);
    }

    @Test
    void manyItemsAreDeletedInBatches() {
        ItemStore store = services.items(connection);
        for (int i = 0; i < 60; i++) {
            store.put("ByNumber", Map.of("shard", Attr.n(99), "name", Attr.s("n" + i)), null);
        }
        ItemExplorerPresenter explorer = explorer("ByNumber");
        explorer.builder().partitionValue().set("99");
        explorer.fetchAll(FetchBudget.standard()).join();
        assertThat(explorer.items()).hasSize(60);

        explorer.delete(List.copyOf(explorer.items())).join();

        assertThat(explorer.deleteSummary().get()).startsWith("Deleted 60 of 60 items");
        explorer.run().join();
        assertThat(explorer.items()).isEmpty();
    }
}
