package dev.dynagate.tables;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.ui.BackgroundExecutor;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.FxExecutor;
import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javafx.beans.property.ObjectProperty;

/** A sandbox (with or without its demo data) and the app's own SDK services on it, for the tables' view tests. */
final class SandboxTablesFixture implements AutoCloseable {
    final Sandbox sandbox;
    final AwsClientFactory factory;
    final AwsServices services;
    final Connection connection;
    final ExecutorService background;
    private final Path home;

    private SandboxTablesFixture(Path home, boolean demo, String name) throws Exception {
        this.home = home;
        sandbox = Sandbox.start(SandboxOptions.of(0, home.resolve("sandbox")).withDemo(demo), line -> { });
        connection = Connection.endpoint("sandbox", sandbox.endpoint(), "us-east-1");
        factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home), () -> null, new SessionSecrets());
        services = new AwsServices(factory);
        background = BackgroundExecutor.create(name);
    }

    static SandboxTablesFixture start(Path home, boolean demo, String name) throws Exception {
        return new SandboxTablesFixture(home, demo, name);
    }

    /** The tables feature on the sandbox connection, its work on the fixture's executor, answers on the FX thread. */
    TablesFeature feature(Dialogs dialogs, FakeFilePicker picker, ObjectProperty<Connection> active) {
        Operations operations = new Operations(background, new FxExecutor(), Clock.systemUTC());
        TablesFeature feature = new TablesFeature(services.tablesFeature(), operations, dialogs, picker,
                new TablePreferences(home, background), active);
        active.set(connection);
        return feature;
    }

    @Override
    public void close() {
        factory.close();
        sandbox.close();
        background.shutdownNow();
    }
}
