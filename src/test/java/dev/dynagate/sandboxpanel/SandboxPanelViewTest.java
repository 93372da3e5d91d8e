package dev.dynagate.sandboxpanel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.EmbeddedSandbox;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.SandboxStorage;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import dev.dynagate.ui.BackgroundExecutor;
import dev.dynagate.ui.FxExecutor;
import dev.dynagate.ui.Operations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real in-process sandbox with its demo: start from the panel, call a demo route, read the Lambda's log. */
@ExtendWith(ApplicationExtension.class)
class SandboxPanelViewTest {
    private final ExecutorService background = BackgroundExecutor.create("panel-test");
    private EmbeddedSandbox sandbox;
    private SandboxPanelPresenter presenter;
    private Scene scene;
    private Path data;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("panel-test");
        SandboxSettings settings = new SandboxSettings(data.resolve("config"));
        sandbox = new EmbeddedSandbox(data.resolve("sandbox"), settings::storage);
        presenter = new SandboxPanelPresenter(new EmbeddedLocalCloud(sandbox, settings),
                new Operations(background, new FxExecutor(), Clock.systemUTC()));
        scene = new Scene(new SandboxPanelView(presenter), 1280, 800);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        sandbox.close();
        background.shutdownNow();
    }

    @Test
    void startCallAndReadTheInvocationLog(FxRobot robot) throws Exception {
        robot.clickOn("#sandbox-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> presenter.state().get() == SandboxPanelPresenter.State.RUNNING);
        String httpApiUrl = presenter.log().stream().map(SandboxPanelViewTest::invokeUrl)
                .filter(u -> u != null && !u.contains("/dev/")).findFirst().orElseThrow();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(httpApiUrl + "/EXP-CARDIO-2024-001/samples?limit=3")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !presenter.invocations().isEmpty());

        TableView<InvocationRow> table = robot.lookup("#invocations").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(presenter.endpoint().get()).startsWith("http://127.0.0.1:");
        assertThat(presenter.selected().get().function()).isEqualTo("samples-list");
        assertThat(presenter.selected().get().log()).contains("START RequestId:").contains("REPORT RequestId:")
                .contains("Init Duration:");
        assertThat(robot.lookup("#sandbox-durability").queryLabeled().getText())
                .contains("survives Dynagate being closed or killed").contains("forced to disk every second");
        Screenshots.save(scene, "sandbox-panel");
    }

    @Test
    void aSandboxThatKeepsNothingLeavesTheDataFolderEmpty(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> presenter.storage().get() != null);
        ComboBox<SandboxStorage> storage = robot.lookup("#sandbox-storage").queryComboBox();
        robot.interact(() -> storage.setValue(SandboxStorage.IN_MEMORY));
        robot.clickOn("#sandbox-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> presenter.state().get() == SandboxPanelPresenter.State.RUNNING);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> presenter.runningStorage().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(presenter.runningStorage().get()).isEqualTo(SandboxStorage.IN_MEMORY);
        assertThat(storage.isDisabled()).isTrue();
        assertThat(robot.lookup("#sandbox-data").queryAs(TextField.class).getText()).isEqualTo("none: nothing is kept");
        assertThat(robot.lookup("#sandbox-durability").queryLabeled().getText()).startsWith("Nothing is kept");
        Path folder = Path.of(presenter.dataFolder());
        assertThat(!Files.exists(folder) || Files.list(folder).findAny().isEmpty())
                .as("nothing written to " + folder).isTrue();
        Screenshots.save(scene, "sandbox-panel-in-memory");
        robot.clickOn("#sandbox-stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> presenter.state().get() == SandboxPanelPresenter.State.STOPPED);
        assertThat(new SandboxSettings(folder.getParent().resolve("config")).storage())
                .as("the choice is saved for the next run").isEqualTo(SandboxStorage.IN_MEMORY);
    }

    @Test
    void aSandboxThatHadTheFolderFirstIsUsedAndStopOnlyLetsGoOfIt(FxRobot robot) throws Exception {
        try (Sandbox other = Sandbox.start(SandboxOptions.of(0, data.resolve("sandbox")), line -> { })) {
            robot.clickOn("#sandbox-start");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> presenter.elsewhere().get());
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(presenter.endpoint().get()).isEqualTo(other.endpoint().toString());
            assertThat(robot.lookup("#sandbox-state").queryLabeled().getText()).isEqualTo("Running in another "
                    + "process, which had the data folder first; Stop lets go of it");
            assertThat(robot.lookup("#sandbox-durability").queryLabeled().getText())
                    .startsWith("Writes are kept as that process was told when it started");
            assertThat(presenter.log()).anyMatch(line -> line.startsWith("The data folder is in use by another "
                    + "Dynagate sandbox"));
            Screenshots.save(scene, "sandbox-panel-elsewhere");

            robot.clickOn("#sandbox-stop");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> presenter.state().get() == SandboxPanelPresenter.State.STOPPED);
            assertThat(presenter.elsewhere().get()).isFalse();
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(other.endpoint()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("still running where it was started")
                    .isEqualTo(200);
        }
    }

    private static String invokeUrl(String line) {
        Matcher m = Pattern.compile("(http://\\S+/_aws/execute-api/\\S+)").matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
