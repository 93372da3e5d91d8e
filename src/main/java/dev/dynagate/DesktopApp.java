package dev.dynagate;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: hands the stage to {@link App}, the composition root. */
public final class DesktopApp extends Application {

    static void open(String[] args) {
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Dynagate");
        stage.setScene(new Scene(new Label("Dynagate"), 800, 600));
        stage.show();
    }
}
