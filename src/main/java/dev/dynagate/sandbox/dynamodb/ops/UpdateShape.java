package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.util.List;

/**
 * What UpdateTable refuses before it looks the table up (DynamoDB answers these for a table that does not exist
 * too): throughput values out of range, on-demand limits out of range, changes that may not share one request, and
 * index updates of the wrong shape.
 */
final class UpdateShape {
    private static final String INVALID = SchemaParser.INVALID;
    /** The members that change something; each of the first four must come alone. */
    private static final List<String> ALONE = List.of("SSESpecification", "TableClass", "DeletionProtectionEnabled",
            "WarmThroughput");
    private static final List<String> CHANGES = List.of("ProvisionedThroughput", "BillingMode", "TableThroughputMode",
            "StreamSpecification",
            "GlobalSecondaryIndexUpdates", "SSESpecification", "ReplicaUpdates", "DeletionProtectionEnabled",
            "OnDemandThroughput", "WarmThroughput", "TableClass");

    private UpdateShape() {
    }

    static void check(Request r) {
        throughputValues(r.child("ProvisionedThroughput"), "provisionedThroughput");
        SettingsParser.checkOnDemandRange(r, false);
        List<JsonNode> updates = r.list("GlobalSecondaryIndexUpdates");
        if (updates != null) {
            for (JsonNode update : updates) {
                indexUpdate(new Request(update));
            }
        }
        combinations(r, updates);
    }

    private static void throughputValues(Request t, String member) {
        if (t == null) {
            return;
        }
        for (String field : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            Long value = t.longValue(field);
            if (value != null && value < 1) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + value + "' at '" + member + "."
                        + Request.member(field) + "' failed to satisfy constraint: Member must have value greater "
                        + "than or equal to 1");
            }
        }
    }

    private static void indexUpdate(Request update) {
        Request change = update.child("Update");
        if (change == null) {
            return;
        }
        throughputValues(change.child("ProvisionedThroughput"),
                "globalSecondaryIndexUpdates.member.update.provisionedThroughput");
        Request warm = change.child("WarmThroughput");
        if (warm != null && !warm.has("ReadUnitsPerSecond") && !warm.has("WriteUnitsPerSecond")) {
            throw DynamoDbError.validation(INVALID + "WarmThroughput must have at least one of ReadUnitsPerSecond or "
                    + "WriteUnitsPerSecond specified for index: " + change.string("IndexName"));
        }
    }

    private static boolean changes(Request r, String member) {
        if (!member.equals("WarmThroughput")) {
            return r.has(member);
        }
        Request warm = r.child(member);
        return warm != null && (warm.has("ReadUnitsPerSecond") || warm.has("WriteUnitsPerSecond"));
    }

    /** The pairs of changes DynamoDB does not make in one request, in the words recorded from it. */
    private static void combinations(Request r, List<JsonNode> updates) {
        // BillingMode and its alias TableThroughputMode are one change, however many of them the request sends;
        // an empty WarmThroughput is none (recorded: it goes with a DeletionProtectionEnabled unremarked)
        long changes = CHANGES.stream().filter(member -> changes(r, member)).count()
                - (r.has("BillingMode") && r.has("TableThroughputMode") ? 1 : 0);
        for (String alone : ALONE) {
            if (changes(r, alone) && changes > 1) {
                throw DynamoDbError.validation(INVALID + switch (alone) {
                    case "SSESpecification" -> "Server-Side Encryption modification";
                    case "DeletionProtectionEnabled" -> "DeletionProtection modification";
                    case "TableClass" -> "TableClass modification";
                    default -> "WarmThroughput";
                } + " must be the only operation in the request");
            }
        }
        boolean billing = r.has("BillingMode") || r.has("TableThroughputMode");
        if (r.has("OnDemandThroughput") && changes > (billing ? 2 : 1)) {
            throw DynamoDbError.validation(INVALID + "OnDemandThroughput can only be combined with BillingMode in an "
                    + "UpdateTable request");
        }
        boolean createsOrDeletes = updates != null && updates.stream()
                .anyMatch(u -> u.hasNonNull("Create") || u.hasNonNull("Delete"));
        boolean iops = r.has("ProvisionedThroughput");
        boolean stream = r.has("StreamSpecification");
        if (iops && stream) {
            throw DynamoDbError.validation(INVALID + "You cannot modify stream status while updating table IOPS");
        }
        if (iops && createsOrDeletes) {
            throw DynamoDbError.validation(INVALID + "You cannot create or delete index while updating table IOPS");
        }
        if (stream && createsOrDeletes) {
            throw DynamoDbError.validation(INVALID + "You cannot create or delete index while changing stream status");
        }
    }
}
