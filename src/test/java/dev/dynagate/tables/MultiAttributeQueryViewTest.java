package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.connections.Connection;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    static SandboxTablesFixture sandbox;
    static AwsClientFactory factory;
    static Connection connection;

    @TempDir
    static Path home;

    private Scene scene;
    private TablesFeature feature;
    private final SimpleObjectProperty<Connection> active = new SimpleObjectProperty<>();

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxTablesFixture.start(home, false, "multi-attribute-query-test");
        connection = sandbox.connection;
        factory = sandbox.factory;
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
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        feature = sandbox.feature(new FakeDialogs(), new FakeFilePicker(null), active);
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
