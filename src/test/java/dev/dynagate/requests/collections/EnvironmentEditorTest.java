package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EnvironmentEditorTest {
    private EnvironmentEditor editor;
    private Scene scene;

    @Start
    void start(Stage stage) {
        editor = new EnvironmentEditor(new Environment("stage", false, List.of(KeyValue.of("baseUrl", "https://stage.test"),
                KeyValue.of("token", "s3cr3t")), Set.of("token")));
        scene = new Scene(editor);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void secretsAreMaskedAndEditsComeBackAsAnEnvironment(FxRobot robot) {
        assertThat(robot.lookup(".table-cell").match((TableCell<?, ?> c) -> "••••••••".equals(c.getText())).tryQuery())
                .isPresent();
        assertThat(robot.lookup(".table-cell").match((TableCell<?, ?> c) -> "s3cr3t".equals(c.getText())).tryQuery())
                .isEmpty();
        Screenshots.save(scene, "environment-editor");

        robot.clickOn("#environment-add");
        robot.clickOn("#environment-production");
        robot.interact(() -> {
            EnvironmentEditor.Row added = editor.rows.get(2);
            added.key.set("apiKey");
            added.value.set("k-1");
            added.secret.set(true);
            editor.rows.get(0).enabled.set(false);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(editor.result()).isEqualTo(new Environment("stage", true, List.of(
                new KeyValue("baseUrl", "https://stage.test", false), KeyValue.of("token", "s3cr3t"),
                KeyValue.of("apiKey", "k-1")), Set.of("token", "apiKey")));
    }
}
