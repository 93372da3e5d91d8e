package dev.dynagate.aws;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Create, put, get, delete through the SDK: what the installed app does first against the sandbox. */
public final class DynamoDbRoundTrip {
    private DynamoDbRoundTrip() {
    }

    public static String roundTrip(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName("selftest").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        String digits = "12345678901234567890123456789012345678";
        dynamo.putItem(b -> b.tableName("selftest").item(Map.of(
                "id", AttributeValue.fromS("one"), "n", AttributeValue.fromN(digits))));
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("selftest")
                .key(Map.of("id", AttributeValue.fromS("one"))).consistentRead(true)).item();
        if (item == null || !digits.equals(item.get("n").n())) {
            throw new IllegalStateException("item did not come back intact: " + item);
        }
        dynamo.deleteTable(b -> b.tableName("selftest"));
        return "created, wrote, read back 38 digits, deleted";
    }
}
