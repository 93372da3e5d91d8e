package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.dynagate.sandbox.dynamodb.storage.IndexKey;
import dev.dynagate.sandbox.dynamodb.storage.PartitionToken;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.value.AttrOrder;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/** Query and Scan on tables and secondary indexes, one page at a time. */
public final class ReadOps {
    private final Engine engine;

    public ReadOps(Engine engine) {
        this.engine = engine;
    }

    /**
     * A local index that does not project every attribute refuses a filter on one it leaves out, even when the
     * items are read whole from the table (recorded by tests run against DynamoDB; the wording is the sandbox's).
     */
    private static void checkFilterProjected(ReadTarget target, java.util.Set<String> read) {
        IndexSchema index = target.index;
        if (index == null || index.global() || index.projectsAll()) {
            return;
        }
        java.util.Set<String> projected = new java.util.HashSet<>(ReadTarget.names(target.keys()));
        projected.add(target.table.schema().hash().name());
        projected.add(target.table.schema().range().name());
        if (index.nonKeyAttributes() != null) {
            projected.addAll(index.nonKeyAttributes());
        }
        List<String> missing = read.stream().filter(name -> !projected.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw DynamoDbError.validation(SchemaParser.INVALID + "Index " + index.name() + " does not project the "
                    + "attributes used in the filter: " + String.join(", ", missing));
        }
    }

    public ObjectNode query(Request r) {
        Constraints.queryConditionalOperator(r);
        Constraints.of(r).select().name("IndexName", false).capacity().name("TableName", true)
                .atLeastUnechoed("Limit", 1).nonEmptyList("AttributesToGet").check();
        // the request's own expressions are read before its table is looked up, as DynamoDB does
        ExpressionParams expressions = new ExpressionParams(r, ExpressionParams.Kind.QUERY);
        String keyText = r.string("KeyConditionExpression");
        Condition keyTree = keyText == null ? null : Expressions.parseKeyCondition(keyText, expressions.context());
        ReadTarget target = ReadTarget.of(engine, r);
        if (keyText == null && !r.has("KeyConditions")) {
            throw DynamoDbError.validation("Either the KeyConditions or KeyConditionExpression parameter must be "
                    + "specified in the request.");
        }
        List<String> hashNames = ReadTarget.names(target.hashes);
        List<String> rangeNames = ReadTarget.names(target.ranges);
        KeyCondition key = keyText != null ? null
                : LegacyParameters.keyConditions(r.node("KeyConditions"), hashNames, rangeNames);
        JsonNode legacyFilter = r.node("QueryFilter");
        if (legacyFilter != null && legacyFilter.isObject()) {
            for (KeyAttr keyAttr : target.keys()) {
                if (legacyFilter.has(keyAttr.name())) {
                    throw DynamoDbError.validation("QueryFilter can only contain non-primary key attributes: "
                            + "Primary key attribute: " + keyAttr.name());
                }
            }
            java.util.Set<String> read = new java.util.LinkedHashSet<>();
            legacyFilter.fieldNames().forEachRemaining(read::add);
            checkFilterProjected(target, read);
        }
        Condition filter = expressions.filter("QueryFilter");
        Projection projection = expressions.projection();
        expressions.checkAllUsed();
        if (keyText != null) {
            // an expression is held to the key schema only once every expression is read and every placeholder used
            key = Expressions.keyCondition(keyTree, hashNames, rangeNames);
        }
        checkKeyTypes(target, key);
        if (r.string("FilterExpression") != null) {
            java.util.Set<String> read = Expressions.pathHeads(filter);
            for (KeyAttr keyAttr : target.keys()) {
                if (read.contains(keyAttr.name())) {
                    throw DynamoDbError.validation("Filter Expression can only contain non-primary key attributes: "
                            + "Primary key attribute: " + keyAttr.name());
                }
            }
            checkFilterProjected(target, read);
        }
        Page page = Page.of(r, target, projection, filter, true);
        boolean forward = r.bool("ScanIndexForward", true);
        long token = PartitionToken.of(key.partitionValues());
        List<Object> leading = new ArrayList<>(key.partitionValues());
        leading.addAll(key.sortEquals());
        IndexKey[] bounds = bounds(token, leading, key.sort());
        IndexKey start = target.startKey(r, key);
        SortCondition sort = key.sort();
        boolean prefix = sort != null && sort.operator() == SortOperator.BEGINS_WITH;
        boolean[] seen = new boolean[1];
        return engine.database().read(() -> {
            // looked up under the lock: a write replaces a partition's entries rather than changing them in place
            NavigableMap<IndexKey, StoredItem> range = bounds == null ? java.util.Collections.emptyNavigableMap()
                    : target.entries().partition(token).subMap(bounds[0], true, bounds[1], true);
            if (start != null) {
                range = forward ? range.tailMap(start, false) : range.headMap(start, false);
            }
            NavigableMap<IndexKey, StoredItem> ordered = forward ? range : range.descendingMap();
            return page.run(ordered.entrySet(), entry -> {
                if (sort == null) {
                    return true;
                }
                boolean ok = sort.test(entry.attribute(sort.attribute()));
                // matches of a prefix are contiguous: the first miss after a match ends the range either way
                if (!ok && prefix && (seen[0] || forward)) {
                    throw Page.STOP;
                }
                seen[0] |= ok;
                return ok;
            });
        });
    }

