package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.schema.TableSettings;
import dev.dynagate.sandbox.dynamodb.schema.Throughput;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** UpdateTable: billing mode and throughput, index creation (with backfill) and removal, streams, protection. */
final class TableUpdates {
    private static final String INVALID = SchemaParser.INVALID;
    /** As DynamoDB words it today, naming members the sandbox does not serve as well. */
    private static final String NOTHING_TO_UPDATE = "At least one of ProvisionedThroughput, BillingMode, "
            + "UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, "
            + "MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, "
            + "OnDemandThroughput, WarmThroughput or TableClass is required";
    private final Engine engine;

    TableUpdates(Engine engine) {
        this.engine = engine;
    }

    public ObjectNode update(Request r) {
        Constraints.controlPlaneTableName(r);
        Constraints.of(r).name("TableName", false).oneOf("BillingMode", TableOps.BILLING_MODES)
                .oneOf("TableThroughputMode", TableOps.BILLING_MODES).check();
        String name = Names.tableName(r);
        UpdateShape.check(r);
        long now = engine.now();
        long delay = engine.statusDelay().toMillis();
        ObjectNode description = engine.database().write(changes -> {
            TableData data = engine.changeableTable(name, now);
            TableSchema before = data.schema();
            TableSchema after = applyUpdate(r, before, now, delay);
            if (after == before) {
                // the list leaves out a member the request did send, as DynamoDB's does
                throw DynamoDbError.validation(r.has("MultiRegionConsistency")
                        ? NOTHING_TO_UPDATE.replace(" MultiRegionConsistency,", "") : NOTHING_TO_UPDATE);
            }
            after = after.withBusy("UPDATING", now + delay);
            changes.updateSchema(after);
            return TableDescriber.describe(data, after, "UPDATING", now);
        });
        ObjectNode out = Request.object();
        out.set("TableDescription", description);
        return out;
    }

