package dev.dynagate.aws;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.transfer.SegmentReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@link SegmentReader} over the SDK: Scan pages of whole items (up to 1 MB each, DynamoDB's page rule). */
public final class DynamoDbSegmentReader implements SegmentReader {
    private final DynamoDbClient client;

    public DynamoDbSegmentReader(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public Shape describe(String table) {
        TableDescription description = client.describeTable(b -> b.tableName(table)).table();
        List<String> keys = new ArrayList<>();
        description.keySchema().stream().filter(k -> "HASH".equals(k.keyTypeAsString()))
                .map(KeySchemaElement::attributeName).forEach(keys::add);
        description.keySchema().stream().filter(k -> "RANGE".equals(k.keyTypeAsString()))
                .map(KeySchemaElement::attributeName).forEach(keys::add);
        return new Shape(keys, description.itemCount() == null ? 0 : description.itemCount());
    }

    @Override
    public Page scan(String table, int segment, int totalSegments, Map<String, Attr> exclusiveStart) {
        ScanResponse response = client.scan(b -> b.tableName(table).segment(segment).totalSegments(totalSegments)
                .exclusiveStartKey(exclusiveStart == null ? null : AttributeValues.toSdk(exclusiveStart)));
        List<Map<String, Attr>> items = new ArrayList<>(response.items().size());
        response.items().forEach(item -> items.add(AttributeValues.fromSdk(item)));
        return new Page(items, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? AttributeValues.fromSdk(response.lastEvaluatedKey()) : null);
    }
}