    private static void checkKeyTypes(ReadTarget target, KeyCondition key) {
        List<String> rangeTypes = target.ranges.stream().map(KeyAttr::type).toList();
        key.checkTypes(target.hashes.stream().map(KeyAttr::type).toList(), rangeTypes);
        SortCondition sort = key.sort();
        if (sort != null && sort.operator() == SortOperator.BEGINS_WITH
                && rangeTypes.get(key.sortEquals().size()).equals("N")) {
            throw DynamoDbError.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or "
                    + "function; operator or function: begins_with, operand type: N");
        }
    }

    /**
     * The first and last positions a key condition can match, or null when it matches nothing: {@code prefix} holds
     * the values every match starts with (the partition's, then those of sort attributes held equal).
     */
    private static IndexKey[] bounds(long token, List<Object> prefix, SortCondition sort) {
        Object low = IndexKey.LOW;
        Object high = IndexKey.HIGH;
        if (sort == null) {
            return new IndexKey[] {key(token, prefix, low), key(token, prefix, high)};
        }
        AttrValue v = sort.value();
        return switch (sort.operator()) {
            case EQ -> new IndexKey[] {key(token, prefix, v, low), key(token, prefix, v, high)};
            case LT -> new IndexKey[] {key(token, prefix, low), key(token, prefix, v, low)};
            case LE -> new IndexKey[] {key(token, prefix, low), key(token, prefix, v, high)};
            case GT -> new IndexKey[] {key(token, prefix, v, high), key(token, prefix, high)};
            case GE -> new IndexKey[] {key(token, prefix, v, low), key(token, prefix, high)};
            case BETWEEN -> AttrOrder.compareKeys(v, sort.upper()) > 0 ? null
                    : new IndexKey[] {key(token, prefix, v, low), key(token, prefix, sort.upper(), high)};
            case BEGINS_WITH -> new IndexKey[] {key(token, prefix, v, low), key(token, prefix, high)};
        };
    }

    private static IndexKey key(long token, List<Object> prefix, Object... rest) {
        Object[] parts = prefix.toArray(new Object[prefix.size() + rest.length]);
        System.arraycopy(rest, 0, parts, prefix.size(), rest.length);
        return new IndexKey(token, parts);
    }

    public ObjectNode scan(Request r) {
        Constraints.of(r).select().name("IndexName", false).atLeast("TotalSegments", 1).atMost("TotalSegments", 1_000_000)
                .capacity().name("TableName", true).conditionalOperator().atLeast("Segment", 0).atMost("Segment", 999_999)
                .atLeast("Limit", 1).nonEmptyList("AttributesToGet").check();
        ExpressionParams expressions = new ExpressionParams(r, ExpressionParams.Kind.SCAN);
        Condition filter = expressions.filter("ScanFilter");
        Projection projection = expressions.projection();
        expressions.checkAllUsed();
        ReadTarget target = ReadTarget.of(engine, r);
        Integer segment = r.integer("Segment");
        Integer total = r.integer("TotalSegments");
        IndexKey from = null;
        IndexKey to = null;
        boolean nothing = false;
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
            nothing = first >= next;
            if (!nothing) {
                from = new IndexKey(PartitionToken.tokenOfPrefix(first), IndexKey.LOW);
            }
            if (!nothing && next < PartitionToken.prefixCount()) {
                to = new IndexKey(PartitionToken.tokenOfPrefix(next), IndexKey.LOW);
            }
        }
        IndexKey start = target.startKey(r, null);
        if (start != null && segment != null && PartitionToken.segment(start.token(), total) != segment) {
            throw DynamoDbError.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use "
                    + "ExclusiveStartKey with correct Segment. TotalSegments: " + total + " Segment: " + segment);
        }
        Page page = Page.of(r, target, projection, filter, false);
        Iterable<java.util.Map.Entry<IndexKey, StoredItem>> scanned = nothing ? java.util.List.of()
                : start != null ? target.entries().range(start, false, to) : target.entries().range(from, true, to);
        return engine.database().read(() -> page.run(scanned, entry -> true));
    }
}
