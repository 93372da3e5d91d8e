package dev.dynagate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.connections.ConnectionRepository;
import dev.dynagate.testing.Screenshots;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On a first start the picker shows the active connection once the saved list has arrived. */
@ExtendWith(ApplicationExtension.class)
class ConnectionBarViewTest {
    @TempDir
    static Path config;

    private Scene scene;
    private ShellPresenter shell;

    @Start
    void start(Stage stage) {
        ConnectionSource firstStart = new ConnectionSource() {
            @Override
            public ConnectionRepository.Listing load() {
                // a fresh machine: the sandbox (equal to the one the presenter starts with) and the two presets
                return new ConnectionRepository.Listing(List.of(Connection.sandbox(),
                        Connection.endpoint("LocalStack", URI.create("http://localhost:4566"), "us-east-1"),
                        Connection.endpoint("Local DynamoDB emulator", URI.create("http://localhost:8000"), "us-east-1")),
                        Connection.sandbox(), List.of());
            }

            @Override
            public void save(List<Connection> connections, Connection active) {
            }
        };
        // as in the app: the list is read on a background thread and arrives on the FX thread
        shell = new ShellPresenter(firstStart, new SettingsStore(config), c -> { }, ForkJoinPool.commonPool(),
                Platform::runLater);
        scene = new Scene(new Label("Starting…"), 900, 60);
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheActiveConnectionAfterTheListLoads(FxRobot robot) throws Exception {
        // as in the app: the window replaces the starting screen and the saved list starts loading at once
        CompletableFuture<CompletableFuture<Void>> loading = new CompletableFuture<>();
        Platform.runLater(() -> {
            scene.setRoot(new ConnectionBarView(shell, () -> { }, () -> { }, () -> { }));
            loading.complete(shell.start());
        });
        loading.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<Connection> picker = robot.lookup("#connection-picker").queryComboBox();
        Screenshots.save(scene, "connection-bar-first-start");
        assertThat(picker.getItems()).hasSize(3);
        assertThat(picker.getValue()).isEqualTo(Connection.sandbox());
        ListCell<Connection> shown = (ListCell<Connection>) picker.getButtonCell();
        assertThat(shown.getText()).isEqualTo("Sandbox");
    }
}
