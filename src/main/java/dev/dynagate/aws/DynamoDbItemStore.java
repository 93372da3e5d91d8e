package dev.dynagate.aws;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.Condition;
import dev.dynagate.tables.ConflictException;
import dev.dynagate.tables.ItemChange;
import dev.dynagate.tables.ItemPage;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.ReadRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link ItemStore} over the SDK's DynamoDbClient. */
public final class DynamoDbItemStore implements ItemStore {
    private final DynamoDbClient client;

    public DynamoDbItemStore(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public ItemPage read(ReadRequest request, Map<String, Attr> exclusiveStartKey) {
        Map<String, String> names = request.names().isEmpty() ? null : request.names();
        var values = request.values().isEmpty() ? null : AttributeValues.toSdk(request.values());
        if (request.isQuery()) {
            QueryResponse response = client.query(QueryRequest.builder().tableName(request.table())
                    .indexName(request.index()).keyConditionExpression(request.keyCondition())
                    .filterExpression(request.filter()).projectionExpression(request.projection())
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .limit(request.limit()).scanIndexForward(request.ascending())
                    .consistentRead(request.consistentRead())
                    .exclusiveStartKey(AttributeValues.toSdk(exclusiveStartKey))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            return page(response.items(), response.scannedCount(), response.consumedCapacity(),
                    response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
        }
        return scan(request, null, null, exclusiveStartKey);
    }

    @Override
    public ItemPage readSegment(ReadRequest scan, int segment, int totalSegments, Map<String, Attr> exclusiveStartKey) {
        if (scan.isQuery()) {
            throw new IllegalArgumentException("a Query has no segments; only a Scan is read in parallel");
        }
        return scan(scan, segment, totalSegments, exclusiveStartKey);
    }

    private ItemPage scan(ReadRequest request, Integer segment, Integer totalSegments,
                          Map<String, Attr> exclusiveStartKey) {
        Map<String, String> names = request.names().isEmpty() ? null : request.names();
        var values = request.values().isEmpty() ? null : AttributeValues.toSdk(request.values());
        ScanResponse response = client.scan(ScanRequest.builder().tableName(request.table())
                .indexName(request.index()).filterExpression(request.filter())
                .projectionExpression(request.projection())
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .limit(request.limit()).consistentRead(request.consistentRead())
                .segment(segment).totalSegments(totalSegments)
                .exclusiveStartKey(AttributeValues.toSdk(exclusiveStartKey))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        return page(response.items(), response.scannedCount(), response.consumedCapacity(),
                response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    private static ItemPage page(List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items,
                                 Integer scanned, ConsumedCapacity capacity,
                                 Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> last) {
        List<Map<String, Attr>> converted = new ArrayList<>(items.size());
        items.forEach(item -> converted.add(AttributeValues.fromSdk(item)));
        double units = capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
        return new ItemPage(converted, scanned == null ? items.size() : scanned, units,
                last == null || last.isEmpty() ? null : AttributeValues.fromSdk(last));
    }

    @Override
    public Optional<Map<String, Attr>> get(String table, Map<String, Attr> key) {
        GetItemResponse response = client.getItem(b -> b.tableName(table).key(AttributeValues.toSdk(key))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(AttributeValues.fromSdk(response.item())) : Optional.empty();
    }

    @Override
    public void put(String table, Map<String, Attr> item, Condition condition) {
        PutItemRequest.Builder request = PutItemRequest.builder().tableName(table).item(AttributeValues.toSdk(item));
        if (condition != null) {
            request.conditionExpression(condition.expression()).expressionAttributeNames(condition.names());
            if (!condition.values().isEmpty()) {
                request.expressionAttributeValues(AttributeValues.toSdk(condition.values()));
            }
        }
        try {
            client.putItem(request.build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("The item changed since it was loaded; nothing was written.", e);
        }
    }

    @Override
    public Map<String, Attr> update(String table, Map<String, Attr> key, ItemChange change, Condition condition) {
        Condition update = change.expression();
        Map<String, String> names = new java.util.LinkedHashMap<>(update.names());
        Map<String, Attr> values = new java.util.LinkedHashMap<>(update.values());
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(AttributeValues.toSdk(key))
                .updateExpression(update.expression()).returnValues(ReturnValue.ALL_NEW);
        if (condition != null) {
            request.conditionExpression(condition.expression());
            names.putAll(condition.names());
            values.putAll(condition.values());
        }
        request.expressionAttributeNames(names);
        if (!values.isEmpty()) {
            request.expressionAttributeValues(AttributeValues.toSdk(values));
        }
        try {
            return AttributeValues.fromSdk(client.updateItem(request.build()).attributes());
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("The item changed since it was loaded; nothing was written.", e);
        }
    }

    @Override
    public void delete(String table, Map<String, Attr> key, Condition condition) {
        DeleteItemRequest.Builder request = DeleteItemRequest.builder().tableName(table).key(AttributeValues.toSdk(key));
        if (condition != null) {
            request.conditionExpression(condition.expression()).expressionAttributeNames(condition.names());
            if (!condition.values().isEmpty()) {
                request.expressionAttributeValues(AttributeValues.toSdk(condition.values()));
            }
        }
        try {
            client.deleteItem(request.build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("The item changed since it was loaded; it was not deleted.", e);
        }
    }

    @Override
    public List<Map<String, Attr>> deleteBatch(String table, List<Map<String, Attr>> keys) {
        List<WriteRequest> writes = keys.stream().map(key -> WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(AttributeValues.toSdk(key)).build()).build()).toList();
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        List<WriteRequest> left = response.hasUnprocessedItems()
                ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
        return left.stream().map(w -> AttributeValues.fromSdk(w.deleteRequest().key())).toList();
    }

    @Override
    public List<Map<String, Attr>> putBatch(String table, List<Map<String, Attr>> items) {
        List<WriteRequest> writes = items.stream().map(item -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(AttributeValues.toSdk(item)).build()).build()).toList();
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        List<WriteRequest> left = response.hasUnprocessedItems()
                ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
        return left.stream().map(w -> AttributeValues.fromSdk(w.putRequest().item())).toList();
    }
}
