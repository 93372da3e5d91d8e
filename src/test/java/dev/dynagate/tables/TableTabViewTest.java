package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.connections.Connection;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.shell.Theme;
import dev.dynagate.testing.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The table tab end to end on the sandbox demo's Experiments table: query builder → grid → editor → save. */
@ExtendWith(ApplicationExtension.class)
class TableTabViewTest {
    static SandboxTablesFixture sandbox;
    static AwsClientFactory factory;
    static AwsServices services;
    static Connection connection;

    @TempDir
    static Path home;

    private Scene scene;
    private TablesFeature feature;
    private final SimpleObjectProperty<Connection> active = new SimpleObjectProperty<>();
    private final FakeFilePicker picker = new FakeFilePicker(null);
    private final FakeDialogs dialogs = new FakeDialogs();

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxTablesFixture.start(home, true, "table-tab-test");
        connection = sandbox.connection;
        factory = sandbox.factory;
        services = sandbox.services;
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        feature = sandbox.feature(dialogs, picker, active);
        scene = new Scene(new javafx.scene.layout.StackPane(feature.openTable("Experiments")), 1280, 800);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void queryThenEditThenSave(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#run-query").tryQuery().isPresent());
        robot.clickOn("#partition-value").write("EXP-CARDIO-2024-001");
        ItemExplorerPresenter explorer = tabPresenter().explorer();
        robot.interact(() -> {
            explorer.builder().sortOp().set(SortOp.BETWEEN);
            explorer.builder().sortValue().set("SAMPLE#0100");
            explorer.builder().sortSecond().set("SAMPLE#0199");
            explorer.builder().ascending().set(false);
            FilterRow row = explorer.builder().addFilter();
            row.path().set("heartRate");
            row.op().set(FilterOp.GE);
            row.type().set(ValueType.N);
            row.value().set("100");
        });
        assertThat(robot.lookup("#query-plan").queryLabeled().getText())
                .isEqualTo("Auto: Query, because the partition key experimentId is given.");
        robot.clickOn("#partition-value").press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        TableView<Map<String, Attr>> grid = robot.lookup("#item-grid").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !explorer.running().get() && !grid.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(grid.getColumns().get(0).getText()).isEqualTo("experimentId");
        assertThat(grid.getColumns().get(1).getText()).isEqualTo("sampleId");
        List<String> samples = grid.getItems().stream().map(i -> ((Attr.S) i.get("sampleId")).value()).toList();
        assertThat(samples).isSortedAccordingTo(java.util.Comparator.reverseOrder()).allMatch(id -> id.compareTo("SAMPLE#0100") >= 0
                && id.compareTo("SAMPLE#0199") <= 0);
        assertThat(grid.getItems()).allMatch(i -> ((Attr.N) i.get("heartRate")).decimal().intValue() >= 100);
        assertThat(robot.lookup("#result-status").queryLabeled().getText())
                .startsWith(grid.getItems().size() + " items · 100 scanned");
        Screenshots.save(scene, "table-explorer");
        robot.interact(() -> ThemeSwitcher.apply(Theme.DARK, scene));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "table-explorer-dark");
        robot.interact(() -> ThemeSwitcher.apply(Theme.LIGHT, scene));

