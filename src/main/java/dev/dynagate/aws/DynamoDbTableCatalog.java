package dev.dynagate.aws;

import dev.dynagate.tables.TableCatalog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/** {@link TableCatalog} over the SDK's DynamoDbClient. */
public final class DynamoDbTableCatalog implements TableCatalog {
    private final DynamoDbClient client;

    public DynamoDbTableCatalog(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public TableNamesPage listTableNames(String exclusiveStart, int limit) {
        ListTablesResponse response = client.listTables(ListTablesRequest.builder()
                .exclusiveStartTableName(exclusiveStart).limit(limit).build());
        return new TableNamesPage(response.tableNames(), response.lastEvaluatedTableName());
    }
}
