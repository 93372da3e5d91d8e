package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.shell.Theme;
import dev.dynagate.testing.MotoServer;
import dev.dynagate.testing.Screenshots;
import dev.dynagate.ui.BackgroundExecutor;
import dev.dynagate.ui.FxExecutor;
import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The table tab end to end against moto_server: query builder → grid → editor → conditional save. */
@ExtendWith(ApplicationExtension.class)
class TableTabViewTest {
    static MotoServer moto;
    static AwsClientFactory factory;
    static AwsServices services;
    static Connection connection;
    static ExecutorService background = BackgroundExecutor.create("table-tab-test");

    @TempDir
    static Path home;

    private Scene scene;
    private TablesFeature feature;

    @BeforeAll
    static void seed() throws Exception {
        moto = MotoServer.start();
        connection = Connection.endpoint("moto", moto.endpoint(), "us-east-1");
        factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home), () -> null, new SessionSecrets());
        services = new AwsServices(factory);
        factory.dynamoDb(connection).createTable(b -> b.tableName("Experiments").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("experimentId").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sampleId").attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("status").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("experimentId").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sampleId").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(g -> g.indexName("by-status")
                        .keySchema(KeySchemaElement.builder().attributeName("status").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())));
        ItemStore store = services.items(connection);
        String[] sites = {"Basel", "Leiden", "Lyon", "Porto"};
        for (int e = 1; e <= 3; e++) {
            for (int s = 1; s <= 12; s++) {
                Map<String, Attr> item = new LinkedHashMap<>();
                item.put("experimentId", Attr.s("EXP-2026-00" + e));
                item.put("sampleId", Attr.n(s));
                item.put("status", Attr.s(s % 5 == 0 ? "flagged" : "valid"));
                item.put("site", Attr.s(sites[s % 4]));
                item.put("weightKg", new Attr.N(String.format("%d.%02d", 60 + s, s * 7 % 100)));
                item.put("subject", new Attr.M(Map.of("id", Attr.s("SUBJ-" + (100 + s)), "age", Attr.n(30 + s))));
                item.put("readings", new Attr.L(List.of(Attr.n(s * 3), new Attr.N("0.5"), Attr.n(s + 11))));
                if (s % 3 == 0) {
                    item.put("tags", new Attr.SS(Set.of("fasting", "repeat")));
                }
                if (s == 4) {
                    item.put("sequence", new Attr.N("12345678901234567890123456789012345678"));
                    item.put("raw", new Attr.B(new byte[] {0x0d, 0x0e, 0x0a, 0x0d}));
                }
                store.put("Experiments", item, null);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (factory != null) {
            factory.close();
        }
        if (moto != null) {
            moto.close();
        }
        background.shutdownNow();
    }

    @Start
    void start(Stage stage) {
        Operations operations = new Operations(background, new FxExecutor(), Clock.systemUTC());
        feature = new TablesFeature(services.tablesFeature(), operations, new FakeDialogs(),
                new TablePreferences(home, background), new SimpleObjectProperty<>(connection));
        scene = new Scene(new javafx.scene.layout.StackPane(feature.openTable("Experiments")), 1280, 800);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void queryThenEditThenSave(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#run-query").tryQuery().isPresent());
        robot.clickOn("#partition-value").write("EXP-2026-002");
        robot.interact(() -> {
            TableTabView tab = (TableTabView) ((javafx.scene.layout.StackPane) scene.getRoot()).getChildren().get(0);
            ItemExplorerPresenter explorer = presenterOf(tab);
            explorer.sortOp().set(SortOp.BETWEEN);
            explorer.sortValue().set("2");
            explorer.sortSecond().set("11");
            explorer.ascending().set(false);
            FilterRow row = explorer.addFilter();
            row.path().set("subject.age");
            row.op().set(FilterOp.GE);
            row.type().set(ValueType.N);
            row.value().set("33");
        });
        assertThat(robot.lookup("#query-plan").queryLabeled().getText())
                .isEqualTo("Auto: Query, because the partition key experimentId is given.");
        robot.clickOn("#partition-value").press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        TableView<Map<String, Attr>> grid = robot.lookup("#item-grid").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grid.getItems().size() == 9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(grid.getColumns().get(0).getText()).isEqualTo("experimentId");
        assertThat(grid.getColumns().get(1).getText()).isEqualTo("sampleId");
        assertThat(((Attr.N) grid.getItems().get(0).get("sampleId")).value()).isEqualTo("11");
        assertThat(robot.lookup("#result-status").queryLabeled().getText()).startsWith("9 items · 10 scanned");
        Screenshots.save(scene, "table-explorer");

        robot.interact(() -> grid.getSelectionModel().select(7));
        robot.clickOn("#item-grid").type(KeyCode.ENTER);
        robot.interact(() -> grid.getSelectionModel().clearAndSelect(7));
        robot.interact(() -> presenterOfEditor().edit(grid.getItems().get(7)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#item-json").tryQuery().isPresent());
        robot.clickOn("#format-plain");
        ItemEditorPresenter editor = presenterOfEditor();
        assertThat(editor.text().get()).contains("\"sequence\" : 12345678901234567890123456789012345678");
        robot.interact(() -> editor.text().set(editor.text().get().replace("\"site\" : \"Basel\"", "\"site\" : \"Basel West\"")));
        assertThat(editor.typeChanges()).isEmpty();
        robot.clickOn("#save-item");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Basel West".equals(
                ((Attr.S) services.items(connection).get("Experiments", Map.of("experimentId", Attr.s("EXP-2026-002"),
                        "sampleId", Attr.n(4))).orElseThrow().get("site")).value()));
        Map<String, Attr> stored = services.items(connection).get("Experiments", Map.of("experimentId",
                Attr.s("EXP-2026-002"), "sampleId", Attr.n(4))).orElseThrow();
        assertThat(stored.get("sequence")).isEqualTo(new Attr.N("12345678901234567890123456789012345678"));
        assertThat(stored.get("raw")).isEqualTo(new Attr.B(new byte[] {0x0d, 0x0e, 0x0a, 0x0d}));
        assertThat(stored.get("weightKg")).isEqualTo(new Attr.N("64.28"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "item-editor");
    }

    private TableTabPresenter tabPresenter() {
        return TablesFeatureAccess.lastTab(feature);
    }

    private ItemExplorerPresenter presenterOf(TableTabView tab) {
        return tabPresenter().explorer();
    }

    private ItemEditorPresenter presenterOfEditor() {
        return tabPresenter().editor();
    }
}