    private TableSchema applyUpdate(Request r, TableSchema schema, long now, long delay) {
        TableSchema next = schema;
        String billing = TableOps.billingMode(r, null);
        if (billing != null || r.has("ProvisionedThroughput")) {
            String mode = billing == null ? schema.billingMode() : billing;
            Throughput given = SchemaParser.throughput(r, mode, now, null, false);
            // an on-demand table switching to provisioned had no units in force: the new ones show at once
            long inForceFrom = schema.billingMode().equals("PROVISIONED") ? now + delay : 0;
            Throughput tp = mode.equals("PAY_PER_REQUEST") ? Throughput.NONE
                    : schema.throughput().changedTo(given.read(), given.write(), now, inForceFrom);
            boolean sameMode = billing == null || billing.equals(schema.billingMode());
            if (sameMode && mode.equals("PROVISIONED") && tp.read() == schema.throughput().read()
                    && tp.write() == schema.throughput().write()) {
                throw DynamoDbError.validation("The provisioned throughput for the table will not change. The requested "
                        + "value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                        + tp.read() + ". Requested ReadCapacityUnits: " + given.read() + ". Current WriteCapacityUnits "
                        + "provisioned for the table: " + tp.write() + ". Requested WriteCapacityUnits: " + given.write()
                        + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
            }
            next = next.withBilling(mode, tp);
        }
        List<JsonNode> updates = r.list("GlobalSecondaryIndexUpdates");
        if (updates != null) {
            next = updateIndexes(r, next, updates, now, delay);
        }
        if (billing != null && !billing.equals(schema.billingMode())) {
            next = next.withIndexes(indexesFor(next));
        }
        if (r.has("StreamSpecification")) {
            next = next.withStream(TableOps.stream(r.child("StreamSpecification"), schema.stream(), now,
                    schema.name()));
        }
        String tableClass = TableOps.tableClass(r);
        if (tableClass != null && !tableClass.equals(schema.tableClass())) {
            next = next.withTableClass(tableClass).withSettings(next.settings().withTableClassChangedAt(now));
        }
        if (r.has("OnDemandThroughput") || r.has("SSESpecification") || r.has("WarmThroughput")) {
            TableSettings settings = SettingsParser.apply(r, next.settings(), next.billingMode(), next.throughput(),
                    false);
            if (!settings.equals(next.settings())) {
                next = next.withSettings(settings);
            }
        }
        if (r.has("DeletionProtectionEnabled")) {
            next = next.withDeletionProtection(r.bool("DeletionProtectionEnabled", false));
        }
        return next;
    }

    /**
     * DynamoDB's limits on one request's index changes: one action per index, and one index created or deleted at a
     * time per table, counting one still being built.
     */
    private static void checkOneIndexAtATime(TableSchema schema, List<JsonNode> updates, long now) {
        if (updates.isEmpty()) {
            throw DynamoDbError.validation(INVALID + "List of GlobalSecondaryIndexUpdates is empty");
        }
        Set<String> named = new java.util.HashSet<>();
        int createsAndDeletes = 0;
        for (JsonNode u : updates) {
            Request update = new Request(u);
            List<String> actions = ACTIONS.stream().filter(a -> update.child(a) != null).toList();
            if (actions.isEmpty()) {
                throw DynamoDbError.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, "
                        + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (actions.size() > 1) {
                throw DynamoDbError.validation(INVALID + "Only one global secondary index action is allowed per "
                        + "GlobalSecondaryIndexUpdate object");
            }
            for (String action : actions) {
                Request given = update.child(action);
                String name = given.string("IndexName");
                if (name != null && !named.add(name)) {
                    throw DynamoDbError.validation(INVALID + "Only one global secondary index update per index is "
                            + "allowed simultaneously. Index: " + name);
                }
                createsAndDeletes += action.equals("Update") ? 0 : 1;
            }
        }
        boolean building = schema.indexes().stream().anyMatch(i -> i.global() && now < i.readyAt());
        if (createsAndDeletes > 1 || createsAndDeletes == 1 && building) {
            throw new DynamoDbError("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be "
                    + "created or deleted simultaneously per table");
        }
    }

    private static final List<String> ACTIONS = List.of("Create", "Update", "Delete");

    /** After a billing mode switch: on-demand indexes drop their throughput, provisioned ones must have been given one. */
    private static List<IndexSchema> indexesFor(TableSchema schema) {
        List<IndexSchema> out = new ArrayList<>();
        for (IndexSchema i : schema.indexes()) {
            if (!i.global()) {
                out.add(i);
            } else if (schema.billingMode().equals("PAY_PER_REQUEST")) {
                out.add(i.withThroughput(Throughput.NONE));
            } else if (i.throughput().read() < 1) {
                throw DynamoDbError.validation(INVALID + "ProvisionedThroughput must be specified for index: " + i.name());
            } else {
                out.add(i);
            }
        }
        return out;
    }

    private TableSchema updateIndexes(Request r, TableSchema schema, List<JsonNode> updates, long now, long delay) {
        checkOneIndexAtATime(schema, updates, now);
        List<IndexSchema> indexes = new ArrayList<>(schema.indexes());
        List<KeyAttr> defs = new ArrayList<>(schema.attributeDefinitions());
        List<KeyAttr> declared = r.has("AttributeDefinitions") ? SchemaParser.attributeDefinitions(r) : null;
        if (declared != null) {
            for (KeyAttr d : declared) {
                // an attribute the table already defines keeps its type, whatever the request declares
                if (defs.stream().noneMatch(x -> x.name().equals(d.name()))) {
                    defs.add(d);
                }
            }
        }
        Map<String, KeyAttr> byName = new LinkedHashMap<>();
        defs.forEach(d -> byName.put(d.name(), d));
        for (JsonNode u : updates) {
            Request update = new Request(u);
            Request create = update.child("Create");
            Request delete = update.child("Delete");
            Request change = update.child("Update");
            if (create != null) {
                if (declared == null) {
                    throw DynamoDbError.validation(INVALID + "AttributeDefinitions is not specified for index: "
                            + create.string("IndexName"));
                }
                IndexSchema index = SchemaParser.index(create.body(), "globalSecondaryIndexUpdates.create", true, byName, defs, schema.hash(),
                        schema.range(), schema.billingMode(), now, now + delay);
                // the request must define every key attribute of a new index, even one the table defines, and as the
                // table defines it
                Map<String, KeyAttr> declaredByName = new LinkedHashMap<>();
                declared.forEach(d -> declaredByName.put(d.name(), d));
                for (KeyAttr key : index.keys()) {
                    KeyAttr given = SchemaParser.defined(key.name(), declaredByName, declared);
                    if (!given.type().equals(key.type())) {
                        throw redefined(schema, key.name(), index, given);
                    }
                }
                if (schema.index(index.name()) != null || indexes.stream().anyMatch(i -> i.name().equals(index.name()))) {
                    throw DynamoDbError.validation("Attempting to create an index which already exists");
                }
                indexes.add(index);
            } else if (delete != null) {
                int at = globalIndex(indexes, delete.requiredString("IndexName"), schema.name(), "delete");
                indexes.remove(at);
            } else {
                String indexName = change.requiredString("IndexName");
                int at = globalIndex(indexes, indexName, schema.name(), "update");
                IndexSchema old = indexes.get(at);
                if (schema.billingMode().equals("PAY_PER_REQUEST") && !change.has("ProvisionedThroughput")) {
                    onDemandIndexUpdate(change, indexName);
                    continue;
                }
                Throughput given = SchemaParser.throughput(change, schema.billingMode(), now, indexName, false);
                if (given.read() == old.throughput().read() && given.write() == old.throughput().write()) {
                    throw DynamoDbError.validation("The provisioned throughput for the index " + indexName + " will "
                            + "not change. The requested value equals the current value. Current ReadCapacityUnits "
                            + "provisioned for the index: " + given.read() + ". Requested ReadCapacityUnits: "
                            + given.read() + ". Current WriteCapacityUnits provisioned for the index: " + given.write()
                            + ". Requested WriteCapacityUnits: " + given.write() + ". Refer to the Amazon DynamoDB "
                            + "Developer Guide for current limits and how to request higher limits.");
                }
                indexes.set(at, old.withThroughput(old.throughput().changedTo(given.read(), given.write(), now,
                        now + delay)));
            }
        }
        Set<String> used = new LinkedHashSet<>();
        TableOps.keyAttrs(schema.hash(), schema.range(), indexes).forEach(k -> used.add(k.name()));
        List<KeyAttr> kept = defs.stream().filter(d -> used.contains(d.name())).toList();
        return schema.withIndexes(indexes).withAttributeDefinitions(kept);
    }

    /**
     * DynamoDB's refusal of a new index that declares an existing key attribute with another type, naming the key
     * schema that already uses the attribute and the new index's key as the request declared it.
     */
    private static DynamoDbError redefined(TableSchema schema, String attribute, IndexSchema index, KeyAttr given) {
        List<String> existing = new ArrayList<>();
        boolean tableKey = schema.hash().name().equals(attribute)
                || schema.range() != null && schema.range().name().equals(attribute);
        if (tableKey) {
            existing.add(element(schema.hash(), "HASH"));
            if (schema.range() != null) {
                existing.add(element(schema.range(), "RANGE"));
            }
        } else {
            IndexSchema user = schema.indexes().stream().filter(i -> i.keys().stream()
                    .anyMatch(k -> k.name().equals(attribute))).findFirst().orElseThrow();
            user.hashes().forEach(k -> existing.add(element(k, "HASH")));
            user.ranges().forEach(k -> existing.add(element(k, "RANGE")));
        }
        List<String> declared = new ArrayList<>();
        index.hashes().forEach(k -> declared.add(element(k.name().equals(attribute) ? given : k, "HASH")));
        index.ranges().forEach(k -> declared.add(element(k.name().equals(attribute) ? given : k, "RANGE")));
        return DynamoDbError.validation(INVALID + "Attributes cannot be redefined. Please check that your attribute "
                + "has the same type as previously defined. Existing schema: Schema:[" + String.join(", ", existing)
                + "] New schema: Schema:[" + String.join(", ", declared) + "]");
    }

    private static String element(KeyAttr key, String keyType) {
        return "SchemaElement: key{" + key.name() + ":" + key.type() + ":" + keyType + "}";
    }

    /** The position of a global index by name; a local index or none at all is refused as DynamoDB refuses it. */
    private static int globalIndex(List<IndexSchema> indexes, String indexName, String table, String action) {
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i).name().equals(indexName)) {
                if (!indexes.get(i).global()) {
                    throw DynamoDbError.validation("Cannot " + action + " an index that is not a GlobalSecondaryIndex: "
                            + indexName);
                }
                return i;
            }
        }
        throw DynamoDbError.resourceNotFound("Requested resource not found: Index " + indexName + " for table "
                + table);
    }

    /**
     * An Update of an on-demand table's index may only set its on-demand or warm throughput, which the sandbox
     * accepts and does not model.
     */
    private static void onDemandIndexUpdate(Request change, String indexName) {
        Request warm = change.child("WarmThroughput");
        if (warm != null && !warm.has("ReadUnitsPerSecond") && !warm.has("WriteUnitsPerSecond")) {
            throw DynamoDbError.validation(INVALID + "WarmThroughput must have at least one of ReadUnitsPerSecond or "
                    + "WriteUnitsPerSecond specified for index: " + indexName);
        }
        Request onDemand = change.child("OnDemandThroughput");
        boolean setsOnDemand = onDemand != null && (onDemand.has("MaxReadRequestUnits")
                || onDemand.has("MaxWriteRequestUnits"));
        if (warm == null && !setsOnDemand) {
            throw DynamoDbError.validation(INVALID + "The only Updates for index: " + indexName + " when "
                    + "TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
        }
    }
}
