package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.Condition;
import dev.dynagate.sandbox.dynamodb.expr.Expressions;
import dev.dynagate.sandbox.dynamodb.expr.KeyCondition;
import dev.dynagate.sandbox.dynamodb.expr.LegacyParameters;
import dev.dynagate.sandbox.dynamodb.expr.Projection;
import dev.dynagate.sandbox.dynamodb.expr.SortCondition;
import dev.dynagate.sandbox.dynamodb.expr.SortOperator;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.storage.IndexKey;
import dev.dynagate.sandbox.dynamodb.storage.PartitionToken;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.value.AttrOrder;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Query and Scan on tables and secondary indexes, one page at a time. */
public final class ReadOps {
    /** A page ends once this much item data has been read, before the filter. */
    static final long PAGE_BYTES = 1024 * 1024;
    private static final List<String> SELECTS = List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
    private final Engine engine;

    public ReadOps(Engine engine) {
        this.engine = engine;
    }

    public ObjectNode query(Request r) {
        Constraints.of(r).select().name("IndexName", false).capacity().name("TableName", true)
                .conditionalOperator().atLeast("Limit", 1).check();
        Target target = Target.of(engine, r);
        ExpressionParams expressions = new ExpressionParams(r);
        KeyCondition key;
        String keyText = r.string("KeyConditionExpression");
        if (keyText != null) {
            key = Expressions.keyCondition(keyText, expressions.context(), target.hash.name(),
                    target.range == null ? null : target.range.name());
        } else if (r.has("KeyConditions")) {
            key = LegacyParameters.keyConditions(r.node("KeyConditions"), target.hash.name(),
                    target.range == null ? null : target.range.name());
        } else {
            throw DynamoDbError.validation("Either the KeyConditions or KeyConditionExpression parameter must be "
                    + "specified in the request.");
        }
        Condition filter = expressions.filter("QueryFilter");
        Projection projection = expressions.projection();
        expressions.checkAllUsed();
        checkKeyTypes(target, key);
        Page page = Page.of(r, target, projection, filter);
        boolean forward = r.bool("ScanIndexForward", true);
        AttrValue h = key.partitionValue();
        long token = PartitionToken.of(h);
        IndexKey[] bounds = bounds(token, h, key.sort());
        NavigableMap<IndexKey, StoredItem> range = bounds == null ? java.util.Collections.emptyNavigableMap()
                : target.entries().subMap(bounds[0], true, bounds[1], true);
        IndexKey start = target.startKey(r, h, key.sort());
        if (start != null) {
            range = forward ? range.tailMap(start, false) : range.headMap(start, false);
        }
        NavigableMap<IndexKey, StoredItem> ordered = forward ? range : range.descendingMap();
        SortCondition sort = key.sort();
        boolean prefix = sort != null && sort.operator() == SortOperator.BEGINS_WITH;
        boolean[] seen = new boolean[1];
        return engine.database().read(() -> page.run(ordered, item -> {
            if (sort == null) {
                return true;
            }
            boolean ok = sort.test(item.get(sort.attribute()));
            // matches of a prefix are contiguous: the first miss after a match ends the range either way
            if (!ok && prefix && (seen[0] || forward)) {
                throw Page.STOP;
            }
            seen[0] |= ok;
            return ok;
        }));
    }

