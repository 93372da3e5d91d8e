package dev.dynagate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxDialogsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 400, 300);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aChoiceIsOfferedAsButtonsAndTheOnePickedIsAnswered(FxRobot robot) throws Exception {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogs(stage).choose("Import 3 items", "Write 3 items into "
                + "Experiments? When a key is already in the table, replace that item or keep it.",
                List.of("Replace existing items", "Keep existing items"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w != stage && w.isShowing()));
        Window dialog = robot.listWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertThat(pane.getButtonTypes()).extracting(b -> b.getText())
                .containsExactly("Replace existing items", "Keep existing items", "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(dialog.getScene(), "dialog-choose");

        robot.interact(() -> ((Button) pane.lookupButton(pane.getButtonTypes().get(1))).fire());

        assertThat(answer.get(10, TimeUnit.SECONDS)).hasValue("Keep existing items");
    }

    @Test
    void aPickOffersTheChoicesInAListWithTheFirstSelected(FxRobot robot) throws Exception {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogs(stage).pick("Delete a global index of Experiments",
                "Which global index of Experiments? Queries on it stop working; the items stay.",
                List.of("byStatus", "bySubject", "byDay"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w != stage && w.isShowing()));
        Window dialog = robot.listWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> list = (javafx.scene.control.ComboBox<String>) pane
                .lookup(".combo-box");
        assertThat(list.getItems()).containsExactly("byStatus", "bySubject", "byDay");
        assertThat(list.getValue()).isEqualTo("byStatus");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(dialog.getScene(), "dialog-pick");

        robot.interact(() -> {
            list.setValue("bySubject");
            ((Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire();
        });

        assertThat(answer.get(10, TimeUnit.SECONDS)).hasValue("bySubject");
    }
}
