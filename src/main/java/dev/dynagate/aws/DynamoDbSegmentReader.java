package dev.dynagate.aws;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.transfer.SegmentReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** {@link SegmentReader} over the SDK: Scan pages of whole items (up to 1 MB each, DynamoDB's page rule). */
public final class DynamoDbSegmentReader implements SegmentReader {
    private final DynamoDbClient client;

    public DynamoDbSegmentReader(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public Page scan(String table, String index, int segment, int totalSegments, Map<String, Attr> exclusiveStart) {
        ScanResponse response = client.scan(b -> b.tableName(table).indexName(index).segment(segment)
                .totalSegments(totalSegments)
                .exclusiveStartKey(exclusiveStart == null ? null : AttributeValues.toSdk(exclusiveStart)));
        List<Map<String, Attr>> items = new ArrayList<>(response.items().size());
        response.items().forEach(item -> items.add(AttributeValues.fromSdk(item)));
        return new Page(items, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? AttributeValues.fromSdk(response.lastEvaluatedKey()) : null);
    }
}
