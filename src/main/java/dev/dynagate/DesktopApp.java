package dev.dynagate;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application: hands the stage to {@link App}, the composition root. */
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
        app = new App(AppDirs.detect(), System.getenv(), Path.of(System.getProperty("user.home")), probe);
        app.start(stage);
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
