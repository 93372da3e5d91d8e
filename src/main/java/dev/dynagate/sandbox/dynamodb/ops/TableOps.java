package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.schema.TableSettings;
import dev.dynagate.sandbox.dynamodb.schema.Throughput;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** CreateTable, DescribeTable, ListTables, UpdateTable and DeleteTable. */
public final class TableOps implements AutoCloseable {
    private static final String INVALID = SchemaParser.INVALID;
    private static final int MAX_INDEXES = 20;
    private final Engine engine;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dynamodb-table-status");
        t.setDaemon(true);
        return t;
    });

    private final TableUpdates updates;

    public TableOps(Engine engine) {
        this.engine = engine;
        this.updates = new TableUpdates(engine);
        dropTablesLeftDeleting();
    }

    public ObjectNode create(Request r) {
        Constraints.controlPlaneTableName(r);
        Constraints.of(r).notNull("AttributeDefinitions").name("TableName", false)
                .oneOf("BillingMode", BILLING_MODES).oneOf("TableThroughputMode", BILLING_MODES).notNull("KeySchema")
                .indexNames("GlobalSecondaryIndexes").indexNames("LocalSecondaryIndexes").check();
        String name = Names.tableName(r);
        SettingsParser.checkOnDemandRange(r, true);
        List<KeyAttr> defs = SchemaParser.attributeDefinitions(r);
        String[] keys = tableKeySchema(r.node("KeySchema"), defs);
        String billing = billingMode(r, "PROVISIONED");
        long now = engine.now();
        Map<String, KeyAttr> byName = new LinkedHashMap<>();
        defs.forEach(d -> byName.put(d.name(), d));
        KeyAttr hash = SchemaParser.defined(keys[0], byName, defs);
        KeyAttr range = SchemaParser.defined(keys[1], byName, defs);
        Throughput throughput = SchemaParser.throughput(r, billing, now, null, true);
        List<IndexSchema> indexes = new ArrayList<>();
        readIndexes(r.list("LocalSecondaryIndexes"), false, byName, defs, hash, range, billing, now, indexes);
        readIndexes(r.list("GlobalSecondaryIndexes"), true, byName, defs, hash, range, billing, now, indexes);
        Set<String> used = new LinkedHashSet<>();
        for (KeyAttr k : keyAttrs(hash, range, indexes)) {
            used.add(k.name());
        }
        if (used.size() != defs.size()) {
            // DynamoDB words it by whether the table has indexes (recorded live; dynalite keeps the first wording)
            throw DynamoDbError.validation(INVALID + (indexes.isEmpty()
                    ? "Number of attributes in KeySchema does not exactly match number of attributes defined in "
                            + "AttributeDefinitions"
                    : "Some AttributeDefinitions are not used. AttributeDefinitions: "
                            + defs.stream().map(KeyAttr::name).toList() + ", keys used: " + List.copyOf(used)));
        }
        TableSchema.StreamSettings stream = stream(r.child("StreamSpecification"), null, now, null);
        Map<String, String> tags = TagOps.readTags(r.list("Tags"));
        String tableClass = tableClass(r);
        long delay = engine.statusDelay().toMillis();
        TableSchema schema = new TableSchema(name, UUID.randomUUID().toString(), hash, range, defs, indexes, billing,
                throughput, stream, tags, null, r.bool("DeletionProtectionEnabled", false), tableClass, now,
                "CREATING", now + delay, SettingsParser.apply(r, TableSettings.DEFAULT, billing, throughput, true));
        engine.database().write(changes -> {
            if (engine.database().table(name) != null) {
                throw new DynamoDbError("ResourceInUseException", "Table already exists: " + name);
            }
            changes.createTable(schema);
            return null;
        });
        ObjectNode out = Request.object();
        out.set("TableDescription", TableDescriber.describe(null, schema, "CREATING", now));
        return out;
    }

    /**
     * The table's own key. A HASH and a RANGE of one name with a single attribute definition is refused as a missing
     * definition, as DynamoDB was observed to (dynalite keeps the rule); otherwise as two elements of one name.
     */
    private static String[] tableKeySchema(JsonNode node, List<KeyAttr> defs) {
        try {
            return SchemaParser.keySchema(node, "KeySchema");
        } catch (DynamoDbError e) {
            if (e.getMessage().equals(SchemaParser.SAME_NAMES) && defs.size() == 1) {
                throw DynamoDbError.validation("Invalid KeySchema: Some index key attribute have no definition");
            }
            throw e;
        }
    }

    static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final List<String> TABLE_CLASSES = List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");

    /** The TableClass a request names, or null; an unknown one is refused in DynamoDB's own words for it. */
    static String tableClass(Request r) {
        String given = r.string("TableClass");
        if (given != null && !TABLE_CLASSES.contains(given)) {
            throw DynamoDbError.validation("Invalid table-class parameter provided. Please try again with a valid "
                    + "table-class value: " + TABLE_CLASSES + ".");
        }
        return given;
    }

    /**
     * The billing mode a request asks for: BillingMode, or else TableThroughputMode, the newer member DynamoDB takes
     * as its alias (both already checked against the modes).
     */
    static String billingMode(Request r, String fallback) {
        String billing = r.string("BillingMode");
        String alias = r.string("TableThroughputMode");
        return billing != null ? billing : alias != null ? alias : fallback;
    }

    private static void readIndexes(List<JsonNode> nodes, boolean global, Map<String, KeyAttr> byName,
                                    List<KeyAttr> defs, KeyAttr hash, KeyAttr range, String billing, long now,
                                    List<IndexSchema> into) {
        if (nodes == null) {
            return;
        }
        if (nodes.isEmpty()) {
            throw DynamoDbError.validation(INVALID + "List of " + (global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes")
                    + " is empty");
        }
        for (int i = 0; i < nodes.size(); i++) {
            String path = (global ? "globalSecondaryIndexes." : "localSecondaryIndexes.") + (i + 1) + ".member";
            IndexSchema index = SchemaParser.index(nodes.get(i), path, global, byName, defs, hash, range, billing, now, 0);
            if (into.stream().anyMatch(other -> other.name().equals(index.name()))) {
                throw DynamoDbError.validation(INVALID + "Duplicate index name: " + index.name());
            }
            into.add(index);
        }
        if (into.stream().filter(i -> i.global() == global).count() > (global ? MAX_INDEXES : 5)) {
            throw DynamoDbError.validation(INVALID + (global
                    ? "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_INDEXES
                    : "Number of LocalSecondaryIndexes exceeds per-table limit of 5"));
        }
    }

    static List<KeyAttr> keyAttrs(KeyAttr hash, KeyAttr range, List<IndexSchema> indexes) {
        List<KeyAttr> keys = new ArrayList<>();
        keys.add(hash);
        if (range != null) {
            keys.add(range);
        }
        for (IndexSchema i : indexes) {
            keys.addAll(i.keys());
        }
        return keys;
    }

    /**
     * The stream settings a StreamSpecification asks for. {@code updating}: the table's name on UpdateTable, null on
     * CreateTable, whose messages differ.
     */
    static TableSchema.StreamSettings stream(Request spec, TableSchema.StreamSettings current, long now,
                                             String updating) {
        if (spec == null) {
            return current;
        }
        boolean enabled = spec.bool("StreamEnabled", false);
        String view = spec.choice("StreamViewType", "streamSpecification.streamViewType", null,
                List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"));
        if (enabled && view == null) {
            throw DynamoDbError.validation(INVALID + (updating == null
                    ? "Table is being created with a stream enabled, UpdateViewType is required"
                    : "If stream is being enabled then UpdateViewType is required"));
        }
        if (!enabled && view != null) {
            throw DynamoDbError.validation(INVALID + (updating == null
                    ? "Table is being created with a stream disabled, UpdateViewType should not be specified"
                    : "If stream is being disabled, then UpdateViewType must not be specified"));
        }
        boolean streaming = current != null && current.enabled();
        if (updating != null && streaming && enabled) {
            throw DynamoDbError.validation("Table already has an enabled stream: TableName: " + updating);
        }
        if (updating != null && !streaming && !enabled) {
            throw DynamoDbError.validation("Table has no stream to disable: TableName: " + updating);
        }
        long at = now;
        if (enabled && current != null && current.label() != null) {
            // a stream enabled again within the same millisecond still needs a label, and an ARN, of its own
            at = Math.max(at, java.time.LocalDateTime.parse(current.label()).toInstant(ZoneOffset.UTC).toEpochMilli()
                    + 1);
        }
        String label = enabled ? DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
                .format(Instant.ofEpochMilli(at).atOffset(ZoneOffset.UTC)) : current == null ? null : current.label();
        return new TableSchema.StreamSettings(enabled, view, label);
    }

    public ObjectNode describe(Request r) {
        Constraints.controlPlaneTableName(r);
        Constraints.of(r).name("TableName", false).check();
        String name = Names.tableName(r);
        TableData data = engine.database().table(name);
        if (data == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        long now = engine.now();
        ObjectNode out = Request.object();
        out.set("Table", engine.database().read(() -> TableDescriber.describe(data, data.schema(),
                data.schema().status(now), now)));
        return out;
    }

    public ObjectNode list(Request r) {
        Constraints.of(r).atLeast("Limit", 1).atMost("Limit", 100).name("ExclusiveStartTableName", false).check();
        Integer limit = r.integer("Limit");
        String start = r.string("ExclusiveStartTableName");
        int max = limit == null ? 100 : limit;
        var names = start == null ? engine.database().tables().navigableKeySet()
                : engine.database().tables().navigableKeySet().tailSet(start, false);
        ObjectNode out = Request.object();
        ArrayNode list = out.putArray("TableNames");
        String last = null;
        int n = 0;
        for (String name : names) {
            if (n == max) {
                out.put("LastEvaluatedTableName", last);
                break;
            }
            list.add(name);
            last = name;
            n++;
        }
        return out;
    }

    public ObjectNode delete(Request r) {
        Constraints.controlPlaneTableName(r);
        Constraints.of(r).name("TableName", false).check();
        String name = Names.tableName(r);
        long now = engine.now();
        long delay = engine.statusDelay().toMillis();
        ObjectNode description = engine.database().write(changes -> {
            TableData data = engine.changeableTable(name, now);
            TableSchema schema = data.schema();
            if (schema.deletionProtection()) {
                throw DynamoDbError.validation("Resource cannot be deleted as it is currently protected against "
                        + "deletion. Disable deletion protection first.");
            }
            ObjectNode d = TableDescriber.describe(data, schema, "DELETING", now);
            // DynamoDB's answer to DeleteTable leaves out the table's shape: no keys, definitions or indexes
            d.remove(List.of("CreationDateTime", "KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes",
                    "LocalSecondaryIndexes"));
            if (delay > 0) {
                changes.updateSchema(schema.withBusy("DELETING", Long.MAX_VALUE));
            } else {
                changes.dropTable(name);
            }
            return d;
        });
        if (delay > 0) {
            later.schedule(() -> drop(name), delay, TimeUnit.MILLISECONDS);
        }
        ObjectNode out = Request.object();
        out.set("TableDescription", description);
        return out;
    }

    private void drop(String name) {
        engine.database().write(changes -> {
            TableData data = engine.database().table(name);
            if (data != null && "DELETING".equals(data.schema().busyStatus())) {
                changes.dropTable(name);
            }
            return null;
        });
    }

    private void dropTablesLeftDeleting() {
        for (TableData data : engine.database().tables().values()) {
            if ("DELETING".equals(data.schema().busyStatus())) {
                drop(data.schema().name());
            }
        }
    }

    public ObjectNode update(Request r) {
        return updates.update(r);
    }

    @Override
    public void close() {
        later.shutdownNow();
    }
}
