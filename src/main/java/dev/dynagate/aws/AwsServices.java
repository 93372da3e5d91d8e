package dev.dynagate.aws;

import dev.dynagate.apis.RouteCatalog;
import dev.dynagate.connections.Connection;
import dev.dynagate.partitions.KeyScanner;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.ReadOnlyItemStore;
import dev.dynagate.tables.TableCatalog;
import dev.dynagate.tables.TableDescriber;
import dev.dynagate.ui.ErrorDescriber;

/**
 * The features' view of AWS for one connection: each feature-owned interface, implemented over the clients the
 * factory builds. Presenters receive these interfaces and never an SDK type.
 */
public final class AwsServices {
    private final AwsClientFactory clients;

    public AwsServices(AwsClientFactory clients) {
        this.clients = clients;
    }

    public TableCatalog tables(Connection connection) {
        return new DynamoDbTableCatalog(clients.dynamoDb(connection));
    }

    public KeyScanner partitions(Connection connection) {
        return new DynamoDbKeyScanner(clients.dynamoDb(connection));
    }

    public TableDescriber tableDescriber(Connection connection) {
        return new DynamoDbTableCatalog(clients.dynamoDb(connection));
    }

    /** The items of a connection's tables; on a read-only connection every write is refused before it is sent. */
    public ItemStore items(Connection connection) {
        ItemStore store = new DynamoDbItemStore(clients.dynamoDb(connection));
        return connection.readOnly() ? new ReadOnlyItemStore(store, connection.name()) : store;
    }

    /** The tables feature's services, over this factory's clients. */
    public dev.dynagate.tables.TablesFeature.Services tablesFeature() {
        return new dev.dynagate.tables.TablesFeature.Services() {
            public TableDescriber describer(Connection connection) {
                return tableDescriber(connection);
            }

            public ItemStore items(Connection connection) {
                return AwsServices.this.items(connection);
            }

            public ErrorDescriber errors(Connection connection) {
                return AwsServices.this.errors(connection);
            }

            public java.net.URI endpoint(Connection connection) {
                return clients.endpoint(connection);
            }

            public dev.dynagate.tables.TableAdmin admin(Connection connection) {
                return new DynamoDbTableCatalog(clients.dynamoDb(connection));
            }

            public dev.dynagate.tables.PartiqlRunner partiql(Connection connection) {
                return new DynamoDbPartiqlRunner(clients.dynamoDb(connection));
            }

            public dev.dynagate.tables.StreamReader streams(Connection connection) {
                return new DynamoDbStreamReader(clients.dynamoDb(connection), clients.dynamoDbStreams(connection));
            }
        };
    }

    public RouteCatalog routes(Connection connection) {
        return new ApiGatewayRouteCatalog(clients.apiGateway(connection), clients.apiGatewayV2(connection));
    }

    public ErrorDescriber errors(Connection connection) {
        return error -> AwsErrorMessages.describe(error, connection);
    }

    public AwsClientFactory clients() {
        return clients;
    }
}
