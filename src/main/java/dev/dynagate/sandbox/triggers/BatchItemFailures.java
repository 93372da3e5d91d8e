package dev.dynagate.sandbox.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.streams.StreamRecord;
import dev.dynagate.sandbox.lambda.LambdaJson;
import java.io.IOException;
import java.util.List;

/**
 * A function's answer under ReportBatchItemFailures: {@code {"batchItemFailures": [{"itemIdentifier": SEQ}]}} names
 * the records it could not process by sequence number. Read as Lambda reads it: no list, or an empty one, is
 * success; an identifier that is empty or not a record of the batch fails the whole batch.
 */
final class BatchItemFailures {
    private BatchItemFailures() {
    }

    /** The sequence the mapping goes on from: {@code next} when all succeeded, else the first failed record's. */
    static long firstFailed(byte[] answer, List<StreamRecord> batch, long next) {
        JsonNode failures;
        try {
            JsonNode root = answer.length == 0 ? null : LambdaJson.MAPPER.readTree(answer);
            failures = root == null || !root.isObject() ? null : root.get("batchItemFailures");
        } catch (IOException notJson) {
            return next;
        }
        if (failures == null || !failures.isArray() || failures.isEmpty()) {
            return next;
        }
        long first = next;
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            StreamRecord record = batch.stream().filter(r -> r.sequenceNumber().equals(id)).findFirst().orElse(null);
            if (record == null) {
                return batch.get(0).sequence();
            }
            first = Math.min(first, record.sequence());
        }
        return first;
    }
}
