package dev.dynagate.aws;

import dev.dynagate.tables.TableCatalog;
import dev.dynagate.tables.TableAdmin;
import dev.dynagate.tables.TableDescriber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** {@link TableCatalog} and {@link TableDescriber} over the SDK's DynamoDbClient. */
public final class DynamoDbTableCatalog implements TableCatalog, TableDescriber, TableAdmin {
    private final DynamoDbClient client;

    public DynamoDbTableCatalog(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public TableNamesPage listTableNames(String exclusiveStart, int limit) {
        ListTablesResponse response = client.listTables(ListTablesRequest.builder()
                .exclusiveStartTableName(exclusiveStart).limit(limit).build());
        return new TableNamesPage(response.tableNames(), response.lastEvaluatedTableName());
    }

    /** CreateTable, then DescribeTable until it is ACTIVE (at once on the sandbox, seconds on DynamoDB). */
    @Override
    public void create(Spec spec) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = keySchema(spec.partition(), spec.sort(), attributes);
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        for (IndexSpec index : spec.indexes()) {
            List<KeySchemaElement> indexKeys = keySchema(index.partition(), index.sort(), attributes);
            Projection projection = projection(index);
            if (index.kind() == dev.dynagate.tables.TableDescription.IndexKind.LSI) {
                locals.add(LocalSecondaryIndex.builder().indexName(index.name()).keySchema(indexKeys)
                        .projection(projection).build());
            } else {
                GlobalSecondaryIndex.Builder global = GlobalSecondaryIndex.builder().indexName(index.name())
                        .keySchema(indexKeys).projection(projection);
                if (!spec.onDemand()) {
                    global.provisionedThroughput(p -> p.readCapacityUnits(spec.readUnits())
                            .writeCapacityUnits(spec.writeUnits()));
                }
                globals.add(global.build());
            }
        }
        client.createTable(b -> {
            b.tableName(spec.name()).attributeDefinitions(attributes.values()).keySchema(keys);
            if (!globals.isEmpty()) {
                b.globalSecondaryIndexes(globals);
            }
            if (!locals.isEmpty()) {
                b.localSecondaryIndexes(locals);
            }
            if (spec.stream() != null) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(spec.stream()));
            }
            if (spec.onDemand()) {
                b.billingMode(BillingMode.PAY_PER_REQUEST);
            } else {
                b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p
                        .readCapacityUnits(spec.readUnits()).writeCapacityUnits(spec.writeUnits()));
            }
        });
        client.waiter().waitUntilTableExists(b -> b.tableName(spec.name()));
    }

    /** A key schema, declaring each attribute it names once (CreateTable refuses one declared twice). */
    private static List<KeySchemaElement> keySchema(dev.dynagate.tables.TableDescription.Key partition,
                                                    dev.dynagate.tables.TableDescription.Key sort,
                                                    Map<String, AttributeDefinition> attributes) {
        List<KeySchemaElement> keys = new ArrayList<>();
        var named = sort == null ? List.of(partition) : List.of(partition, sort);
        for (int i = 0; i < named.size(); i++) {
            var key = named.get(i);
            attributes.putIfAbsent(key.name(), AttributeDefinition.builder().attributeName(key.name())
                    .attributeType(key.type().name()).build());
            keys.add(KeySchemaElement.builder().attributeName(key.name())
                    .keyType(i == 0 ? KeyType.HASH : KeyType.RANGE).build());
        }
        return keys;
    }

    @Override
    public void setCapacity(String table, boolean onDemand, Units units, Map<String, Units> indexUnits) {
        var described = client.describeTable(b -> b.tableName(table)).table();
        boolean wasOnDemand = described.billingModeSummary() != null
                && described.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
        // DynamoDB refuses units equal to the current ones, and a move from on demand unless every global index
        // is given units too: send what changes, and every index when leaving on demand
        List<GlobalSecondaryIndexUpdate> indexUpdates = new ArrayList<>();
        if (!onDemand) {
            for (GlobalSecondaryIndexDescription index : described.globalSecondaryIndexes()) {
                Units wanted = indexUnits.getOrDefault(index.indexName(), wasOnDemand ? units : null);
                if (wanted != null && (wasOnDemand || !same(index.provisionedThroughput(), wanted))) {
                    indexUpdates.add(GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(index.indexName())
                            .provisionedThroughput(p -> p.readCapacityUnits(wanted.read())
                                    .writeCapacityUnits(wanted.write()))).build());
                }
            }
        }
        boolean tableUnchanged = !onDemand && !wasOnDemand && same(described.provisionedThroughput(), units);
        client.updateTable(b -> {
            b.tableName(table);
            if (onDemand) {
                b.billingMode(BillingMode.PAY_PER_REQUEST);
                return;
            }
            if (!tableUnchanged) {
                b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(units.read())
                        .writeCapacityUnits(units.write()));
            }
            if (!indexUpdates.isEmpty()) {
                b.globalSecondaryIndexUpdates(indexUpdates);
            }
        });
        client.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    private static boolean same(ProvisionedThroughputDescription now, Units wanted) {
        return now != null && now.readCapacityUnits() != null && now.writeCapacityUnits() != null
                && now.readCapacityUnits() == wanted.read() && now.writeCapacityUnits() == wanted.write();
    }

    @Override
    public void addGlobalIndex(String table, IndexSpec index) throws InterruptedException {
        var described = client.describeTable(b -> b.tableName(table)).table();
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        described.attributeDefinitions().forEach(a -> attributes.put(a.attributeName(), a));
        List<KeySchemaElement> keys = keySchema(index.partition(), index.sort(), attributes);
        boolean provisioned = described.billingModeSummary() == null
                || described.billingModeSummary().billingMode() != BillingMode.PAY_PER_REQUEST;
        client.updateTable(b -> b.tableName(table).attributeDefinitions(attributes.values())
                .globalSecondaryIndexUpdates(u -> u.create(c -> {
                    c.indexName(index.name()).keySchema(keys).projection(projection(index));
                    if (provisioned) {
                        c.provisionedThroughput(p -> p.readCapacityUnits(described.provisionedThroughput()
                                .readCapacityUnits()).writeCapacityUnits(described.provisionedThroughput()
                                .writeCapacityUnits()));
                    }
                })));
        awaitIndex(table, index.name(), true);
    }

    @Override
    public void deleteGlobalIndex(String table, String index) throws InterruptedException {
        client.updateTable(b -> b.tableName(table).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName(index))));
        awaitIndex(table, index, false);
    }

    /**
     * DescribeTable until the index is ACTIVE and filled ({@code present}) or gone. The SDK has no waiter for an
     * index, and a backfill on DynamoDB takes from seconds to hours, so this polls at a growing pace up to 10 s.
     */
    private void awaitIndex(String table, String index, boolean present) throws InterruptedException {
        long pause = 200;
        boolean seen = false;
        for (int round = 1; ; round++) {
            var found = client.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().stream()
                    .filter(i -> i.indexName().equals(index)).findFirst();
            boolean done = present ? found.filter(i -> i.indexStatus() == IndexStatus.ACTIVE
                    && !Boolean.TRUE.equals(i.backfilling())).isPresent() : found.isEmpty();
            if (done) {
                return;
            }
            seen |= found.isPresent();
            if (present && found.isEmpty() && (seen || round > 5)) {
                // DescribeTable lists an index from the moment UpdateTable accepts it: one that is gone was dropped
                throw new IllegalStateException("The index " + index + " is no longer on " + table
                        + ": DynamoDB did not finish creating it.");
            }
            Thread.sleep(pause);
            pause = Math.min(10_000, pause * 2);
        }
    }

    private static Projection projection(IndexSpec index) {
        return Projection.builder().projectionType(index.projection())
                .nonKeyAttributes(index.nonKeyAttributes().isEmpty() ? null : index.nonKeyAttributes()).build();
    }

    @Override
    public void setTimeToLive(String table, String attribute, boolean enabled) {
        client.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(enabled)));
    }

    /** DeleteTable, then DescribeTable until it is gone. */
    @Override
    public void delete(String table) {
        client.deleteTable(b -> b.tableName(table));
        client.waiter().waitUntilTableNotExists(b -> b.tableName(table));
    }

    @Override
    public dev.dynagate.tables.TableDescription describe(String tableName) {
        software.amazon.awssdk.services.dynamodb.model.TableDescription table = client.describeTable(b -> b.tableName(tableName)).table();
        Map<String, dev.dynagate.tables.KeyType> types = table.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName,
                        a -> dev.dynagate.tables.KeyType.valueOf(a.attributeTypeAsString())));
        String billing = table.billingModeSummary() == null ? "PROVISIONED"
                : table.billingModeSummary().billingModeAsString();
        List<dev.dynagate.tables.TableDescription.Index> indexes = new ArrayList<>();
        table.globalSecondaryIndexes().forEach(i -> indexes.add(withUnits(index(i.indexName(),
                dev.dynagate.tables.TableDescription.IndexKind.GSI, i.keySchema(), i.projection(), types,
                pending(i)), "PROVISIONED".equals(billing) ? i.provisionedThroughput() : null)));
        table.localSecondaryIndexes().forEach(i -> indexes.add(index(i.indexName(),
                dev.dynagate.tables.TableDescription.IndexKind.LSI, i.keySchema(), i.projection(), types, null)));
        Long rcu = table.provisionedThroughput() == null ? null : table.provisionedThroughput().readCapacityUnits();
        Long wcu = table.provisionedThroughput() == null ? null : table.provisionedThroughput().writeCapacityUnits();
        String stream = table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                ? table.streamSpecification().streamViewTypeAsString() : null;
        return new dev.dynagate.tables.TableDescription(table.tableName(), table.tableArn(),
                table.tableStatusAsString(), table.creationDateTime(), keys(table.keySchema(), types), indexes,
                billing, rcu, wcu, ttlAttribute(tableName), stream,
                table.itemCount() == null ? -1 : table.itemCount(),
                table.tableSizeBytes() == null ? -1 : table.tableSizeBytes());
    }

    /** TTL is a separate call; an endpoint that lacks it should not hide the rest of the facts. */
    private String ttlAttribute(String tableName) {
        try {
            var ttl = client.describeTimeToLive(b -> b.tableName(tableName)).timeToLiveDescription();
            return ttl != null && ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED ? ttl.attributeName() : null;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return null;
        }
    }

    private static dev.dynagate.tables.TableDescription.Index index(String name,
            dev.dynagate.tables.TableDescription.IndexKind kind, List<KeySchemaElement> schema, Projection projection,
            Map<String, dev.dynagate.tables.KeyType> types, String pending) {
        return new dev.dynagate.tables.TableDescription.Index(name, kind, keys(schema, types),
                projection == null ? "ALL" : projection.projectionTypeAsString(),
                projection == null ? List.of() : projection.nonKeyAttributes(), pending);
    }

    /** A global index of a provisioned table with its own units (an on-demand table's indexes report zeros). */
    private static dev.dynagate.tables.TableDescription.Index withUnits(dev.dynagate.tables.TableDescription.Index i,
            ProvisionedThroughputDescription units) {
        if (units == null || units.readCapacityUnits() == null || units.writeCapacityUnits() == null) {
            return i;
        }
        return new dev.dynagate.tables.TableDescription.Index(i.name(), i.kind(), i.keys(), i.projection(),
                i.nonKeyAttributes(), i.pending(), units.readCapacityUnits(), units.writeCapacityUnits());
    }

    /** Why a global index cannot be read yet (DynamoDB refuses reads while it is created or filled), or null. */
    private static String pending(GlobalSecondaryIndexDescription index) {
        if (index.indexStatus() == IndexStatus.CREATING || Boolean.TRUE.equals(index.backfilling())) {
            return "being built";
        }
        return index.indexStatus() == IndexStatus.DELETING ? "being deleted" : null;
    }

    private static dev.dynagate.tables.TableDescription.KeySchema keys(List<KeySchemaElement> schema,
            Map<String, dev.dynagate.tables.KeyType> types) {
        // a global index may have a multi-attribute key: several HASH, then several RANGE attributes
        List<dev.dynagate.tables.TableDescription.Key> partitions = new ArrayList<>();
        List<dev.dynagate.tables.TableDescription.Key> sorts = new ArrayList<>();
        for (KeySchemaElement element : schema) {
            var key = new dev.dynagate.tables.TableDescription.Key(element.attributeName(),
                    types.getOrDefault(element.attributeName(), dev.dynagate.tables.KeyType.S));
            if (element.keyType() == software.amazon.awssdk.services.dynamodb.model.KeyType.HASH) {
                partitions.add(key);
            } else {
                sorts.add(key);
            }
        }
        return new dev.dynagate.tables.TableDescription.KeySchema(partitions.isEmpty() ? null : partitions.get(0),
                sorts.isEmpty() ? null : sorts.get(0), partitions, sorts);
    }
}