        robot.interact(() -> {
            explorer.builder().filters().clear();
            explorer.builder().sortOp().set(SortOp.EQ);
            explorer.builder().sortValue().set("META#experiment");
        });
        robot.clickOn("#run-query");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !explorer.running().get() && grid.getItems().size() == 1);
        javafx.scene.Node cell = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "META#experiment".equals(c.getText())).query();
        robot.clickOn(cell).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#item-json").tryQuery().isPresent());
        Map<String, Attr> loaded = grid.getItems().get(0);
        robot.clickOn("#format-plain");
        ItemEditorPresenter editor = tabPresenter().editor();
        String grant = ((Attr.N) loaded.get("grantReference")).value();
        assertThat(grant).hasSize(38);
        assertThat(editor.text().get()).contains("\"grantReference\" : " + grant);
        robot.interact(() -> editor.text().set(editor.text().get().replaceFirst("\"title\" : \"", "\"title\" : \"Reviewed: ")));
        assertThat(editor.typeChanges()).isEmpty();
        robot.clickOn("#item-json").press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Map<String, Attr> key = Map.of("experimentId", Attr.s("EXP-CARDIO-2024-001"), "sampleId", Attr.s("META#experiment"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ((Attr.S) services.items(connection).get("Experiments", key)
                .orElseThrow().get("title")).value().startsWith("Reviewed: "));
        Map<String, Attr> stored = services.items(connection).get("Experiments", key).orElseThrow();
        loaded.forEach((name, value) -> {
            if (!name.equals("title")) {
                assertThat(stored.get(name)).as(name).isEqualTo(value);
            }
        });
        assertThat(stored.get("keywords")).isInstanceOf(Attr.SS.class);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "item-editor");

        robot.interact(() -> active.set(connection.withReadOnly(true)));
        assertThat(robot.lookup("#save-item").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#new-item").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#import-items").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#export-results").query().isDisabled()).as("reading is allowed").isFalse();
        javafx.scene.Node row = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "META#experiment".equals(c.getText())).query();
        robot.clickOn(row);
        assertThat(grid.getSelectionModel().getSelectedItems()).hasSize(1);
        assertThat(grid.isFocused()).isTrue();
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(explorer.problem().get().text()).contains("read-only");
        assertThat(services.items(connection).get("Experiments", key)).isPresent();
    }

    @Test
    void partitionDrillQueriesOnePartitionInSortKeyOrder(FxRobot robot) throws Exception {
        robot.interact(() -> scene.setRoot(new javafx.scene.layout.StackPane(
                feature.openPartition("Experiments", null, "EXP-ONCO-2024-007"))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tabPresenter().explorer() != null
                && !tabPresenter().explorer().running().get() && !tabPresenter().explorer().items().isEmpty());
        ItemExplorerPresenter explorer = tabPresenter().explorer();

        assertThat(explorer.builder().partitionValue().get()).isEqualTo("EXP-ONCO-2024-007");
        assertThat(explorer.items()).allMatch(i -> ((Attr.S) i.get("experimentId")).value().equals("EXP-ONCO-2024-007"));
        List<String> sortKeys = explorer.items().stream().map(i -> ((Attr.S) i.get("sampleId")).value()).toList();
        assertThat(sortKeys).isSorted();
        assertThat(feature.partitionTabId("Experiments", null, "EXP-ONCO-2024-007"))
                .isNotEqualTo(feature.tabId("Experiments"));
    }

    @Test
    void exportWritesEveryItemTheQuerySelectsNotOnlyTheLoadedPage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#run-query").tryQuery().isPresent());
        ItemExplorerPresenter explorer = tabPresenter().explorer();
        robot.interact(() -> {
            explorer.builder().partitionValue().set("EXP-CARDIO-2024-001");
            explorer.builder().pageSize().set(25);
        });
        robot.clickOn("#run-query");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !explorer.running().get() && !explorer.items().isEmpty());
        assertThat(explorer.items()).hasSize(25);
        assertThat(robot.lookup("#page-size").<javafx.scene.control.Spinner<Integer>>query().getValue()).isEqualTo(25);
        Path file = home.resolve("exports").resolve("cardio.csv");
        picker.next = file;

        robot.clickOn("#export-results");
        WaitForAsyncUtils.waitForFxEvents();
        robot.listWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing()).findFirst()
                .ifPresent(menu -> Screenshots.save(menu.getScene(), "table-export-menu"));
        robot.clickOn("#export-csv");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#export-status").queryLabeled().getText()
                .startsWith("Exported"));

        assertThat(picker.suggested).isEqualTo("Experiments.csv");
        long inPartition = countPartition("EXP-CARDIO-2024-001");
        assertThat(inPartition).isGreaterThan(25);
        List<String> rows = java.nio.file.Files.readAllLines(file);
        assertThat(rows.get(0)).startsWith("experimentId,sampleId,");
        assertThat(rows).hasSize((int) inPartition + 1);
        assertThat(rows.subList(1, rows.size())).allMatch(r -> r.startsWith("EXP-CARDIO-2024-001,"));
        assertThat(robot.lookup("#export-status").queryLabeled().getText())
                .isEqualTo("Exported " + Cells.number(inPartition) + " items to cardio.csv.");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "table-export");
    }

    @Test
    void importWritesTheItemsOfAFileIntoTheTable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-items").tryQuery().isPresent());
        Path file = java.nio.file.Files.write(home.resolve("imported.ddb.json"), List.of(
                "{\"Item\":{\"experimentId\":{\"S\":\"EXP-IMPORT-1\"},\"sampleId\":{\"S\":\"A\"},\"n\":{\"NS\":[\"1\",\"2\"]}}}",
                "{\"Item\":{\"experimentId\":{\"S\":\"EXP-IMPORT-1\"},\"sampleId\":{\"S\":\"B\"},\"b\":{\"B\":\"AAE=\"}}}",
                "{\"Item\":{\"experimentId\":{\"S\":\"EXP-IMPORT-1\"},\"sampleId\":{\"S\":\"C\"}}}"));
        picker.next = file;

        robot.clickOn("#import-items");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-status").queryLabeled().getText()
                .startsWith("Imported"));

        assertThat(robot.lookup("#import-status").queryLabeled().getText())
                .isEqualTo("Imported 3 items from imported.ddb.json. Run the query again to see them.");
        Map<String, Attr> b = services.items(connection).get("Experiments",
                Map.of("experimentId", Attr.s("EXP-IMPORT-1"), "sampleId", Attr.s("B"))).orElseThrow();
        assertThat(b.get("b")).isEqualTo(new Attr.B(new byte[] {0, 1}));
        assertThat(countPartition("EXP-IMPORT-1")).isEqualTo(3);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "table-import");
    }

    @Test
    void newTableThroughTheDialogIsCreatedAndHandedOn(FxRobot robot) throws Exception {
        List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        javafx.application.Platform.runLater(() -> feature.newTable(scene.getWindow(), created::add));
        javafx.stage.Window dialog = awaitDialog(robot, "#new-table-name");
        robot.interact(() -> {
            ((javafx.scene.control.TextField) dialog.getScene().lookup("#new-table-name")).setText("Readings");
            ((javafx.scene.control.TextField) dialog.getScene().lookup("#new-table-sort")).setText("takenAt");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(dialog.getScene(), "new-table-dialog");
        double before = dialog.getHeight();
        robot.interact(() -> ((javafx.scene.control.Button) dialog.getScene().lookup("#new-table-add-index")).fire());
        WaitForAsyncUtils.waitForFxEvents();
        IndexRow row = (IndexRow) dialog.getScene().lookup(".index-row");
        robot.interact(() -> row.partitionName.setText("sensor"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.getHeight()).as("the dialog grows to show the index").isGreaterThan(before + 40);
        Screenshots.save(dialog.getScene(), "new-table-dialog-index");

        javafx.scene.control.Button create = (javafx.scene.control.Button) ((javafx.scene.control.DialogPane)
                dialog.getScene().getRoot()).lookupButton(((javafx.scene.control.DialogPane) dialog.getScene()
                .getRoot()).getButtonTypes().get(0));
        assertThat(create.getText()).isEqualTo("Create");
        assertThat(create.isDisabled()).isFalse();
        robot.interact(create::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !created.isEmpty());

        assertThat(created).containsExactly("Readings");
        TableDescription table = services.tableDescriber(connection).describe("Readings");
        assertThat(table.keys().names()).containsExactly("pk", "takenAt");
        assertThat(table.billingMode()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.indexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo("index1");
            assertThat(index.keys().names()).containsExactly("sensor");
        });
    }

    @Test
    void deletingATableTakesItsNameTypedAndARefusalOnAReadOnlyConnection(FxRobot robot) throws Exception {
        services.tablesFeature().admin(connection).create(new TableAdmin.Spec("Scratch",
                new TableDescription.Key("id", KeyType.S), null, true, 0, 0));
        List<String> deleted = new java.util.concurrent.CopyOnWriteArrayList<>();
        javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>();
        robot.interact(() -> feature.addDeleteAction(list, deleted::add));
        assertThat(list.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getId)
                .contains("table-delete-action");

        dialogs.typed = "scratch";
        robot.interact(() -> feature.deleteTable("Scratch", deleted::add));
        assertThat(tableNames()).contains("Scratch");

        robot.interact(() -> active.set(connection.withReadOnly(true)));
        dialogs.typed = "Scratch";
        robot.interact(() -> feature.deleteTable("Scratch", deleted::add));
        assertThat(dialogs.asked).last().asString().startsWith("error: This connection is read-only: Scratch");
        robot.interact(() -> active.set(connection));

        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> deleting =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> deleting.set(feature.deleteTable("Scratch", deleted::add)));
        deleting.get().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !deleted.isEmpty());

        assertThat(deleted).containsExactly("Scratch");
        assertThat(tableNames()).doesNotContain("Scratch");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("typed Scratch: Delete the table Scratch and every item "
                + "in it from sandbox? This cannot be undone."));
    }

    @Test
    void timeToLiveIsTurnedOnAndOffAndTheOpenTabShowsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#run-query").tryQuery().isPresent());
        dialogs.typedAnswer = java.util.Optional.of("expiresAt");

        changeTimeToLive(robot);

        assertThat(services.tableDescriber(connection).describe("Experiments").ttlAttribute()).isEqualTo("expiresAt");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("ask [expiresAt]: The attribute holding each item's "
                + "expiry time"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup((javafx.scene.Node n) ->
                n instanceof javafx.scene.control.Labeled l && l.getText() != null
                        && l.getText().contains("expiresAt")).tryQuery().isPresent());

        dialogs.typedAnswer = java.util.Optional.of("validUntil");
        changeTimeToLive(robot);
        assertThat(dialogs.asked).last().asString().startsWith("error: Time to live of Experiments is on with "
                + "expiresAt");

        dialogs.typedAnswer = java.util.Optional.of("");
        changeTimeToLive(robot);
        assertThat(services.tableDescriber(connection).describe("Experiments").ttlAttribute()).isNull();
    }

    @Test
    void aGlobalIndexIsAddedThroughTheDialogFilledFromTheItemsAndDeletedAgain(FxRobot robot) throws Exception {
        TableAdmin admin = services.tablesFeature().admin(connection);
        admin.create(new TableAdmin.Spec("Readouts", new TableDescription.Key("device", KeyType.S),
                new TableDescription.Key("at", KeyType.N), false, 4, 2));
        var client = factory.dynamoDb(connection);
        for (int i = 0; i < 3; i++) {
            int at = i;
            client.putItem(b -> b.tableName("Readouts").item(Map.of(
                    "device", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("d" + at),
                    "at", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(String.valueOf(at)),
                    "kind", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("temperature"))));
        }
        javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>();
        robot.interact(() -> feature.addIndexActions(list));
        assertThat(list.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getId)
                .containsExactly("table-add-index-action", "table-delete-index-action");
        try {
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> adding =
                    new java.util.concurrent.atomic.AtomicReference<>();
            showsADialog(() -> adding.set(feature.addGlobalIndex(scene.getWindow(), "Readouts")));
            javafx.stage.Window dialog = awaitDialog(robot, ".index-row");
            IndexRow row = (IndexRow) dialog.getScene().lookup(".index-row");
            javafx.scene.control.Labeled problem =
                    (javafx.scene.control.Labeled) dialog.getScene().lookup("#add-index-problem");
            robot.interact(() -> {
                row.name.setText("byKind");
                row.partitionName.setText("kind");
                row.hasSortKey.setSelected(true);
                row.sortName.setText("at");
            });
            assertThat(problem.getText()).isEqualTo("Index byKind: at is S here but N in the table's key; an "
                    + "attribute has one type in every key.");
            robot.interact(() -> row.sortType.setValue(KeyType.N));
            assertThat(problem.getText()).isNullOrEmpty();
            assertThat(row.kind.isDisabled()).as("local indexes come only with a new table").isTrue();
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(dialog.getScene(), "add-index-dialog");
            javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) dialog.getScene().getRoot();
            robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> adding.get() != null);
            adding.get().get(30, TimeUnit.SECONDS);

            TableDescription.Index added = services.tableDescriber(connection).describe("Readouts").indexes().get(0);
            assertThat(added.name()).isEqualTo("byKind");
            assertThat(added.keys().names()).containsExactly("kind", "at");
            assertThat(client.query(b -> b.tableName("Readouts").indexName("byKind")
                    .keyConditionExpression("kind = :k").expressionAttributeValues(Map.of(":k",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("temperature"))))
                    .count()).as("filled from the items already there").isEqualTo(3);

            dialogs.chosen = 0;
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> deleting =
                    new java.util.concurrent.atomic.AtomicReference<>();
            robot.interact(() -> deleting.set(feature.deleteGlobalIndex("Readouts")));
            deleting.get().get(30, TimeUnit.SECONDS);
            assertThat(dialogs.asked).anyMatch(q -> q.startsWith("pick [byKind]: Which global index of Readouts?"));
            assertThat(services.tableDescriber(connection).describe("Readouts").indexes()).isEmpty();
            robot.interact(() -> deleting.set(feature.deleteGlobalIndex("Readouts")));
            deleting.get().get(30, TimeUnit.SECONDS);
            assertThat(dialogs.asked).last().asString().isEqualTo("error: Readouts has no global index to delete.");
        } finally {
            admin.delete("Readouts");
        }
    }

    @Test
    void aTableIsCopiedThroughTheFormAndTheCopyIsAnnounced(FxRobot robot) throws Exception {
        javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>();
        Connection prod = Connection.profile("team-prod", "eu-west-1").withReadOnly(true);
        List<String> copied = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.BiConsumer<Connection, String> onCopied = (target, name) -> copied.add(target.name() + "/"
                + name);
        robot.interact(() -> feature.addCopyAction(list, () -> List.of(connection, prod), onCopied));
        assertThat(list.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Copy to…");
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<
                dev.dynagate.tables.transfer.TableCopy.Result>> copying = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            showsADialog(() -> copying.set(feature.copyTable(scene.getWindow(), "Experiments", List.of(connection,
                    prod), onCopied)));
            javafx.stage.Window dialog = awaitDialog(robot, ".copy-table-form");
            CopyTableForm form = (CopyTableForm) dialog.getScene().lookup(".copy-table-form");
            assertThat(form.target.getValue()).as("no sandbox among the targets: beside the table")
                    .isEqualTo(connection);
            assertThat(form.name.getText()).isEqualTo("Experiments-copy");
            assertThat(form.problem.getText()).isNullOrEmpty();

            robot.interact(() -> form.target.setValue(prod));
            assertThat(form.name.getText()).as("the name follows the target").isEqualTo("Experiments");
            assertThat(form.problem.getText()).isEqualTo("team-prod is read-only: turn off its read-only switch in "
                    + "the connection bar to copy to it.");
            robot.interact(() -> form.target.setValue(connection));
            assertThat(form.name.getText()).isEqualTo("Experiments-copy");
            robot.interact(() -> form.name.setText("Experiments"));
            assertThat(form.problem.getText()).isEqualTo("A copy on the same connection needs a name of its own.");
            robot.interact(() -> form.name.setText("Experiments-copy"));
            assertThat(form.problem.getText()).isNullOrEmpty();
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(dialog.getScene(), "copy-table-dialog");
            javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) dialog.getScene().getRoot();
            robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> copying.get() != null);
            long count = copying.get().get(60, TimeUnit.SECONDS).copied();
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(copied).containsExactly("sandbox/Experiments-copy");
            assertThat(dialogs.asked).last().asString().isEqualTo("inform: Copied " + Cells.number(count)
                    + " items of Experiments into Experiments-copy on sandbox.");
            TableDescription copy = services.tableDescriber(connection).describe("Experiments-copy");
            TableDescription source = services.tableDescriber(connection).describe("Experiments");
            assertThat(copy.indexes()).isEqualTo(source.indexes());
            var client = factory.dynamoDb(connection);
            assertThat(client.scanPaginator(b -> b.tableName("Experiments-copy")).items().stream().count())
                    .isEqualTo(count)
                    .isEqualTo(client.scanPaginator(b -> b.tableName("Experiments")).items().stream().count());

            copying.set(null);
            showsADialog(() -> copying.set(feature.copyTable(scene.getWindow(), "Experiments", List.of(connection),
                    onCopied)));
            javafx.stage.Window again = awaitDialog(robot, ".copy-table-form");
            javafx.scene.control.DialogPane againPane = (javafx.scene.control.DialogPane) again.getScene().getRoot();
            robot.interact(() -> ((javafx.scene.control.Button) againPane.lookupButton(againPane.getButtonTypes()
                    .get(0))).fire());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> copying.get() != null);
            copying.get().exceptionally(e -> null).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(dialogs.asked).last().asString().startsWith("error: ").contains("already exists");
            assertThat(copied).hasSize(1);
        } finally {
            // a copy that failed made no table: the failure above, not this clean-up, is what the report must show
            try {
                services.tablesFeature().admin(connection).delete("Experiments-copy");
            } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException none) {
                // nothing to clean up
            }
        }
    }

    @Test
    void capacityIsChangedThroughTheDialog(FxRobot robot) throws Exception {
        TableAdmin admin = services.tablesFeature().admin(connection);
        admin.create(new TableAdmin.Spec("Metered", new TableDescription.Key("id", KeyType.S), null, true, 0, 0,
                List.of(new TableAdmin.IndexSpec("byOwner", TableDescription.IndexKind.GSI,
                        new TableDescription.Key("owner", KeyType.S), null, "KEYS_ONLY", List.of()))));
        try {
            javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>();
            robot.interact(() -> feature.addCapacityAction(list));
            assertThat(list.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getId)
                    .containsExactly("table-capacity-action");
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> changing =
                    new java.util.concurrent.atomic.AtomicReference<>();
            showsADialog(() -> changing.set(feature.changeCapacity(scene.getWindow(), "Metered")));
            javafx.stage.Window dialog = awaitDialog(robot, ".capacity-form");
            CapacityForm form = (CapacityForm) dialog.getScene().lookup(".capacity-form");
            assertThat(form.problem.getText()).isEqualTo("The table is already on demand.");
            @SuppressWarnings("unchecked")
            javafx.scene.control.Spinner<Integer> indexReads = (javafx.scene.control.Spinner<Integer>) form
                    .lookup("#index-reads-byOwner");
            assertThat(indexReads.isDisabled()).as("on demand: no units").isTrue();
            robot.interact(() -> {
                form.capacity.provisioned.setSelected(true);
                form.capacity.reads.getValueFactory().setValue(12);
            });
            assertThat(indexReads.getValue()).as("follows the table's").isEqualTo(12);
            robot.interact(() -> indexReads.getValueFactory().setValue(3));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(form.problem.getText()).isNullOrEmpty();
            Screenshots.save(dialog.getScene(), "capacity-dialog");
            javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) dialog.getScene().getRoot();
            robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> changing.get() != null);
            changing.get().get(30, TimeUnit.SECONDS);

            TableDescription changed = services.tableDescriber(connection).describe("Metered");
            assertThat(changed.billingMode()).isEqualTo("PROVISIONED");
            assertThat(changed.readCapacity()).isEqualTo(12L);
            assertThat(changed.writeCapacity()).isEqualTo(5L);
            assertThat(changed.indexes()).singleElement().satisfies(index -> {
                assertThat(index.readCapacity()).isEqualTo(3L);
                assertThat(index.writeCapacity()).isEqualTo(5L);
            });
            assertThat(new TableFactsView(changed).getChildren()).filteredOn(n -> n.getStyleClass()
                    .contains("fact-index")).extracting(n -> ((javafx.scene.control.Label) n).getText())
                    .containsExactly("GSI byOwner: owner (S) · projects KEYS_ONLY · 3 RCU / 5 WCU");
        } finally {
            admin.delete("Metered");
        }
    }

    /**
     * Starts an action that opens a modal form. Not through {@code robot.interact}: when the table is described
     * before the action returns, the form opens (and waits) inside the action itself, which would hold the robot.
     */
    private static void showsADialog(Runnable action) {
        javafx.application.Platform.runLater(action);
    }

    /** The dialog window that shows a node matching {@code selector}, once it is open. */
    private javafx.stage.Window awaitDialog(FxRobot robot, String selector) throws Exception {
        java.util.function.Predicate<javafx.stage.Window> showsIt = w -> w != scene.getWindow() && w.isShowing()
                && w.getScene().lookup(selector) != null;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream().anyMatch(showsIt));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream().filter(showsIt).findFirst().orElseThrow();
    }

    private void changeTimeToLive(FxRobot robot) throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> changing =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> changing.set(feature.changeTimeToLive("Experiments")));
        changing.get().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> tableNames() {
        return services.tables(connection).listTableNames(null, 100).names();
    }

    private long countPartition(String partition) {
        QueryBuilder all = new QueryBuilder(tabPresenter().description().get());
        all.partitionValue().set(partition);
        long count = 0;
        Map<String, Attr> next = null;
        do {
            ItemPage page = services.items(connection).read(all.request(), next);
            count += page.items().size();
            next = page.hasMore() ? page.lastEvaluatedKey() : null;
        } while (next != null);
        return count;
    }

    private TableTabPresenter tabPresenter() {
        return TablesFeatureAccess.lastTab(feature);
    }

}
