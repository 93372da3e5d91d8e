package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.schema.TableSettings;
import dev.dynagate.sandbox.dynamodb.schema.Throughput;
import java.util.List;
import java.util.UUID;

/** OnDemandThroughput and SSESpecification of CreateTable and UpdateTable, read onto the table's settings. */
final class SettingsParser {
    private SettingsParser() {
    }

    /** What a new on-demand table can take at once, and so the least warm throughput it may be given. */
    private static final long ON_DEMAND_READS = 12_000;
    private static final long ON_DEMAND_WRITES = 4_000;

    /**
     * The settings with what the request gives applied; {@code current} when it gives none of them.
     * {@code billingMode}: the table's mode once the request applies; {@code throughput}: its provisioned units then.
     */
    static TableSettings apply(Request r, TableSettings current, String billingMode, Throughput throughput,
                               boolean creating) {
        TableSettings next = current;
        Request warm = r.child("WarmThroughput");
        if (warm != null && (warm.has("ReadUnitsPerSecond") || warm.has("WriteUnitsPerSecond"))) {
            next = warm(warm, current, billingMode, throughput, creating);
        }
        Request onDemand = r.child("OnDemandThroughput");
        if (onDemand != null) {
            for (String field : List.of("MaxReadRequestUnits", "MaxWriteRequestUnits")) {
                if (onDemand.has(field) && billingMode.equals("PROVISIONED")) {
                    throw DynamoDbError.validation(SchemaParser.INVALID + field + " for OnDemandThroughput cannot be "
                            + "specified when the table BillingMode is PROVISIONED");
                }
            }
            next = next.withOnDemand(limit(onDemand, "MaxReadRequestUnits"), limit(onDemand, "MaxWriteRequestUnits"));
        }
        Request sse = r.child("SSESpecification");
        if (sse != null) {
            next = next.withKmsKey(sse.bool("Enabled", false) ? kmsKeyArn(sse, current.kmsKeyArn()) : null);
        }
        return next;
    }

    /**
     * The request's on-demand limits are in range: positive, or -1 (no limit) which only UpdateTable takes. Checked
     * before the table is looked up, as DynamoDB does.
     */
    static void checkOnDemandRange(Request r, boolean creating) {
        Request onDemand = r.child("OnDemandThroughput");
        if (onDemand == null) {
            return;
        }
        for (String field : List.of("MaxReadRequestUnits", "MaxWriteRequestUnits")) {
            Long value = limit(onDemand, field);
            if (value != null && value < 1 && (creating || value != -1)) {
                throw DynamoDbError.validation(SchemaParser.INVALID + "Requested " + field + " for OnDemandThroughput "
                        + "for table is outside of valid range");
            }
        }
    }

    private static Long limit(Request onDemand, String field) {
        Integer value = onDemand.integer(field);
        return value == null ? null : value.longValue();
    }

    /**
     * A table's warm throughput: on creation at least what the table takes anyway (the on-demand initial throughput,
     * or the provisioned units), later never lower than it is. A unit the request leaves out keeps its value.
     */
    private static TableSettings warm(Request warm, TableSettings current, String billingMode, Throughput throughput,
                                      boolean creating) {
        boolean onDemand = billingMode.equals("PAY_PER_REQUEST");
        Long read = warm.longValue("ReadUnitsPerSecond");
        Long write = warm.longValue("WriteUnitsPerSecond");
        long floorRead = onDemand ? ON_DEMAND_READS : throughput.read();
        long floorWrite = onDemand ? ON_DEMAND_WRITES : throughput.write();
        long nowRead = current.warmReadUnits() != null ? current.warmReadUnits() : floorRead;
        long nowWrite = current.warmWriteUnits() != null ? current.warmWriteUnits() : floorWrite;
        checkWarm("ReadUnitsPerSecond", read, creating ? floorRead : nowRead, creating, onDemand, "ReadCapacityUnits");
        checkWarm("WriteUnitsPerSecond", write, creating ? floorWrite : nowWrite, creating, onDemand,
                "WriteCapacityUnits");
        return current.withWarmThroughput(read != null ? read : nowRead, write != null ? write : nowWrite);
    }

    private static void checkWarm(String field, Long given, long floor, boolean creating, boolean onDemand,
                                  String units) {
        if (given == null || given >= floor) {
            return;
        }
        String invalid = SchemaParser.INVALID + "Requested " + field + " for WarmThroughput for table ";
        if (!creating) {
            throw DynamoDbError.validation(invalid + "is lower than current WarmThroughput, decreasing "
                    + "WarmThroughput is not supported");
        }
        throw DynamoDbError.validation(invalid + (onDemand ? "(" + given + ") is lower than initial throughput for "
                + "OnDemand (" + floor + ")" : "is lower than " + units + " of ProvisionedThroughput"));
    }

    /** The KMS key named by the request (id, ARN or alias), or the table's key, or a new AWS-managed one. */
    private static String kmsKeyArn(Request sse, String current) {
        // KMS is the only type DynamoDB encrypts with; the choice is still checked against the API's values
        sse.choice("SSEType", "sSEType", "KMS", List.of("AES256", "KMS"));
        String key = sse.string("KMSMasterKeyId");
        if (key != null && key.startsWith("arn:")) {
            return key;
        }
        String prefix = "arn:aws:kms:" + SandboxContext.REGION + ":" + SandboxContext.ACCOUNT_ID + ":";
        if (key != null) {
            return prefix + (key.startsWith("alias/") ? key : "key/" + key);
        }
        return current != null ? current : prefix + "key/" + UUID.randomUUID();
    }
}
