package dev.dynagate.aws;

import dev.dynagate.tables.PartiqlRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** PartiQL over the SDK's ExecuteStatement, items mapped losslessly into the app's model. */
final class DynamoDbPartiqlRunner implements PartiqlRunner {
    private final DynamoDbClient client;

    DynamoDbPartiqlRunner(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public Page execute(String statement, String nextToken) {
        ExecuteStatementResponse response = client.executeStatement(b -> b.statement(statement).nextToken(nextToken)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        return new Page(response.items().stream().map(AttributeValues::fromSdk).toList(), response.nextToken(),
                response.consumedCapacity() == null ? null : response.consumedCapacity().capacityUnits());
    }
}
