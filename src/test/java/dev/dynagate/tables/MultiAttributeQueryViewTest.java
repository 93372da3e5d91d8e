package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import dev.dynagate.ui.BackgroundExecutor;
import dev.dynagate.ui.FxExecutor;
import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The query builder on a global index keyed by two partition and two sort attributes, against the sandbox. */
@ExtendWith(ApplicationExtension.class)
class MultiAttributeQueryViewTest {
    static Sandbox sandbox;
    static AwsClientFactory factory;
    static AwsServices services;
    static Connection connection;
    static ExecutorService background = BackgroundExecutor.create("multi-attribute-query-test");

    @TempDir
    static Path home;

    private Scene scene;
    private TablesFeature feature;
    private final SimpleObjectProperty<Connection> active = new SimpleObjectProperty<>();

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, home.resolve("sandbox")), line -> { });
        connection = Connection.endpoint("sandbox", sandbox.endpoint(), "us-east-1");
        factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home), () -> null, new SessionSecrets());
        services = new AwsServices(factory);
        DynamoDbClient client = factory.dynamoDb(connection);
        client.createTable(b -> b.tableName("Matches").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"),
                        a -> a.attributeName("tournament").attributeType("S"),
                        a -> a.attributeName("zone").attributeType("S"),
                        a -> a.attributeName("roundNo").attributeType("N"),
                        a -> a.attributeName("bracket").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byTournament").projection(p -> p.projectionType("ALL"))
                        .keySchema(k -> k.attributeName("tournament").keyType("HASH"),
                                k -> k.attributeName("zone").keyType("HASH"),
                                k -> k.attributeName("roundNo").keyType("RANGE"),
                                k -> k.attributeName("bracket").keyType("RANGE"))));
        String[][] matches = {{"m1", "WINTER", "EU", "1", "upper"}, {"m2", "WINTER", "EU", "1", "lower"},
            {"m3", "WINTER", "EU", "2", "upper"}, {"m4", "WINTER", "NA", "1", "upper"},
            {"m5", "SUMMER", "EU", "1", "upper"}};
        for (String[] m : matches) {
            client.putItem(b -> b.tableName("Matches").item(Map.of("id", s(m[0]), "tournament", s(m[1]),
                    "zone", s(m[2]), "roundNo", AttributeValue.fromN(m[3]), "bracket", s(m[4]))));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @AfterAll
    static void stop() {
        if (factory != null) {
            factory.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        background.shutdownNow();
    }

    @Start
    void start(Stage stage) {
        Operations operations = new Operations(background, new FxExecutor(), Clock.systemUTC());
        feature = new TablesFeature(services.tablesFeature(), operations, new FakeDialogs(), new FakeFilePicker(null),
                new TablePreferences(home, background), active);
        active.set(connection);
        scene = new Scene(new javafx.scene.layout.StackPane(feature.openTable("Matches")), 1280, 800);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void queriesEveryPartitionAttributeAndTheSortAttributesFromTheLeft(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#run-query").tryQuery().isPresent());
        ComboBox<String> index = robot.lookup("#query-index").queryComboBox();
        robot.interact(() -> index.setValue("byTournament"));
        ItemExplorerPresenter explorer = TablesFeatureAccess.lastTab(feature).explorer();
        QueryBuilder builder = explorer.builder();
        assertThat(builder.keyParts()).extracting(r -> r.key().name()).containsExactly("zone", "bracket");
        robot.clickOn("#partition-value").write("WINTER");
        assertThat(robot.lookup("#query-plan").queryLabeled().getText())
                .isEqualTo("A Query of index byTournament needs a value for every partition attribute: zone is empty.");
        robot.interact(() -> {
            builder.keyParts().get(0).value().set("EU");
            builder.keyParts().get(1).op().set(SortOp.BEGINS_WITH);
            builder.keyParts().get(1).value().set("up");
        });
        assertThat(robot.lookup("#query-plan").queryLabeled().getText())
                .isEqualTo("roundNo needs = because bracket has a condition: DynamoDB reads the sort attributes "
                        + "from the left.");
        robot.interact(() -> {
            builder.sortOp().set(SortOp.EQ);
            builder.sortValue().set("1");
        });
        assertThat(robot.lookup("#query-plan").queryLabeled().getText())
                .isEqualTo("Auto: Query, because the partition keys tournament, zone are given.");
        robot.clickOn("#partition-value").press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        TableView<Map<String, Attr>> grid = robot.lookup("#item-grid").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !explorer.running().get() && !grid.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ids = grid.getItems().stream().map(i -> ((Attr.S) i.get("id")).value()).toList();
        assertThat(ids).containsExactly("m1");
        Screenshots.save(scene, "table-multi-attribute-index");
    }
}
