package dev.dynagate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.connections.ConnectionRepository;
import dev.dynagate.connections.EnvironmentColour;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellPresenterTest {
    @TempDir
    Path config;

    private final Executor direct = Runnable::run;
    private final List<Connection> activated = new ArrayList<>();
    private final Connection dev = Connection.profile("dev", "eu-west-1");
    private final Connection prod = Connection.profile("prod", "us-east-1").withReadOnly(true).withColour(EnvironmentColour.RED);
    private final List<List<Connection>> saved = new ArrayList<>();

    private ShellPresenter presenter(Connection active, List<String> problems) {
        ConnectionSource source = new ConnectionSource() {
            @Override
            public ConnectionRepository.Listing load() {
                return new ConnectionRepository.Listing(List.of(Connection.sandbox(), dev, prod), active, problems);
            }

            @Override
            public void save(List<Connection> connections, Connection chosen) {
                saved.add(connections);
            }
        };
        return new ShellPresenter(source, new SettingsStore(config), activated::add, direct, direct);
    }

    @Test
    void startLoadsConnectionsAndActivatesTheSavedOne() {
        ShellPresenter presenter = presenter(dev, List.of());

        presenter.start().join();

        assertThat(presenter.connections()).containsExactly(Connection.sandbox(), dev, prod);
        assertThat(presenter.active().get()).isEqualTo(dev);
        assertThat(activated).containsExactly(dev);
        assertThat(presenter.readOnly().get()).isFalse();
    }

    @Test
    void ignoredConfigurationIsReportedAsNotices() throws Exception {
        Files.writeString(config.resolve("settings.json"), "[[[");
        ShellPresenter presenter = presenter(Connection.sandbox(), List.of("profile x refers to a missing sso-session"));

        presenter.start().join();

        assertThat(presenter.notices()).hasSize(2);
        assertThat(presenter.notices().get(0)).contains("settings.json could not be read");
        assertThat(presenter.theme().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void selectingAConnectionActivatesAndSavesIt() {
        ShellPresenter presenter = presenter(Connection.sandbox(), List.of());
        presenter.start().join();

        presenter.select(prod);

        assertThat(presenter.active().get()).isEqualTo(prod);
        assertThat(presenter.readOnly().get()).isTrue();
        assertThat(activated).containsExactly(Connection.sandbox(), prod);
        assertThat(saved).hasSize(1);
    }

    @Test
    void readOnlySwitchUpdatesTheActiveConnection() {
        ShellPresenter presenter = presenter(dev, List.of());
        presenter.start().join();

        presenter.setReadOnly(true);

        assertThat(presenter.active().get().readOnly()).isTrue();
        assertThat(presenter.connections().get(1).readOnly()).isTrue();
        assertThat(saved.get(0).get(1).readOnly()).isTrue();
    }

    @Test
    void savingANewEndpointAddsAndSelectsIt() {
        ShellPresenter presenter = presenter(Connection.sandbox(), List.of());
        presenter.start().join();
        Connection stack = Connection.endpoint("Stack", URI.create("http://localhost:4566"), "us-east-1");

        presenter.save(stack);

        assertThat(presenter.connections()).endsWith(stack);
        assertThat(presenter.active().get()).isEqualTo(stack);
        presenter.remove(stack);
        assertThat(presenter.connections()).doesNotContain(stack);
        assertThat(presenter.active().get()).isEqualTo(Connection.sandbox());
    }

    @Test
    void themeIsRememberedBetweenRuns() {
        ShellPresenter first = presenter(Connection.sandbox(), List.of());
        first.start().join();
        first.toggleTheme();
        first.rememberWindow(10, 20, 900, 700, false);

        ShellPresenter second = presenter(Connection.sandbox(), List.of());
        second.start().join();

        assertThat(second.theme().get()).isEqualTo(Theme.DARK);
        assertThat(second.settings().width).isEqualTo(900);
        assertThat(second.settings().x).isEqualTo(10);
    }
}
