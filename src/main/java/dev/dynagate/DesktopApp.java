package dev.dynagate;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: hands the stage to {@link App}, the composition root. */
public final class DesktopApp extends Application {
    private App app;

    static void open(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        app = new App(AppDirs.detect(), System.getenv(), Path.of(System.getProperty("user.home")));
        app.start(stage);
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
