package dev.dynagate.aws;

import dev.dynagate.partitions.DdbValue;
import dev.dynagate.partitions.KeySchema;
import dev.dynagate.partitions.KeyScanner;
import dev.dynagate.partitions.KeyType;
import dev.dynagate.partitions.TableLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * {@link KeyScanner} over the SDK: parallel Scan pages (Segment/TotalSegments) projecting only the key attributes
 * unless whole items are wanted, with consumed capacity reported; and key-only Queries for one item collection.
 */
public final class DynamoDbKeyScanner implements KeyScanner {
    private final DynamoDbClient client;
    private final Map<String, TableLayout> layouts = new java.util.concurrent.ConcurrentHashMap<>();

    public DynamoDbKeyScanner(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public TableLayout describe(String table) {
        TableDescription d = client.describeTable(b -> b.tableName(table)).table();
        Map<String, KeyType> types = new LinkedHashMap<>();
        for (AttributeDefinition a : d.attributeDefinitions()) {
            types.put(a.attributeName(), KeyType.valueOf(a.attributeTypeAsString()));
        }
        List<KeySchema> indexes = new ArrayList<>();
        for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
            // a multi-attribute key partitions by several attributes together, which one grouping attribute would
            // misrepresent: such an index is not offered for partition analysis
            if (g.keySchema().stream().filter(k -> "HASH".equals(k.keyTypeAsString())).count() == 1
                    && g.keySchema().stream().filter(k -> "RANGE".equals(k.keyTypeAsString())).count() <= 1) {
                indexes.add(keys(table, g.indexName(), g.keySchema(), types));
            }
        }
        TableLayout layout = new TableLayout(keys(table, null, d.keySchema(), types), indexes,
                d.localSecondaryIndexes().size(), d.itemCount() == null ? 0 : d.itemCount(),
                d.tableSizeBytes() == null ? 0 : d.tableSizeBytes());
        layouts.put(table, layout);
        return layout;
    }

    private static KeySchema keys(String table, String index, List<KeySchemaElement> schema, Map<String, KeyType> types) {
        String hash = null;
        String range = null;
        for (KeySchemaElement e : schema) {
            if ("HASH".equals(e.keyTypeAsString())) {
                hash = e.attributeName();
            } else {
                range = e.attributeName();
            }
        }
        return new KeySchema(table, index, hash, types.get(hash), range, range == null ? null : types.get(range));
    }

    @Override
    public Page scan(KeyScanner.ScanRequest request) {
        KeySchema keys = request.keys();
        software.amazon.awssdk.services.dynamodb.model.ScanRequest.Builder scan =
                software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder().tableName(keys.table()).indexName(keys.index())
                .segment(request.segment()).totalSegments(request.totalSegments()).limit(request.limit())
                .exclusiveStartKey(DynamoDbValues.key(request.exclusiveStart()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (!request.fullItems()) {
            Map<String, String> names = new LinkedHashMap<>();
            StringBuilder projection = new StringBuilder();
            for (String attribute : keyAttributes(keys)) {
                String alias = "#k" + names.size();
                names.put(alias, attribute);
                projection.append(projection.length() == 0 ? "" : ", ").append(alias);
            }
            scan.projectionExpression(projection.toString()).expressionAttributeNames(names);
        }
        ScanResponse response = client.scan(scan.build());
        return new Page(DynamoDbValues.items(response.items()), DynamoDbValues.item(response.lastEvaluatedKey()),
                units(response.consumedCapacity()));
    }

    @Override
    public Page querySortKeys(KeySchema keys, DdbValue partitionValue, Map<String, DdbValue> exclusiveStart, int limit) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("#pk", keys.partitionKey());
        StringBuilder projection = new StringBuilder();
        for (String attribute : keyAttributes(keys)) {
            String alias = attribute.equals(keys.partitionKey()) ? "#pk" : "#k" + names.size();
            names.put(alias, attribute);
            projection.append(projection.length() == 0 ? "" : ", ").append(alias);
        }
        QueryResponse response = client.query(b -> b.tableName(keys.table()).indexName(keys.index())
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":pk", DynamoDbValues.attribute(partitionValue)))
                .projectionExpression(projection.toString()).scanIndexForward(true).limit(limit)
                .exclusiveStartKey(DynamoDbValues.key(exclusiveStart))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        return new Page(DynamoDbValues.items(response.items()), DynamoDbValues.item(response.lastEvaluatedKey()),
                units(response.consumedCapacity()));
    }

    /** On an index the table key comes along: it is what makes index entries unique and pages resumable. */
    private Set<String> keyAttributes(KeySchema keys) {
        Set<String> attributes = new LinkedHashSet<>();
        attributes.add(keys.partitionKey());
        if (keys.hasSortKey()) {
            attributes.add(keys.sortKey());
        }
        if (keys.isIndex()) {
            TableLayout layout = layouts.get(keys.table());
            KeySchema table = (layout != null ? layout : describe(keys.table())).table();
            attributes.add(table.partitionKey());
            if (table.hasSortKey()) {
                attributes.add(table.sortKey());
            }
        }
        return attributes;
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }
}