    private static void checkKeyTypes(Target target, KeyCondition key) {
        if (!key.partitionValue().type().equals(target.hash.type())) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Condition parameter type "
                    + "does not match schema type");
        }
        SortCondition sort = key.sort();
        if (sort != null && (!sort.value().type().equals(target.range.type())
                || (sort.upper() != null && !sort.upper().type().equals(target.range.type())))) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Condition parameter type "
                    + "does not match schema type");
        }
        if (sort != null && sort.operator() == SortOperator.BEGINS_WITH && target.range.type().equals("N")) {
            throw DynamoDbError.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or "
                    + "function; operator or function: begins_with, operand type: N");
        }
    }

    /** The first and last positions a key condition can match, or null when it matches nothing. */
    private static IndexKey[] bounds(long token, AttrValue h, SortCondition sort) {
        Object low = IndexKey.LOW;
        Object high = IndexKey.HIGH;
        if (sort == null) {
            return new IndexKey[] {new IndexKey(token, h, low), new IndexKey(token, h, high)};
        }
        AttrValue v = sort.value();
        return switch (sort.operator()) {
            case EQ -> new IndexKey[] {new IndexKey(token, h, v, low), new IndexKey(token, h, v, high)};
            case LT -> new IndexKey[] {new IndexKey(token, h, low), new IndexKey(token, h, v, low)};
            case LE -> new IndexKey[] {new IndexKey(token, h, low), new IndexKey(token, h, v, high)};
            case GT -> new IndexKey[] {new IndexKey(token, h, v, high), new IndexKey(token, h, high)};
            case GE -> new IndexKey[] {new IndexKey(token, h, v, low), new IndexKey(token, h, high)};
            case BETWEEN -> AttrOrder.compareKeys(v, sort.upper()) > 0 ? null
                    : new IndexKey[] {new IndexKey(token, h, v, low), new IndexKey(token, h, sort.upper(), high)};
            case BEGINS_WITH -> new IndexKey[] {new IndexKey(token, h, v, low), new IndexKey(token, h, high)};
        };
    }

    public ObjectNode scan(Request r) {
        Constraints.of(r).select().name("IndexName", false).atLeast("TotalSegments", 1).atMost("TotalSegments", 1_000_000)
                .capacity().name("TableName", true).conditionalOperator().atLeast("Segment", 0).atMost("Segment", 999_999)
                .atLeast("Limit", 1).check();
        Target target = Target.of(engine, r);
        ExpressionParams expressions = new ExpressionParams(r);
        Condition filter = expressions.filter("ScanFilter");
        Projection projection = expressions.projection();
        expressions.checkAllUsed();
        Integer segment = r.integer("Segment");
        Integer total = r.integer("TotalSegments");
        NavigableMap<IndexKey, StoredItem> range = target.entries();
        if (segment != null || total != null) {
            if (total == null) {
                throw DynamoDbError.validation("The TotalSegments parameter is required but was not present in the "
                        + "request when Segment parameter is present");
            }
            if (segment == null) {
                throw DynamoDbError.validation("The Segment parameter is required but was not present in the request "
                        + "when parameter TotalSegments is present");
            }
            if (total < 1 || total > 1_000_000) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + total + "' at 'totalSegments' "
                        + "failed to satisfy constraint: Member must have value " + (total < 1
                        ? "greater than or equal to 1" : "less than or equal to 1000000"));
            }
            if (segment < 0) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + segment + "' at 'segment' "
                        + "failed to satisfy constraint: Member must have value greater than or equal to 0");
            }
            if (segment >= total) {
                throw DynamoDbError.validation("The Segment parameter is zero-based and must be less than parameter "
                        + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
            }
            int first = PartitionToken.firstPrefix(segment, total);
            int next = PartitionToken.firstPrefix(segment + 1, total);
            if (first >= next) {
                range = java.util.Collections.emptyNavigableMap();
            } else {
                IndexKey from = new IndexKey(PartitionToken.tokenOfPrefix(first), IndexKey.LOW);
                range = next >= PartitionToken.prefixCount() ? range.tailMap(from, true)
                        : range.subMap(from, true, new IndexKey(PartitionToken.tokenOfPrefix(next), IndexKey.LOW), false);
            }
        }
        IndexKey start = target.startKey(r, null, null);
        if (start != null && segment != null && PartitionToken.segment(start.token(), total) != segment) {
            throw DynamoDbError.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use "
                    + "ExclusiveStartKey with correct Segment. TotalSegments: " + total + " Segment: " + segment);
        }
        if (start != null) {
            range = range.tailMap(start, false);
        }
        Page page = Page.of(r, target, projection, filter);
        NavigableMap<IndexKey, StoredItem> scanned = range;
        return engine.database().read(() -> page.run(scanned, item -> true));
    }

    /** The table or index a Query or Scan reads, with its key attributes. */
    static final class Target {
        final TableData table;
        final IndexSchema index;
        final KeyAttr hash;
        final KeyAttr range;

        private Target(TableData table, IndexSchema index) {
            this.table = table;
            this.index = index;
            this.hash = index == null ? table.schema().hash() : index.hash();
            this.range = index == null ? table.schema().range() : index.range();
        }

        static Target of(Engine engine, Request r) {
            TableData table = engine.table(Names.tableName(r));
            String indexName = r.string("IndexName");
            if (indexName == null) {
                return new Target(table, null);
            }
            Names.check(indexName, "indexName", 255);
            IndexSchema index = table.schema().index(indexName);
            if (index == null || table.index(indexName) == null) {
                throw DynamoDbError.validation("The table does not have the specified index: " + indexName);
            }
            if (index.global() && r.bool("ConsistentRead", false)) {
                throw DynamoDbError.validation("Consistent reads are not supported on global secondary indexes");
            }
            return new Target(table, index);
        }

        NavigableMap<IndexKey, StoredItem> entries() {
            return index == null ? table.items() : table.index(index.name()).entries();
        }

        /** ExclusiveStartKey as a position, validated against the keys this target's positions are made of. */
        IndexKey startKey(Request r, AttrValue queriedPartition, SortCondition sort) {
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
                throw DynamoDbError.validation("The provided starting key is invalid");
            }
            for (KeyAttr attr : expected.values()) {
                if (!key.get(attr.name()).type().equals(attr.type())) {
                    throw DynamoDbError.validation("The provided key element does not match the schema");
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

    /** One page of a Query or Scan: limits, Select, projection, filter and the response. */
    static final class Page {
        static final RuntimeException STOP = new RuntimeException("stop", null, false, false) {
        };
        private final Target target;
        private final Integer limit;
        private final String select;
        private final Projection projection;
        private final Condition filter;
        private final boolean consistent;
        private final Capacity capacity;
        private final boolean fromTable;

        private Page(Target target, Integer limit, String select, Projection projection, Condition filter,
                     boolean consistent, Capacity capacity, boolean fromTable) {
            this.target = target;
            this.limit = limit;
            this.select = select;
            this.projection = projection;
            this.filter = filter;
            this.consistent = consistent;
            this.capacity = capacity;
            this.fromTable = fromTable;
        }

        static Page of(Request r, Target target, Projection projection, Condition filter) {
            Integer limit = r.integer("Limit");
            if (limit != null && limit < 1) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed "
                        + "to satisfy constraint: Member must have value greater than or equal to 1");
            }
            String select = r.choice("Select", "select", null, SELECTS);
            if (select == null) {
                select = projection != null ? "SPECIFIC_ATTRIBUTES"
                        : target.index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
            } else if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
                throw DynamoDbError.validation(r.has("AttributesToGet")
                        ? "Cannot use both Select and AttributesToGet unless Select is SPECIFIC_ATTRIBUTES"
                        : "Cannot specify the ProjectionExpression when choosing to get "
                        + (select.equals("COUNT") ? "only the Count" : select));
            } else if (projection == null && select.equals("SPECIFIC_ATTRIBUTES")) {
                throw DynamoDbError.validation("Must specify the AttributesToGet or ProjectionExpression when choosing "
                        + "to get SPECIFIC_ATTRIBUTES");
            }
            if (select.equals("ALL_PROJECTED_ATTRIBUTES") && target.index == null) {
                throw DynamoDbError.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
            }
            IndexSchema index = target.index;
            if (select.equals("ALL_ATTRIBUTES") && index != null && index.global() && !index.projectsAll()) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Select type "
                        + "ALL_ATTRIBUTES is not supported for global secondary index " + index.name()
                        + " because its projection type is not ALL");
            }
            boolean fromTable = index != null && !index.global() && !index.projectsAll()
                    && (select.equals("ALL_ATTRIBUTES") || select.equals("SPECIFIC_ATTRIBUTES"));
            return new Page(target, limit, select, projection, filter, r.bool("ConsistentRead", false),
                    Capacity.of(r, target.table.schema().name()), fromTable);
        }

        interface KeyTest {
            boolean test(Map<String, AttrValue> item);
        }

        ObjectNode run(NavigableMap<IndexKey, StoredItem> entries, KeyTest keyTest) {
            ObjectNode out = Request.object();
            boolean count = select.equals("COUNT");
            ArrayNode items = count ? null : out.putArray("Items");
            int evaluated = 0;
            int matched = 0;
            long bytes = 0;
            Map<String, AttrValue> last = null;
            boolean more = false;
            try {
                for (Map.Entry<IndexKey, StoredItem> entry : entries.entrySet()) {
                    StoredItem stored = entry.getValue();
                    Map<String, AttrValue> item = stored.item();
                    if (!keyTest.test(item)) {
                        continue;
                    }
                    if (limit != null && evaluated == limit || bytes >= PAGE_BYTES) {
                        more = true;
                        break;
                    }
                    evaluated++;
                    bytes += stored.size();
                    last = item;
                    if (fromTable) {
                        StoredItem full = target.table.get(target.table.schema().range() == null
                                ? Map.of(target.table.schema().hash().name(), item.get(target.table.schema().hash().name()))
                                : Keys.extract(target.table.schema(), item));
                        item = full == null ? item : full.item();
                    }
                    if (filter != null && !filter.test(item)) {
                        continue;
                    }
                    matched++;
                    if (!count) {
                        items.add(AttrValueJson.writeItem(projection == null ? item : projection.apply(item)));
                    }
                }
            } catch (RuntimeException e) {
                if (e != STOP) {
                    throw e;
                }
            }
            // DynamoDB also answers a LastEvaluatedKey when the limit is reached exactly at the end of the data
            if (!more && limit != null && evaluated == limit) {
                more = true;
            }
            out.put("Count", matched);
            out.put("ScannedCount", evaluated);
            if (more && last != null) {
                out.set("LastEvaluatedKey", AttrValueJson.writeItem(target.lastKey(last)));
            }
            if (capacity != null) {
                if (target.index != null) {
                    capacity.readIndex(target.index, bytes, consistent);
                } else {
                    capacity.read(bytes, consistent);
                }
                Capacity.report(capacity, out);
            }
            return out;
        }
    }
}
