package dev.dynagate.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import dev.dynagate.ui.FxExecutor;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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

/** The Partitions tab on the sandbox demo data: three hot experiments among ~40 small ones. */
@ExtendWith(ApplicationExtension.class)
class PartitionsViewTest {
    @TempDir
    static Path dir;
    static SandboxTables sandbox;
    static ExecutorService background;
    private final List<PartitionDrill> drills = new ArrayList<>();
    private Scene scene;

    @BeforeAll
    static void demo() throws Exception {
        sandbox = new SandboxTables(dir, true);
        background = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        background.shutdownNow();
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        Operations operations = new Operations(background, new FxExecutor(), Clock.systemUTC());
        PartitionsFeature feature = new PartitionsFeature(c -> sandbox.scanner(),
                c -> e -> new UserMessage(e.toString(), "", false), operations,
                new SimpleObjectProperty<>(Connection.sandbox()));
        feature.onDrill(drills::add);
        scene = new Scene(new javafx.scene.layout.StackPane(feature.open("Experiments")), 1280, 800);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheHotExperimentsInListAndChart(FxRobot robot) throws Exception {
        Label progress = robot.lookup("#partitions-progress-text").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> progress.getText().endsWith("finished"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("progress: " + progress.getText() + " / problem: "
                    + robot.lookup(".problem").queryAs(Label.class).getText(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();

        TableView<PartitionStats> table = robot.lookup("#partitions-table").queryTableView();
        assertThat(table.getItems()).hasSize(43);
        assertThat(table.getItems().get(0).key().display()).isEqualTo("EXP-CARDIO-2024-001");
        assertThat(table.getItems().get(0).items()).isEqualTo(2502);
        BarChart<?, ?> chart = robot.lookup("#partitions-chart").queryAs(BarChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(PartitionsPresenter.TOP_N);
        assertThat(robot.lookup("#partitions-skew").queryAs(Label.class).getText())
                .startsWith("Top 1% of keys (1 of 43) hold ");

        // select and press Enter: a double-click can arrive as two single clicks on a busy machine
        robot.clickOn(robot.lookup("#partitions-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        ListView<String> sortKeys = robot.lookup("#partitions-sort-keys").queryListView();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sortKeys.getItems().size() == 1000);
        } catch (java.util.concurrent.TimeoutException e) {
            Screenshots.save(scene, "partitions-failed");
            throw e;
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sortKeys.getItems()).startsWith("META#experiment", "META#protocol", "SAMPLE#0001");
        assertThat(drills).extracting(PartitionDrill::keyValue).containsExactly("EXP-CARDIO-2024-001");
        assertThat(robot.lookup("#partitions-sort-key-summary").queryAs(Label.class).getText())
                .isEqualTo("SAMPLE# 2,500 · META# 2 — first 1,000 keys in sort-key order");
        Screenshots.save(scene, "partitions");
    }

    @Test
    void theTableListGetsAPartitionsAction(FxRobot robot) {
        List<String> opened = new ArrayList<>();
        ListView<String> list = new ListView<>(javafx.collections.FXCollections.observableArrayList("Experiments"));
        robot.interact(() -> {
            list.setContextMenu(new javafx.scene.control.ContextMenu(new javafx.scene.control.MenuItem("Open")));
            PartitionsFeature.addTableAction(list, opened::add);
            list.getSelectionModel().select(0);
            list.getContextMenu().getItems().get(1).fire();
        });

        assertThat(list.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Open", "Partitions");
        assertThat(opened).containsExactly("Experiments");
    }

    @Test
    void schemaTabHighlightsTheTemperatureDrift(FxRobot robot) throws Exception {
        robot.clickOn("Schema & drift");
        Label drift = robot.lookup("#schema-drift").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !drift.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(drift.getText()).startsWith("Type drift in 1 attribute: temperature (N 98% · S 1.8%)");
        TableView<AttributeProfile> table = robot.lookup("#schema-table").queryTableView();
        assertThat(table.getItems()).extracting(AttributeProfile::path).contains("vitals.systolic", "readings[]",
                "grantReference");
        assertThat(table.getItems()).filteredOn(a -> a.path().equals("grantReference")).singleElement()
                .satisfies(a -> assertThat(a.beyondDouble()).isEqualTo(43));
        assertThat(robot.lookup("#schema-java").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("public class Experiments {");
        Screenshots.save(scene, "partitions-schema");
    }
}
