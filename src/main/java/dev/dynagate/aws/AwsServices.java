package dev.dynagate.aws;

import dev.dynagate.connections.Connection;
import dev.dynagate.partitions.KeyScanner;
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

    public KeyScanner partitions(Connection connection) {
        return new DynamoDbKeyScanner(clients.dynamoDb(connection));
    }

    public ErrorDescriber errors(Connection connection) {
        return error -> AwsErrorMessages.describe(error, connection);
    }

    public AwsClientFactory clients() {
        return clients;
    }
}
