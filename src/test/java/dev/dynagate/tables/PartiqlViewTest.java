package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
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

/** The PartiQL tab on the sandbox's demo data, through the SDK client the app uses. */
@ExtendWith(ApplicationExtension.class)
class PartiqlViewTest {
    static SandboxTablesFixture sandbox;

    @TempDir
    static Path home;

    private Scene scene;
    private TablesFeature feature;
    private final SimpleObjectProperty<Connection> active = new SimpleObjectProperty<>();

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxTablesFixture.start(home, true, "partiql-view-test");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        feature = sandbox.feature(new FakeDialogs(), new FakeFilePicker(null), active);
        scene = new Scene(new javafx.scene.layout.StackPane(feature.openPartiql("Experiments")), 1280, 800);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aStatementRunsFromTheKeyboardAndItsItemsShowEveryType(FxRobot robot) throws Exception {
        PartiqlView view = robot.lookup(".partiql-view").queryAs(PartiqlView.class);
        assertThat(view.statement.getText()).isEqualTo("SELECT * FROM \"Experiments\"");
        robot.interact(() -> view.statement.setText("SELECT * FROM \"Experiments\" WHERE \"experimentId\" = "
                + "'EXP-CARDIO-2024-001' AND begins_with(\"sampleId\", 'SAMPLE#01') ORDER BY \"sampleId\" DESC"));
        robot.clickOn("#partiql-statement");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.status.getText().contains("all pages read"));

        assertThat(view.results.getItems()).isNotEmpty().allSatisfy(item ->
                assertThat(((Attr.S) item.get("sampleId")).value()).startsWith("SAMPLE#01"));
        assertThat(((Attr.S) view.results.getItems().get(0).get("sampleId")).value())
                .isGreaterThan(((Attr.S) view.results.getItems().get(1).get("sampleId")).value());
        assertThat(view.results.getColumns()).extracting(c -> c.getText()).contains("experimentId", "sampleId");
        robot.interact(() -> view.results.getSelectionModel().select(0));
        assertThat(view.item.getText()).as("the item in DynamoDB JSON").contains("\"experimentId\" : {",
                "\"S\" : \"EXP-CARDIO-2024-001\"");
        Screenshots.save(scene, "partiql-tab");

        robot.interact(() -> view.statement.setText("UPDATE \"Experiments\" SET reviewed = true WHERE experimentId = "
                + "'nobody' AND sampleId = 'x'"));
        robot.clickOn("#partiql-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.problem.isVisible());
        assertThat(view.problem.getText()).contains("conditional request failed")
                .contains("An UPDATE changes an item that exists and meets the rest of the WHERE");
        Screenshots.save(scene, "partiql-tab-error");

        assertThat(view.history.getItems()).extracting(javafx.scene.control.MenuItem::getText).hasSize(2)
                .first().asString().startsWith("UPDATE \"Experiments\" SET reviewed = true");
        robot.interact(() -> view.history.getItems().get(1).fire());
        assertThat(view.statement.getText()).startsWith("SELECT * FROM \"Experiments\" WHERE");
        robot.interact(() -> view.copyCli.fire());
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).startsWith("aws dynamodb execute-statement \\\n  --statement 'SELECT * FROM")
                .contains("--endpoint-url http://127.0.0.1:");
    }

    @Test
    void theNavigatorOffersIt(FxRobot robot) {
        ListView<String> list = new ListView<>();
        java.util.List<String> opened = new java.util.ArrayList<>();
        robot.interact(() -> feature.addPartiqlAction(list, opened::add));
        assertThat(list.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("PartiQL…");
        robot.interact(() -> {
            list.getItems().add("Experiments");
            list.getSelectionModel().select(0);
            list.getContextMenu().getItems().get(0).fire();
        });
        assertThat(opened).containsExactly("Experiments");
        assertThat(feature.partiqlTabId()).isEqualTo("partiql:" + sandbox.connection.id());
    }
}
