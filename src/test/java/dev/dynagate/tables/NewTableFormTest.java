package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.testing.Screenshots;
import dev.dynagate.ui.BackgroundExecutor;
import dev.dynagate.ui.FxExecutor;
import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The New table form filled in by hand and sent to the sandbox through the SDK. */
@ExtendWith(ApplicationExtension.class)
class NewTableFormTest {
    static Sandbox sandbox;
    static AwsClientFactory factory;
    static AwsServices services;
    static Connection connection;
    static ExecutorService background = BackgroundExecutor.create("new-table-test");

    @TempDir
    static Path home;

    private Scene scene;
    private NewTablePresenter presenter;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, home.resolve("sandbox")), line -> { });
        connection = Connection.endpoint("sandbox", sandbox.endpoint(), "us-east-1");
        factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home), () -> null, new SessionSecrets());
        services = new AwsServices(factory);
    }

    @AfterAll
    static void stop() {
        factory.close();
        sandbox.close();
        background.shutdownNow();
    }

    @Start
    void start(Stage stage) {
        Operations operations = new Operations(background, new FxExecutor(), Clock.systemUTC());
        presenter = new NewTablePresenter(() -> services.tablesFeature().admin(connection),
                services.errors(connection), operations, false);
        scene = new Scene(new NewTableForm(presenter));
        ThemeSwitcher.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aTableTypedIntoTheFormIsCreatedWithItsKeysAndBilling(FxRobot robot) throws Exception {
        robot.clickOn("#new-table-name").write("Or");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#new-table-problem").queryLabeled().getText())
                .isEqualTo("A table name is 3 to 255 letters, digits, '_', '-' or '.'.");
        Screenshots.save(scene, "new-table-problem");

        robot.write("ders");
        robot.doubleClickOn("#new-table-partition").write("customer");
        robot.doubleClickOn("#new-table-sort").write("placedAt");
        robot.clickOn("Provisioned");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#new-table-problem").queryLabeled().getText()).isNullOrEmpty();
        Screenshots.save(scene, "new-table");

        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<String>> creating =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> creating.set(presenter.create()));
        String name = creating.get().get(20, TimeUnit.SECONDS);

        TableDescription table = services.tableDescriber(connection).describe(name);
        assertThat(table.name()).isEqualTo("Orders");
        assertThat(table.status()).isEqualTo("ACTIVE");
        assertThat(table.keys().names()).containsExactly("customer", "placedAt");
        assertThat(table.billingMode()).isEqualTo("PROVISIONED");
        assertThat(table.readCapacity()).isEqualTo(5L);
    }

    @Test
    void indexesAddedInTheFormAreCreatedWithTheTable(FxRobot robot) throws Exception {
        robot.clickOn("#new-table-name").write("Shipments");
        robot.doubleClickOn("#new-table-partition").write("shipment");
        robot.doubleClickOn("#new-table-sort").write("event");
        robot.clickOn("#new-table-add-index");
        robot.clickOn("#new-table-add-index");
        WaitForAsyncUtils.waitForFxEvents();
        List<IndexRow> rows = robot.lookup(".index-row").queryAllAs(IndexRow.class).stream().toList();
        assertThat(rows).hasSize(2);

        IndexRow global = rows.get(0);
        robot.doubleClickOn(global.name).write("byCarrier");
        robot.clickOn(global.partitionName).write("carrier");
        robot.clickOn(global.hasSortKey);
        robot.clickOn(global.sortName).write("event");
        robot.interact(() -> global.projection.setValue(IndexDraft.Projection.INCLUDE));
        robot.clickOn(global.included).write("status, weight");
        IndexRow local = rows.get(1);
        robot.interact(() -> local.kind.setValue(TableDescription.IndexKind.LSI));
        robot.doubleClickOn(local.name).write("byDelivery");
        robot.clickOn(local.sortName).write("deliveredAt");
        robot.interact(() -> local.projection.setValue(IndexDraft.Projection.KEYS_ONLY));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#new-table-problem").queryLabeled().getText()).isNullOrEmpty();
        Screenshots.save(scene, "new-table-indexes");

        robot.interact(() -> global.sortType.setValue(KeyType.N));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#new-table-problem").queryLabeled().getText()).isEqualTo("Index byCarrier: event is "
                + "N here but S in the table's key; an attribute has one type in every key.");
        robot.interact(() -> global.sortType.setValue(KeyType.S));

        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<String>> creating =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> creating.set(presenter.create()));
        TableDescription table = services.tableDescriber(connection).describe(creating.get().get(20, TimeUnit.SECONDS));

        assertThat(table.indexes()).hasSize(2);
        TableDescription.Index carrier = table.indexes().stream().filter(i -> i.name().equals("byCarrier"))
                .findFirst().orElseThrow();
        assertThat(carrier.kind()).isEqualTo(TableDescription.IndexKind.GSI);
        assertThat(carrier.keys().names()).containsExactly("carrier", "event");
        assertThat(carrier.projection()).isEqualTo("INCLUDE");
        assertThat(carrier.nonKeyAttributes()).containsExactly("status", "weight");
        TableDescription.Index delivery = table.indexes().stream().filter(i -> i.name().equals("byDelivery"))
                .findFirst().orElseThrow();
        assertThat(delivery.kind()).isEqualTo(TableDescription.IndexKind.LSI);
        assertThat(delivery.keys().names()).containsExactly("shipment", "deliveredAt");
        assertThat(delivery.projection()).isEqualTo("KEYS_ONLY");
    }
}
