package dev.dynagate.aws;

import dev.dynagate.apis.RouteCatalog;
import dev.dynagate.connections.Connection;
import dev.dynagate.tables.TableCatalog;
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
