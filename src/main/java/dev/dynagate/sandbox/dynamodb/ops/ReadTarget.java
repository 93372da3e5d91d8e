package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.SortCondition;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.storage.IndexKey;
import dev.dynagate.sandbox.dynamodb.storage.OrderedItems;
import dev.dynagate.sandbox.dynamodb.storage.PartitionToken;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** The table or index a Query or Scan reads, with its key attributes. */
final class ReadTarget {
    final TableData table;
    final IndexSchema index;
    final KeyAttr hash;
    final KeyAttr range;

    private ReadTarget(TableData table, IndexSchema index) {
        this.table = table;
        this.index = index;
        this.hash = index == null ? table.schema().hash() : index.hash();
        this.range = index == null ? table.schema().range() : index.range();
    }

    static ReadTarget of(Engine engine, Request r) {
        TableData table = engine.table(Names.tableName(r));
        String indexName = r.string("IndexName");
        if (indexName == null) {
            return new ReadTarget(table, null);
        }
        Names.check(indexName, "indexName", 255);
        IndexSchema index = table.schema().index(indexName);
        if (index == null || table.index(indexName) == null) {
            throw DynamoDbError.validation("The table does not have the specified index: " + indexName);
        }
        if (index.global() && r.bool("ConsistentRead", false)) {
            throw DynamoDbError.validation("Consistent reads are not supported on global secondary indexes");
        }
        if (index.global() && engine.now() < index.readyAt()) {
            throw DynamoDbError.validation("Cannot read from backfilling global secondary index: " + indexName);
        }
        return new ReadTarget(table, index);
    }

    OrderedItems entries() {
        return index == null ? table.items() : table.index(index.name()).entries();
    }

    /** ExclusiveStartKey as a position, validated against the keys this target's positions are made of. */
    IndexKey startKey(Request r, AttrValue queriedPartition, SortCondition sort) {
        boolean queried = queriedPartition != null;
        JsonNode node = r.node("ExclusiveStartKey");
        if (node == null) {
            return null;
        }
        Map<String, AttrValue> key = AttrValueJson.readItem(node);
        TableSchema schema = table.schema();
        Map<String, KeyAttr> expected = new LinkedHashMap<>();
        expected.put(schema.hash().name(), schema.hash());
        if (schema.range() != null) {
            expected.put(schema.range().name(), schema.range());
        }
        if (index != null) {
            expected.put(index.hash().name(), index.hash());
            if (index.range() != null) {
                expected.put(index.range().name(), index.range());
            }
        }
        if (key.size() != expected.size() || !key.keySet().containsAll(expected.keySet())) {
            // a scan of the table itself words this like a mistyped key
            throw DynamoDbError.validation(queried || index != null ? "The provided starting key is invalid"
                    : "The provided starting key is invalid: The provided key element does not match the schema");
        }
        for (KeyAttr attr : expected.values()) {
            if (!key.get(attr.name()).type().equals(attr.type())) {
                throw DynamoDbError.validation(queried ? "The provided key element does not match the schema"
                        : "The provided starting key is invalid: The provided key element does not match the schema");
            }
        }
        AttrValue h = key.get(hash.name());
        if (queriedPartition != null && sort != null && !sort.test(key.get(sort.attribute()))) {
            throw DynamoDbError.validation("The provided starting key does not match the range key predicate");
        }
        if (queriedPartition != null && !queriedPartition.equals(h)) {
            throw DynamoDbError.validation(sort == null
                    ? "The provided starting key is outside query boundaries based on provided conditions"
                    : "The query can return at most one row and cannot be restarted");
        }
        if (index == null) {
            return table.keyOf(key);
        }
        AttrValue r2 = range == null ? null : key.get(range.name());
        AttrValue th = key.get(schema.hash().name());
        AttrValue tr = schema.range() == null ? null : key.get(schema.range().name());
        return new IndexKey(PartitionToken.of(h), h, r2, th, tr);
    }

    /** The key attributes a LastEvaluatedKey holds for an item of this target. */
    Map<String, AttrValue> lastKey(Map<String, AttrValue> item) {
        TableSchema schema = table.schema();
        Map<String, AttrValue> key = new LinkedHashMap<>();
        if (index != null) {
            key.put(index.hash().name(), item.get(index.hash().name()));
            if (index.range() != null) {
                key.put(index.range().name(), item.get(index.range().name()));
            }
        }
        key.put(schema.hash().name(), item.get(schema.hash().name()));
        if (schema.range() != null) {
            key.put(schema.range().name(), item.get(schema.range().name()));
        }
        return key;
    }
}
