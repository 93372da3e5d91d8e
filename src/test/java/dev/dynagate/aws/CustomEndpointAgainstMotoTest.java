package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.shell.NavigatorPresenter;
import dev.dynagate.testing.MotoServer;
import dev.dynagate.ui.BackgroundExecutor;
import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Lists tables through a custom-endpoint connection against a real third-party server (moto_server). */
class CustomEndpointAgainstMotoTest {
    static MotoServer moto;

    @TempDir
    static Path home;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void listsTablesPageByPageThroughTheClientFactory() throws Exception {
        Connection connection = Connection.endpoint("moto", moto.endpoint(), "eu-west-1");
        ExecutorService background = BackgroundExecutor.create("moto-test");
        try (AwsClientFactory factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home),
                () -> null, new SessionSecrets())) {
            DynamoDbClient client = factory.dynamoDb(connection);
            for (int i = 0; i < 105; i++) {
                String name = String.format("moto-table-%03d", i);
                client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                                .attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            }
            AwsServices services = new AwsServices(factory);
            Operations operations = new Operations(background, Runnable::run, Clock.systemUTC());
            NavigatorPresenter navigator = new NavigatorPresenter(services::tables, services::errors, operations);

            List<String> names = navigator.show(connection).get(60, TimeUnit.SECONDS);

            assertThat(names).hasSize(105).startsWith("moto-table-000").endsWith("moto-table-104");
            assertThat(awaitState(navigator, NavigatorPresenter.State.READY)).isEqualTo(NavigatorPresenter.State.READY);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void deadEndpointGivesAClearMessage() throws Exception {
        Connection dead = Connection.endpoint("dead", java.net.URI.create("http://127.0.0.1:" + MotoServer.freePort()), "us-east-1");
        ExecutorService background = BackgroundExecutor.create("moto-test");
        try (AwsClientFactory factory = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), home),
                () -> null, new SessionSecrets())) {
            AwsServices services = new AwsServices(factory);
            Operations operations = new Operations(background, Runnable::run, Clock.systemUTC());
            NavigatorPresenter navigator = new NavigatorPresenter(services::tables, services::errors, operations);

            navigator.show(dead).handle((v, e) -> null).get(120, TimeUnit.SECONDS);

            assertThat(awaitState(navigator, NavigatorPresenter.State.FAILED)).isEqualTo(NavigatorPresenter.State.FAILED);
            assertThat(navigator.problem().get().text()).startsWith("Nothing answers at " + dead.endpoint());
        } finally {
            background.shutdownNow();
        }
    }

    /** The state follows on the UI executor, which may run just after the listing's future has completed. */
    private static NavigatorPresenter.State awaitState(NavigatorPresenter navigator, NavigatorPresenter.State wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (navigator.state().get() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return navigator.state().get();
    }
}
