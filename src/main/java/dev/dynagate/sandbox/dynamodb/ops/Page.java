package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.Condition;
import dev.dynagate.sandbox.dynamodb.expr.Projection;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.storage.IndexKey;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import dev.dynagate.sandbox.dynamodb.wire.ItemStreamWriter;
import java.util.List;
import java.util.Map;

/** One page of a Query or Scan: limits, Select, projection, filter and the response. */
final class Page {
    /** A page ends once this much item data has been read, before the filter. */
    static final long PAGE_BYTES = 1024 * 1024;
    private static final List<String> SELECTS = List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
    static final RuntimeException STOP = new RuntimeException("stop", null, false, false) {
    };
    private final ReadTarget target;
    private final Integer limit;
    private final String select;
    private final Projection projection;
    private final Condition filter;
    private final boolean consistent;
    private final Capacity capacity;
    private final boolean fromTable;

    private Page(ReadTarget target, Integer limit, String select, Projection projection, Condition filter,
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

    /** As verified against DynamoDB: a Query words its Select refusals as its first pass does; a Scan does not. */
    private static String selectPrefix(boolean query) {
        return query ? "1 validation error detected: " : "";
    }

    /** {@code query}: a Query's page, whose Select messages DynamoDB words as its first validation pass does. */
    static Page of(Request r, ReadTarget target, Projection projection, Condition filter, boolean query) {
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
            throw DynamoDbError.validation(selectPrefix(query) + "Cannot specify the "
                    + (r.has("AttributesToGet") ? "AttributesToGet" : "ProjectionExpression") + " when choosing to get "
                    + (select.equals("COUNT") ? "only the Count" : select));
        } else if (projection == null && select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbError.validation(selectPrefix(query) + "Must specify the AttributesToGet or "
                    + "ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && target.index == null) {
            throw DynamoDbError.validation(selectPrefix(query)
                    + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
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

    /** Tested on the stored entry's key attribute alone, so a key that does not match never costs a decode. */
    interface KeyTest {
        boolean test(StoredItem entry);
    }

    ObjectNode run(Iterable<Map.Entry<IndexKey, StoredItem>> entries, KeyTest keyTest) {
        ObjectNode out = Request.object();
        boolean count = select.equals("COUNT");
        ItemStreamWriter items = count ? null : new ItemStreamWriter();
        int evaluated = 0;
        int matched = 0;
        long bytes = 0;
        StoredItem last = null;
        boolean more = false;
        // whole items, unfiltered, go from their stored bytes to the response (or are only counted) undecoded
        boolean asStored = !fromTable && filter == null && (count || projection == null);
        try {
            for (Map.Entry<IndexKey, StoredItem> entry : entries) {
                StoredItem stored = entry.getValue();
                if (!keyTest.test(stored)) {
                    continue;
                }
                if (limit != null && evaluated == limit || bytes >= PAGE_BYTES) {
                    more = true;
                    break;
                }
                evaluated++;
                bytes += stored.size();
                last = stored;
                if (asStored) {
                    matched++;
                    if (!count) {
                        items.add(stored);
                    }
                    continue;
                }
                Map<String, AttrValue> item = stored.item();
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
                    items.add(projection == null ? item : projection.apply(item));
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
        if (items != null) {
            out.putRawValue("Items", items.finish());
        }
        out.put("Count", matched);
        out.put("ScannedCount", evaluated);
        if (more && last != null) {
            out.set("LastEvaluatedKey", AttrValueJson.writeItem(target.lastKey(last.item())));
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
