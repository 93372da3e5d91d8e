package dev.dynagate.partitions;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.DynamoDbKeyScanner;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** A sandbox with tables of known shapes, reached through the same SDK client and adapter the app uses. */
final class SandboxTables implements AutoCloseable {
    final Sandbox sandbox;
    final AwsClientFactory clients;
    final DynamoDbClient dynamo;

    SandboxTables(Path dir, boolean demo) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, dir).withDemo(demo), line -> { });
        clients = new AwsClientFactory(() -> AwsProfiles.discover(Map.of(), dir), sandbox::endpoint,
                new SessionSecrets());
        dynamo = clients.dynamoDb(Connection.sandbox());
    }

    KeyScanner scanner() {
        return new DynamoDbKeyScanner(dynamo);
    }

    /** A table keyed pk (S) + sk (given type), with an optional GSI "byGroup" on group (S) + sk. */
    void create(String table, ScalarAttributeType sortType, boolean withGroupIndex, boolean withLocalIndex) {
        List<AttributeDefinition> defs = new ArrayList<>(List.of(def("pk", ScalarAttributeType.S), def("sk", sortType)));
        if (withGroupIndex) {
            defs.add(def("group", ScalarAttributeType.S));
        }
        if (withLocalIndex) {
            defs.add(def("at", ScalarAttributeType.S));
        }
        dynamo.createTable(b -> {
            b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(defs)
                    .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
            if (withGroupIndex) {
                b.globalSecondaryIndexes(g -> g.indexName("byGroup")
                        .keySchema(key("group", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)));
            }
            if (withLocalIndex) {
                b.localSecondaryIndexes(l -> l.indexName("byTime")
                        .keySchema(key("pk", KeyType.HASH), key("at", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)));
            }
        });
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    /**
     * "Shaped": HOT has 48 SAMPLE# items and 2 META# items, A…J two SAMPLE# items each, every item has v = 123;
     * HOT's first ten samples and A's two carry group (g1, g2), the key of the KEYS_ONLY index byGroup.
     */
    void createShaped() {
        create("Shaped", ScalarAttributeType.S, true, false);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int n = 1; n <= 48; n++) {
            Map<String, AttributeValue> item = item("pk", "HOT", "sk", String.format("SAMPLE#%04d", n), "v", 123);
            if (n <= 10) {
                item.put("group", AttributeValue.fromS("g1"));
            }
            items.add(item);
        }
        items.add(item("pk", "HOT", "sk", "META#a", "v", 123));
        items.add(item("pk", "HOT", "sk", "META#b", "v", 123));
        for (char key = 'A'; key <= 'J'; key++) {
            for (int n = 1; n <= 2; n++) {
                Map<String, AttributeValue> item = item("pk", String.valueOf(key), "sk", "SAMPLE#000" + n, "v", 123);
                if (key == 'A') {
                    item.put("group", AttributeValue.fromS("g2"));
                }
                items.add(item);
            }
        }
        put("Shaped", items);
    }

    void put(String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }

    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            item.put((String) pairs[i], v instanceof AttributeValue a ? a
                    : v instanceof Number n ? AttributeValue.fromN(n.toString()) : AttributeValue.fromS((String) v));
        }
        return item;
    }

    private static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Override
    public void close() {
        clients.close();
        sandbox.close();
    }
}
