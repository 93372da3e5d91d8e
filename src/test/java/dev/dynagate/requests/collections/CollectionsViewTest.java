package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.HttpRequestSender;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.FilePicker;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CollectionsViewTest {
    @TempDir
    static Path dir;

    private final ExperimentsApi api = new ExperimentsApi();
    private final ExecutorService senderThreads = Executors.newCachedThreadPool();
    private final List<String> confirmations = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private CollectionsPresenter collections;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "collection");
        Path secrets = Files.createTempDirectory(dir, "secrets");
        Collection created = CollectionFiles.create(CollectionRunnerTest.chain("other"), root);
        Environments environments = new Environments(created, new SecretStore(secrets));
        environments.save(new Environment("dev", false, List.of(KeyValue.of("baseUrl", api.baseUrl()),
                KeyValue.of("apiKey", "secret-key")), Set.of("apiKey")));
        environments.save(new Environment("prod", true, List.of(KeyValue.of("baseUrl", api.baseUrl()),
                KeyValue.of("apiKey", "secret-key")), Set.of("apiKey")));

        Executor direct = Runnable::run;
        Operations operations = new Operations(direct, direct, Clock.systemUTC());
        Dialogs dialogs = new dev.dynagate.testing.UnaskedDialogs() {
            @Override
            public void showError(String title, UserMessage message) {
            }

            @Override
            public boolean confirm(String title, String question, String confirmLabel) {
                confirmations.add(question);
                return true;
            }

            @Override
            public boolean confirmTyped(String title, String question, String expected) {
                return true;
            }

            @Override
            public Optional<String> ask(String title, String question, String initial) {
                return Optional.of("Fetch experiment");
            }
        };
        FilePicker picker = new FilePicker() {
            @Override
            public Optional<Path> chooseFolder(String title) {
                return Optional.of(root);
            }

            @Override
            public Optional<Path> chooseFile(String title, String description, String... extensions) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> saveFile(String title, String initialName) {
                return Optional.of(dir.resolve(initialName));
            }
        };
        CollectionsFeature feature = new CollectionsFeature(operations, dialogs,
                new HttpRequestSender((request, auth) -> {
                    throw new AssertionError("not signed here");
                }, senderThreads), new SecretStore(secrets), picker);
        collections = feature.collections();
        feature.onOpenRequest(request -> opened.add(request.name()));
        scene = new Scene((javafx.scene.Parent) feature.view(), 1280, 800);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        api.close();
        senderThreads.shutdownNow();
    }

    @Test
    void opensTheTreeSwitchesEnvironmentAndRunsWithOneFailingAssertion(FxRobot robot) {
        robot.clickOn("#open-collection");
        WaitForAsyncUtils.waitForFxEvents();
        TreeView<CollectionItem> tree = robot.lookup("#collection-tree").query();
        TreeItem<CollectionItem> root = tree.getRoot();
        assertThat(root.getValue().name()).isEqualTo("Experiments API");
        TreeItem<CollectionItem> folder = root.getChildren().get(0);
        assertThat(folder.getChildren()).extracting(item -> item.getValue().name())
                .containsExactly("Create experiment", "Read experiment", "Delete experiment", "Read deleted");

        robot.doubleClickOn("Create experiment");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly("Create experiment");

        ComboBox<Environment> picker = robot.lookup("#environment-picker").queryComboBox();
        robot.clickOn(picker);
        robot.clickOn("prod  (production)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(collections.environment().get().name()).isEqualTo("prod");
        assertThat(picker.getStyleClass()).contains("production");
        Screenshots.save(scene, "runner-production");

        robot.clickOn("#run-collection");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirmations).containsExactly(
                "Send POST Experiments / Create experiment to the production environment \"prod\"?",
                "Send DELETE Experiments / Delete experiment to the production environment \"prod\"?");

        robot.clickOn(picker);
        robot.clickOn("dev");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.getStyleClass()).doesNotContain("production");
        robot.clickOn("#run-collection");
        WaitForAsyncUtils.waitForFxEvents();

        TreeTableView<RunnerView.Row> results = robot.lookup("#runner-results").query();
        assertThat(results.getRoot().getChildren()).hasSize(4);
        TreeItem<RunnerView.Row> read = results.getRoot().getChildren().get(1);
        assertThat(read.getValue().request().passed()).isFalse();
        assertThat(read.isExpanded()).isTrue();
        assertThat(read.getChildren()).extracting(item -> item.getValue().check().description())
                .containsExactly("status equals 200", "$.data.name equals other", "response time less than 5000 ms");
        Label summary = robot.lookup("#runner-summary").query();
        assertThat(summary.getText()).startsWith("Failed: 4 requests, 1 failed; 8 checks, 1 failed");

        robot.clickOn("$.data.name equals other");
        WaitForAsyncUtils.waitForFxEvents();
        TextArea response = robot.lookup("#runner-response").query();
        assertThat(response.getText()).startsWith("GET " + api.baseUrl() + "/experiments/e-2\n200 ·").contains("\"name\" : \"trial\"");
        Screenshots.save(scene, "runner");

        robot.clickOn("#runner-export");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dir.resolve("report.xml")).exists();

        robot.clickOn("#export-postman");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(PostmanImporter.read(dir.resolve("experiments-api.postman_collection.json")).collection().requests())
                .hasSize(4);

        javafx.scene.control.TreeCell<?> cell = robot.lookup(".tree-cell").match((javafx.scene.control.TreeCell<?> c) ->
                "Read deleted".equals(c.getText())).query();
        robot.interact(() -> cell.getContextMenu().getItems().stream().filter(m -> "Rename…".equals(m.getText()))
                .findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.getRoot().getChildren().get(0).getChildren()).extracting(item -> item.getValue().name())
                .containsExactly("Create experiment", "Read experiment", "Delete experiment", "Fetch experiment");
    }
}
