package dev.dynagate;

import dev.dynagate.shell.SettingsStore;
import dev.dynagate.shell.StartingView;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeHint;
import dev.dynagate.shell.ThemeSwitcher;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application. The window appears first with a cheap placeholder; the composition root ({@link App})
 * is built right after that first frame, while the window is already on screen.
 */
public final class DesktopApp extends Application {
    private static volatile StartupMode mode = StartupMode.NORMAL;
    private App app;

    static void open(StartupMode startupMode) {
        mode = startupMode;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        StartupProbe probe = new StartupProbe(mode != StartupMode.NORMAL, System.out, () -> {
            Platform.exit();
            System.exit(0);
        });
        if (mode == StartupMode.BARE_WINDOW) {
            Scene scene = new Scene(new StackPane(), 1280, 800);
            stage.setScene(scene);
            probe.watchFirstFrame(scene);
            probe.tablesShown(); // a bare window has no list to wait for
            stage.show();
            return;
        }
        AppDirs dirs = AppDirs.detect();
        Theme theme = ThemeHint.read(SettingsStore.location(dirs.config()));
        Scene scene = new Scene(new StartingView(), 1280, 800);
        ThemeSwitcher.apply(theme, scene);
        stage.setTitle("Dynagate");
        stage.setScene(scene);
        probe.watchFirstFrame(scene);
        afterFirstPulse(scene, () -> {
            app = new App(dirs, System.getenv(), Path.of(System.getProperty("user.home")), probe);
            app.start(stage, theme);
        });
        stage.show();
    }

    /**
     * Runs {@code action} once on the JavaFX thread after the scene's first pulse (its first frame), or after a
     * second at the latest: a window that is not drawn (minimised at start) must still get its workspace.
     */
    private static void afterFirstPulse(Scene scene, Runnable action) {
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        };
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(once);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        PauseTransition fallback = new PauseTransition(Duration.seconds(1));
        fallback.setOnFinished(e -> once.run());
        fallback.play();
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
