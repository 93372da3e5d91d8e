package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.storage.IndexData;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Consumed capacity as DynamoDB counts it: a read is one unit per started 4 KB (half when eventually consistent),
 * a write one unit per started 1 KB; index writes add their own units. Only reported when asked for.
 */
final class Capacity {
    /** Transactions alone also report their units as read or write units; other operations give only the total. */
    enum Split { NONE, READ, WRITE }

    private final String table;
    private final boolean indexes;
    private Split split = Split.NONE;
    private double tableUnits;
    private final Map<String, Double> global = new LinkedHashMap<>();
    private final Map<String, Double> local = new LinkedHashMap<>();

    private Capacity(String table, boolean indexes) {
        this.table = table;
        this.indexes = indexes;
    }

    /**
     * The counter the request asked for, or null for ReturnConsumedCapacity NONE. It names the table as the request
     * did, by name or by ARN, as DynamoDB echoes it.
     */
    static Capacity of(Request r, String table) {
        String mode = mode(r);
        String given = r.string("TableName");
        return mode.equals("NONE") ? null : new Capacity(given != null ? given : table, mode.equals("INDEXES"));
    }

    static String mode(Request r) {
        return r.choice("ReturnConsumedCapacity", "returnConsumedCapacity", "NONE", List.of("INDEXES", "TOTAL", "NONE"));
    }

    static Capacity forTable(String mode, String table) {
        return mode.equals("NONE") ? null : new Capacity(table, mode.equals("INDEXES"));
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    void read(long bytes, boolean consistent) {
        tableUnits += readUnits(bytes, consistent);
    }

    void readIndex(IndexSchema index, long bytes, boolean consistent) {
        add(index, readUnits(bytes, consistent));
    }

    void add(double units) {
        tableUnits += units;
    }

    /** A write replacing {@code old} (may be null) by {@code now} (null for a delete), index writes included. */
    void write(TableData data, StoredItem old, StoredItem now, double factor) {
        long size = Math.max(old == null ? 0 : old.size(), now == null ? 0 : now.size());
        tableUnits += writeUnits(size) * factor;
        for (IndexData index : data.indexes().values()) {
            var oldKey = old == null ? null : index.keyOf(old);
            var newKey = now == null ? null : index.keyOf(now);
            if (oldKey == null && newKey == null) {
                continue;
            }
            // DynamoDB writes to an index only when what the index holds for the item changes
            if (Objects.equals(oldKey, newKey) && index.holdsTheSame(old, now)) {
                continue;
            }
            double units = Objects.equals(oldKey, newKey) || oldKey == null || newKey == null
                    ? writeUnits(size) : writeUnits(old.size()) + writeUnits(now.size());
            add(index.schema(), units * factor);
        }
    }

    private void add(IndexSchema index, double units) {
        (index.global() ? global : local).merge(index.name(), units, Double::sum);
    }

    double total() {
        double total = tableUnits;
        for (double u : global.values()) {
            total += u;
        }
        for (double u : local.values()) {
            total += u;
        }
        return total;
    }

    /** Marks these units as a transaction's reads or writes. */
    Capacity split(Split kind) {
        split = kind;
        return this;
    }

    ObjectNode toJson() {
        ObjectNode out = Request.object();
        out.put("TableName", table);
        units(out, total());
        if (indexes) {
            units(out.putObject("Table"), tableUnits);
            if (!global.isEmpty()) {
                ObjectNode g = out.putObject("GlobalSecondaryIndexes");
                global.forEach((name, u) -> units(g.putObject(name), u));
            }
            if (!local.isEmpty()) {
                ObjectNode l = out.putObject("LocalSecondaryIndexes");
                local.forEach((name, u) -> units(l.putObject(name), u));
            }
        }
        return out;
    }

    private void units(ObjectNode out, double units) {
        out.put("CapacityUnits", units);
        if (split != Split.NONE) {
            out.put(split == Split.READ ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
        }
    }

    static void report(Capacity capacity, ObjectNode response) {
        if (capacity != null) {
            response.set("ConsumedCapacity", capacity.toJson());
        }
    }

    /** ReturnItemCollectionMetrics SIZE: reported for tables with local secondary indexes only. */
    static ObjectNode collectionMetrics(Request r, TableSchema schema, Map<String, dev.dynagate.sandbox.dynamodb.value.AttrValue> key) {
        String mode = r.choice("ReturnItemCollectionMetrics", "returnItemCollectionMetrics", "NONE", List.of("SIZE", "NONE"));
        if (!mode.equals("SIZE") || schema.indexes().stream().allMatch(IndexSchema::global)) {
            return null;
        }
        ObjectNode metrics = Request.object();
        metrics.putObject("ItemCollectionKey").set(schema.hash().name(),
                dev.dynagate.sandbox.dynamodb.value.AttrValueJson.write(key.get(schema.hash().name())));
        metrics.putArray("SizeEstimateRangeGB").add(0.0).add(1.0);
        return metrics;
    }
}
