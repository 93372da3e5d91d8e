package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.schema.TableSettings;
import dev.dynagate.sandbox.dynamodb.schema.Throughput;
import dev.dynagate.sandbox.dynamodb.storage.IndexData;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import java.math.BigDecimal;
import java.util.List;

/** The TableDescription structure of CreateTable, DescribeTable, UpdateTable and DeleteTable. */
final class TableDescriber {
    private TableDescriber() {
    }

    static ObjectNode describe(TableData data, TableSchema schema, String status, long now) {
        ObjectNode t = Request.object();
        ArrayNode defs = t.putArray("AttributeDefinitions");
        for (KeyAttr a : schema.attributeDefinitions()) {
            defs.addObject().put("AttributeName", a.name()).put("AttributeType", a.type());
        }
        t.put("TableName", schema.name());
        keySchema(t, schema.hash(), schema.range());
        t.put("TableStatus", status);
        t.put("CreationDateTime", seconds(schema.createdAt()));
        throughput(t, schema.throughput(), status, now);
        t.put("TableSizeBytes", data == null ? 0 : data.sizeBytes());
        t.put("ItemCount", data == null ? 0 : data.itemCount());
        t.put("TableArn", Engine.tableArn(schema.name()));
        t.put("TableId", schema.id());
        if ("PAY_PER_REQUEST".equals(schema.billingMode())) {
            t.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", seconds(schema.createdAt()));
            // DynamoDB mirrors the summary under the newer member's name too
            t.putObject("TableThroughputModeSummary").put("TableThroughputMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", seconds(schema.createdAt()));
        }
        ArrayNode lsis = null;
        ArrayNode gsis = null;
        for (IndexSchema index : schema.indexes()) {
            ObjectNode i;
            if (index.global()) {
                gsis = gsis == null ? t.putArray("GlobalSecondaryIndexes") : gsis;
                i = gsis.addObject();
            } else {
                lsis = lsis == null ? t.putArray("LocalSecondaryIndexes") : lsis;
                i = lsis.addObject();
            }
            i.put("IndexName", index.name());
            keySchema(i, index.hashes(), index.ranges());
            ObjectNode projection = i.putObject("Projection").put("ProjectionType", index.projection());
            if (index.nonKeyAttributes() != null) {
                ArrayNode names = projection.putArray("NonKeyAttributes");
                index.nonKeyAttributes().forEach(names::add);
            }
            if (index.global()) {
                // the indexes of a table being created are created with it
                i.put("IndexStatus", indexStatus(index, status, now));
                if (now < index.readyAt()) {
                    i.put("Backfilling", true);
                }
                throughput(i, index.throughput(), status, now);
            }
            IndexData indexData = data == null ? null : data.index(index.name());
            i.put("IndexSizeBytes", indexData == null ? 0 : indexData.sizeBytes());
            i.put("ItemCount", indexData == null ? 0 : indexData.itemCount());
            i.put("IndexArn", Engine.tableArn(schema.name()) + "/index/" + index.name());
        }
        if (schema.stream() != null) {
            ObjectNode spec = t.putObject("StreamSpecification").put("StreamEnabled", schema.stream().enabled());
            if (schema.stream().enabled()) {
                spec.put("StreamViewType", schema.stream().viewType());
            }
            if (schema.stream().label() != null) {
                t.put("LatestStreamLabel", schema.stream().label());
                t.put("LatestStreamArn", Engine.tableArn(schema.name()) + "/stream/" + schema.stream().label());
            }
        }
        TableSettings settings = schema.settings();
        if (schema.tableClass() != null) {
            ObjectNode summary = t.putObject("TableClassSummary").put("TableClass", schema.tableClass());
            if (settings.tableClassChangedAt() != null) {
                summary.put("LastUpdateDateTime", seconds(settings.tableClassChangedAt()));
            }
        }
        if (settings.warmReadUnits() != null) {
            t.putObject("WarmThroughput").put("ReadUnitsPerSecond", settings.warmReadUnits())
                    .put("WriteUnitsPerSecond", settings.warmWriteUnits()).put("Status", "ACTIVE");
        }
        if (settings.hasOnDemandLimits()) {
            ObjectNode limits = t.putObject("OnDemandThroughput");
            if (settings.maxReadRequestUnits() != null) {
                limits.put("MaxReadRequestUnits", settings.maxReadRequestUnits());
            }
            if (settings.maxWriteRequestUnits() != null) {
                limits.put("MaxWriteRequestUnits", settings.maxWriteRequestUnits());
            }
        }
        if (settings.kmsKeyArn() != null) {
            t.putObject("SSEDescription").put("Status", "ENABLED").put("SSEType", "KMS")
                    .put("KMSMasterKeyArn", settings.kmsKeyArn());
        }
        t.put("DeletionProtectionEnabled", schema.deletionProtection());
        return t;
    }

    private static void keySchema(ObjectNode parent, KeyAttr hash, KeyAttr range) {
        keySchema(parent, List.of(hash), range == null ? List.of() : List.of(range));
    }

    private static void keySchema(ObjectNode parent, List<KeyAttr> hashes, List<KeyAttr> ranges) {
        ArrayNode keys = parent.putArray("KeySchema");
        hashes.forEach(hash -> keys.addObject().put("AttributeName", hash.name()).put("KeyType", "HASH"));
        ranges.forEach(range -> keys.addObject().put("AttributeName", range.name()).put("KeyType", "RANGE"));
    }

    private static String indexStatus(IndexSchema index, String tableStatus, long now) {
        // the answer to the UpdateTable that adds an index shows it CREATING, however short its backfill
        boolean justAdded = tableStatus.equals("UPDATING") && now == index.readyAt();
        if (now < index.readyAt() || justAdded || tableStatus.equals("CREATING")) {
            return "CREATING";
        }
        return tableStatus.equals("UPDATING") && index.throughput().changing(now) ? "UPDATING" : "ACTIVE";
    }

    /** While the table is UPDATING a throughput change, the units before it are the ones in force. */
    private static void throughput(ObjectNode parent, Throughput tp, String status, long now) {
        boolean before = status.equals("UPDATING") && tp.changing(now);
        ObjectNode p = parent.putObject("ProvisionedThroughput");
        if (tp.lastIncrease() > 0) {
            p.put("LastIncreaseDateTime", seconds(tp.lastIncrease()));
        }
        if (tp.lastDecrease() > 0) {
            p.put("LastDecreaseDateTime", seconds(tp.lastDecrease()));
        }
        p.put("NumberOfDecreasesToday", tp.decreasesToday());
        p.put("ReadCapacityUnits", before ? tp.previousRead() : tp.read());
        p.put("WriteCapacityUnits", before ? tp.previousWrite() : tp.write());
    }

    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
