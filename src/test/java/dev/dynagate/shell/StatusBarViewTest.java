package dev.dynagate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.testing.Screenshots;
import dev.dynagate.ui.BackgroundExecutor;
import dev.dynagate.ui.Operations;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest {
    private final ExecutorService background = BackgroundExecutor.create("status-bar-test");
    private final Operations operations = new Operations(background, Platform::runLater, Clock.systemUTC());
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new BorderPane(null, null, null,
                new StatusBarView(operations, FXCollections.observableArrayList()), null), 900, 80);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void workInFlightShowsHowFarItHasGotUntilItEnds(FxRobot robot) throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> copying = operations.runReporting("Copying Experiments to sandbox", progress -> {
            progress.report("1,200 items");
            reported.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        });
        assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#operations .label").queryAs(Label.class).getText())
                .isEqualTo("Copying Experiments to sandbox… 1,200 items");
        Screenshots.save(scene, "status-bar-progress");

        release.countDown();
        copying.get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#operations .label").tryQuery()).isEmpty();
        assertThat(robot.lookup(".status-idle").queryAs(Label.class).isVisible()).isTrue();
    }
}
