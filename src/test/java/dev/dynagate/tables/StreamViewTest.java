package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
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

/** The stream tab on the sandbox's demo table, whose stream keeps both images, written to by another client. */
@ExtendWith(ApplicationExtension.class)
class StreamViewTest {
    static SandboxTablesFixture sandbox;

    @TempDir
    static Path home;

    private Scene scene;
    private StackPane root;
    private TablesFeature feature;
    private final SimpleObjectProperty<Connection> active = new SimpleObjectProperty<>();

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxTablesFixture.start(home, true, "stream-view-test");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        feature = sandbox.feature(new FakeDialogs(), new FakeFilePicker(null), active);
        root = new StackPane(feature.openStream("Experiments"));
        scene = new Scene(root, 1280, 800);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void changesWrittenByAnotherClientAppearWithTheItemBeforeAndAfter(FxRobot robot) throws Exception {
        StreamView view = robot.lookup(".stream-view").queryAs(StreamView.class);
        robot.clickOn("#stream-watch");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.status.getText().startsWith("Watching"));
        assertThat(view.list.getItems()).as("from now: the demo's seeding is not listed").isEmpty();

        DynamoDbClient client = sandbox.factory.dynamoDb(sandbox.connection);
        Map<String, AttributeValue> key = Map.of("experimentId", AttributeValue.fromS("EXP-CARDIO-2024-001"),
                "sampleId", AttributeValue.fromS("SAMPLE#0001"));
        client.updateItem(b -> b.tableName("Experiments").key(key).updateExpression("SET reviewed = :t, #n = :n")
                .expressionAttributeNames(Map.of("#n", "note"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":n",
                        AttributeValue.fromS("checked twice"))));
        client.putItem(b -> b.tableName("Experiments").item(Map.of("experimentId", AttributeValue.fromS("EXP-NEW"),
                "sampleId", AttributeValue.fromS("META#experiment"), "title", AttributeValue.fromS("Streams"))));
        client.deleteItem(b -> b.tableName("Experiments").key(Map.of("experimentId", AttributeValue.fromS("EXP-NEW"),
                "sampleId", AttributeValue.fromS("META#experiment"))));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.status.getText().equals("3 changes since "
                + "watching began."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.list.getItems()).hasSize(3);
        assertThat(view.row(0)).containsEntry("change", "Changed").containsEntry("changed", "note, reviewed");
        assertThat(view.row(0).get("key")).as("partition key first")
                .isEqualTo("experimentId = EXP-CARDIO-2024-001 · sampleId = SAMPLE#0001");
        assertThat(view.row(1)).containsEntry("change", "Added").containsEntry("changed", "title");
        assertThat(view.row(2)).containsEntry("change", "Removed");

        robot.interact(() -> view.list.getSelectionModel().select(0));
        assertThat(view.before.getText()).doesNotContain("checked twice").startsWith("{\n  \"experimentId\"");
        assertThat(view.after.getText()).contains("\"S\" : \"checked twice\"").contains("\"BOOL\" : true");
        Screenshots.save(scene, "stream-tab");

        robot.interact(() -> root.getChildren().clear());
        assertThat(view.watch.isDisabled()).as("a closed tab stops reading").isFalse();
        assertThat(view.status.getText()).isEqualTo("Stopped after 3 changes.");
    }

    @Test
    void aTableWithoutAStreamOffersToTurnOneOn(FxRobot robot) throws Exception {
        DynamoDbClient client = sandbox.factory.dynamoDb(sandbox.connection);
        client.createTable(b -> b.tableName("Plain").billingMode(
                        software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(
                        software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(
                        software.amazon.awssdk.services.dynamodb.model.KeyType.HASH)));
        robot.interact(() -> root.getChildren().setAll(feature.openStream("Plain")));
        StreamView view = robot.lookup(".stream-view").queryAs(StreamView.class);
        assertThat(view.turnOn.isVisible()).isFalse();
        robot.clickOn("#stream-watch");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.turnOn.isVisible());
        assertThat(view.problem.getText()).contains("Plain has no stream");
        Screenshots.save(scene, "stream-tab-no-stream");

        robot.clickOn("#stream-turn-on");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.status.getText().startsWith("Watching Plain"));
        assertThat(view.turnOn.isVisible()).isFalse();
        client.putItem(b -> b.tableName("Plain").item(Map.of("id", AttributeValue.fromS("first"))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.status.getText().equals("1 change since "
                + "watching began."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.row(0)).containsEntry("change", "Added").containsEntry("key", "id = first");
        robot.interact(() -> root.getChildren().clear());
        assertThat(view.status.getText()).as("closed, it stops reading").startsWith("Stopped");
    }
}
