package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TableListDecoratorTest {
    @TempDir
    static Path config;

    private ListView<String> list;
    private Scene scene;
    private TableListPresenter presenter;

    @Start
    void start(Stage stage) {
        Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
        presenter = new TableListPresenter(direct, new TablePreferences(config, Runnable::run));
        presenter.show("sandbox", () -> name -> {
            TableDescription base = Fixtures.experiments();
            return new TableDescription(name, base.arn(), base.status(), base.created(), base.keys(), base.indexes(),
                    base.billingMode(), null, null, null, null, name.equals("Experiments") ? 5664 : 12,
                    name.equals("Experiments") ? 1_258_291 : 900);
        });
        list = new ListView<>(FXCollections.observableArrayList("AuditLog", "Experiments", "Subjects"));
        list.setId("table-list");
        TableListDecorator.decorate(list, presenter);
        scene = new Scene(list, 320, 200);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void rowsShowCountAndSizeAndRecentTablesComeFirst(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".table-summary").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("~5,664 items · 1.2 MB")));

        robot.interact(() -> presenter.opened("Subjects"));

        assertThat(list.getItems()).containsExactly("Subjects", "AuditLog", "Experiments");
        WaitForAsyncUtils.waitForFxEvents();
        dev.dynagate.testing.Screenshots.save(scene, "navigator-tables");
    }
}
