package dev.dynagate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.connections.ConnectionRepository;
import dev.dynagate.connections.EnvironmentColour;
import dev.dynagate.tables.TableCatalog;
import dev.dynagate.testing.Screenshots;
import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path config;

    private MainWindow window;
    private final Connection prod = Connection.profile("team-prod", "eu-west-1").withColour(EnvironmentColour.RED).withReadOnly(true);
    private final Connection dev = Connection.profile("dev", "eu-west-1");
    private ShellPresenter shell;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Executor direct = Runnable::run;
        Operations operations = new Operations(direct, direct, Clock.systemUTC());
        ConnectionSource source = new ConnectionSource() {
            @Override
            public ConnectionRepository.Listing load() {
                return new ConnectionRepository.Listing(List.of(Connection.sandbox(), dev, prod), Connection.sandbox(),
                        List.of("~/.aws/config line 12: expected 'name = value', ignored"));
            }

            @Override
            public void save(List<Connection> connections, Connection active) {
            }
        };
        TableCatalog sandboxTables = (start, limit) -> new TableCatalog.TableNamesPage(
                List.of("Experiments", "Subjects", "AuditLog"), null);
        TableCatalog prodTables = (start, limit) -> new TableCatalog.TableNamesPage(List.of("orders-prod", "customers-prod"), null);
        NavigatorPresenter navigator = new NavigatorPresenter(c -> c.equals(prod) ? prodTables : sandboxTables,
                c -> e -> null, operations);
        shell = new ShellPresenter(source, new SettingsStore(config), navigator::show, direct, direct);
        ConnectionBarView bar = new ConnectionBarView(shell, () -> { }, () -> { }, () -> { });
        NavigatorView navigatorView = new NavigatorView(navigator, t -> { },
                NavigatorView.emptyState("No APIs on this connection."));
        window = new MainWindow(bar, navigatorView, shell, operations);
        scene = new Scene(window, 1280, 800);
        ThemeSwitcher.apply(shell.theme().get(), scene);
        shell.theme().addListener((obs, old, theme) -> ThemeSwitcher.apply(theme, scene));
        stage.setScene(scene);
        stage.show();
        shell.start().join();
    }

    @Test
    void opensOnTheSandboxAndSwitchesThemeAndConnection(FxRobot robot) {
        ListView<String> tables = robot.lookup("#table-list").queryListView();
        assertThat(tables.getItems()).containsExactly("Experiments", "Subjects", "AuditLog");
        Screenshots.save(scene, "main-window-light");

        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.theme().get()).isEqualTo(Theme.DARK);

        ComboBox<Connection> picker = robot.lookup("#connection-picker").queryComboBox();
        robot.clickOn(picker);
        robot.clickOn("team-prod  (read-only)");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shell.active().get()).isEqualTo(prod);
        ToggleButton readOnly = robot.lookup("#read-only-toggle").queryAs(ToggleButton.class);
        assertThat(readOnly.isSelected()).isTrue();
        assertThat(tables.getItems()).containsExactly("orders-prod", "customers-prod");
        Screenshots.save(scene, "main-window");
    }

    @Test
    void closingTabsByIdLeavesTheOthersOpen(FxRobot robot) {
        robot.interact(() -> {
            window.openTab("table:c:Orders", "Orders", javafx.scene.control.Label::new);
            window.openTab("table:c:Orders:byCustomer:42", "Orders · 42", javafx.scene.control.Label::new);
            window.openTab("table:c:OrdersArchive", "OrdersArchive", javafx.scene.control.Label::new);
            window.closeTabs(id -> id.equals("table:c:Orders") || id.startsWith("table:c:Orders:"));
        });

        assertThat(window.workspace().getTabs()).extracting(javafx.scene.control.Tab::getId)
                .contains("table:c:OrdersArchive").doesNotContain("table:c:Orders", "table:c:Orders:byCustomer:42");
    }

    @Test
    void filterNarrowsTheTableList(FxRobot robot) {
        robot.clickOn("#table-filter").write("exp");
        WaitForAsyncUtils.waitForFxEvents();

        ListView<String> tables = robot.lookup("#table-list").queryListView();
        assertThat(tables.getItems()).containsExactly("Experiments");
    }
}
