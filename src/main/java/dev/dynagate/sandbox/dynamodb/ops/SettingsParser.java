package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.dynamodb.schema.TableSettings;
import java.util.List;
import java.util.UUID;

/** OnDemandThroughput and SSESpecification of CreateTable and UpdateTable, read onto the table's settings. */
final class SettingsParser {
    private SettingsParser() {
    }

    /** The settings with what the request gives applied; {@code current} when it gives neither parameter. */
    static TableSettings apply(Request r, TableSettings current) {
        TableSettings next = current;
        Request onDemand = r.child("OnDemandThroughput");
        if (onDemand != null) {
            next = next.withOnDemand(limit(onDemand, "MaxReadRequestUnits"), limit(onDemand, "MaxWriteRequestUnits"));
        }
        Request sse = r.child("SSESpecification");
        if (sse != null) {
            next = next.withKmsKey(sse.bool("Enabled", false) ? kmsKeyArn(sse, current.kmsKeyArn()) : null);
        }
        return next;
    }

    private static Long limit(Request onDemand, String field) {
        Integer value = onDemand.integer(field);
        return value == null ? null : value.longValue();
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
