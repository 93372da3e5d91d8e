package dev.dynagate.sandbox.dynamodb.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine keeps about a table besides its items. Immutable: every change makes a new schema, which is
 * logged as a whole. {@code busyStatus} (CREATING or UPDATING) lasts until {@code busyUntil} (epoch millis).
 */
public record TableSchema(String name, String id, KeyAttr hash, KeyAttr range, List<KeyAttr> attributeDefinitions,
                          List<IndexSchema> indexes, String billingMode, Throughput throughput,
                          StreamSettings stream, Map<String, String> tags, String ttlAttribute,
                          boolean deletionProtection, String tableClass, long createdAt, String busyStatus,
                          long busyUntil, TableSettings settings) {

    /** DynamoDB Streams settings as given; the records themselves are kept by the streams.StreamStore. */
    public record StreamSettings(boolean enabled, String viewType, String label) {
    }

    public TableSchema {
        attributeDefinitions = List.copyOf(attributeDefinitions);
        indexes = List.copyOf(indexes);
        tags = tags == null ? Map.of() : new LinkedHashMap<>(tags);
        // data written before these settings were kept reads them as absent
        settings = settings == null ? TableSettings.DEFAULT : settings;
    }

    public IndexSchema index(String indexName) {
        for (IndexSchema index : indexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    public String status(long now) {
        return busyStatus != null && now < busyUntil ? busyStatus : "ACTIVE";
    }

    public TableSchema withIndexes(List<IndexSchema> value) {
        return new TableSchema(name, id, hash, range, attributeDefinitions, value, billingMode, throughput, stream,
                tags, ttlAttribute, deletionProtection, tableClass, createdAt, busyStatus, busyUntil, settings);
    }

    public TableSchema withAttributeDefinitions(List<KeyAttr> value) {
        return new TableSchema(name, id, hash, range, value, indexes, billingMode, throughput, stream,
                tags, ttlAttribute, deletionProtection, tableClass, createdAt, busyStatus, busyUntil, settings);
    }

    public TableSchema withBilling(String mode, Throughput value) {
        return new TableSchema(name, id, hash, range, attributeDefinitions, indexes, mode, value, stream,
                tags, ttlAttribute, deletionProtection, tableClass, createdAt, busyStatus, busyUntil, settings);
    }

    public TableSchema withStream(StreamSettings value) {
        return new TableSchema(name, id, hash, range, attributeDefinitions, indexes, billingMode, throughput, value,
                tags, ttlAttribute, deletionProtection, tableClass, createdAt, busyStatus, busyUntil, settings);
    }

    public TableSchema withTags(Map<String, String> value) {
        return new TableSchema(name, id, hash, range, attributeDefinitions, indexes, billingMode, throughput, stream,
                value, ttlAttribute, deletionProtection, tableClass, createdAt, busyStatus, busyUntil, settings);
    }

    public TableSchema withTtl(String attribute) {
        return new TableSchema(name, id, hash, range, attributeDefinitions, indexes, billingMode, throughput, stream,
                tags, attribute, deletionProtection, tableClass, createdAt, busyStatus, busyUntil, settings);
    }

    public TableSchema withDeletionProtection(boolean value) {
        return new TableSchema(name, id, hash, range, attributeDefinitions, indexes, billingMode, throughput, stream,
                tags, ttlAttribute, value, tableClass, createdAt, busyStatus, busyUntil, settings);
    }

    public TableSchema withTableClass(String value) {
        return new TableSchema(name, id, hash, range, attributeDefinitions, indexes, billingMode, throughput, stream,
                tags, ttlAttribute, deletionProtection, value, createdAt, busyStatus, busyUntil, settings);
    }

    public TableSchema withSettings(TableSettings value) {
        return new TableSchema(name, id, hash, range, attributeDefinitions, indexes, billingMode, throughput, stream,
                tags, ttlAttribute, deletionProtection, tableClass, createdAt, busyStatus, busyUntil, value);
    }

    public TableSchema withBusy(String status, long until) {
        return new TableSchema(name, id, hash, range, attributeDefinitions, indexes, billingMode, throughput, stream,
                tags, ttlAttribute, deletionProtection, tableClass, createdAt, status, until, settings);
    }

    /** The indexes in the order of their names, the order DynamoDB checks an item's index keys in. */
    public List<IndexSchema> indexesByName() {
        if (indexes.size() < 2) {
            return indexes;
        }
        return indexes.stream().sorted(java.util.Comparator.comparing(IndexSchema::name)).toList();
    }

    /** Key attributes of the table and of every index: they must have their declared type in every item. */
    public List<KeyAttr> allKeyAttributes() {
        List<KeyAttr> keys = new ArrayList<>();
        keys.add(hash);
        if (range != null) {
            keys.add(range);
        }
        for (IndexSchema index : indexes) {
            keys.addAll(index.keys());
        }
        return keys;
    }
}
