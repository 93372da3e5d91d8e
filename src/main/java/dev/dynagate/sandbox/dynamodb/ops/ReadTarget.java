package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.KeyCondition;
import dev.dynagate.sandbox.dynamodb.expr.SortCondition;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.storage.IndexKey;
import dev.dynagate.sandbox.dynamodb.storage.OrderedItems;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table or index a Query or Scan reads, with its key attributes. */
final class ReadTarget {
    final TableData table;
    final IndexSchema index;
    /** The target's HASH attributes and RANGE attributes, in key schema order (more than one only in an index). */
    final List<KeyAttr> hashes;
    final List<KeyAttr> ranges;

    private ReadTarget(TableData table, IndexSchema index) {
        this.table = table;
        this.index = index;
        TableSchema schema = table.schema();
        this.hashes = index == null ? List.of(schema.hash()) : index.hashes();
        this.ranges = index != null ? index.ranges() : schema.range() == null ? List.of() : List.of(schema.range());
    }

    /** Every key attribute of the target: HASH, then RANGE. */
    List<KeyAttr> keys() {
        List<KeyAttr> keys = new ArrayList<>(hashes);
        keys.addAll(ranges);
        return keys;
    }

    static List<String> names(List<KeyAttr> attributes) {
        return attributes.stream().map(KeyAttr::name).toList();
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

    /**
     * ExclusiveStartKey as a position, validated against the keys this target's positions are made of and, for a
     * Query ({@code query} not null), against its key condition: a start key the condition cannot reach is refused.
     */
    IndexKey startKey(Request r, KeyCondition query) {
        List<AttrValue> queriedPartition = query == null ? null : query.partitionValues();
        SortCondition sort = query == null ? null : query.sort();
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
            index.keys().forEach(k -> expected.put(k.name(), k));
        }
        if (key.size() != expected.size() || !key.keySet().containsAll(expected.keySet())) {
            // a scan of the table itself words this like a mistyped key
            throw DynamoDbError.validation(queried || index != null ? "The provided starting key is invalid"
                    : "The provided starting key is invalid: The provided key element does not match the schema");
        }
        for (KeyAttr attr : expected.values()) {
            if (!key.get(attr.name()).type().equals(attr.type())) {
                throw DynamoDbError.validation(queried ? "The provided starting key is invalid"
                        : "The provided starting key is invalid: The provided key element does not match the schema");
            }
        }
        List<AttrValue> partition = hashes.stream().map(h -> key.get(h.name())).toList();
        boolean sortMatches = sort == null || sort.test(key.get(sort.attribute()));
        for (int i = 0; queried && i < query.sortEquals().size(); i++) {
            sortMatches &= query.sortEquals().get(i).equals(key.get(ranges.get(i).name()));
        }
        if (queried && !sortMatches) {
            throw DynamoDbError.validation("The provided starting key does not match the range key predicate");
        }
        if (queriedPartition != null && !queriedPartition.equals(partition)) {
            throw DynamoDbError.validation(sort == null
                    ? "The provided starting key is outside query boundaries based on provided conditions"
                    : "The query can return at most one row and cannot be restarted");
        }
        return index == null ? table.keyOf(key) : table.index(index.name()).keyOf(key);
    }

    /** The key attributes a LastEvaluatedKey holds for an item of this target. */
    Map<String, AttrValue> lastKey(Map<String, AttrValue> item) {
        TableSchema schema = table.schema();
        Map<String, AttrValue> key = new LinkedHashMap<>();
        if (index != null) {
            index.keys().forEach(k -> key.put(k.name(), item.get(k.name())));
        }
        key.put(schema.hash().name(), item.get(schema.hash().name()));
        if (schema.range() != null) {
            key.put(schema.range().name(), item.get(schema.range().name()));
        }
        return key;
    }
}
