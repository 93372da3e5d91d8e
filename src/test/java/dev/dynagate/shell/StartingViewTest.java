package dev.dynagate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.testing.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's first frame: its bar and a note, in the theme the last run chose. */
@ExtendWith(ApplicationExtension.class)
class StartingViewTest {
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new StartingView(), 1280, 800);
        ThemeSwitcher.apply(Theme.DARK, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheBarAndSaysTheWorkspaceIsOpening(FxRobot robot) {
        Label note = robot.lookup("#starting").queryAs(Label.class);
        assertThat(note.getText()).isEqualTo("Opening the workspace…");
        assertThat(robot.lookup(".connection-bar .brand").queryAs(Label.class).getText()).isEqualTo("Dynagate");
        assertThat(note.isVisible()).isTrue();
        Screenshots.save(scene, "starting");
    }
}
