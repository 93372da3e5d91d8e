package dev.dynagate.sandbox.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.lambda.LambdaJson;

/**
 * A DynamoDB stream wired to a Lambda function, as CreateEventSourceMapping defines it.
 *
 * @param startingPosition     LATEST or TRIM_HORIZON
 * @param maximumRetryAttempts how often a failed batch is retried before it is skipped; -1 retries until it succeeds
 * @param filterCriteria       Lambda's FilterCriteria ({@code {"Filters":[{"Pattern":"…"}]}}), or null
 */
public record EventSourceMapping(String uuid, String eventSourceArn, String functionName, String startingPosition,
                                 int batchSize, boolean enabled, int maximumRetryAttempts, JsonNode filterCriteria,
                                 long lastModifiedMillis) {

    EventSourceMapping withChanges(String function, Boolean on, Integer batch, Integer retries, JsonNode filters,
                                   long now) {
        return new EventSourceMapping(uuid, eventSourceArn, function == null ? functionName : function,
                startingPosition, batch == null ? batchSize : batch, on == null ? enabled : on,
                retries == null ? maximumRetryAttempts : retries, filters == null ? filterCriteria : filters, now);
    }

    /** The mapping as Lambda's API answers it, in the given state. */
    ObjectNode json(String state, String lastProcessingResult) {
        ObjectNode out = LambdaJson.MAPPER.createObjectNode();
        out.put("UUID", uuid).put("StartingPosition", startingPosition).put("BatchSize", batchSize)
                .put("MaximumBatchingWindowInSeconds", 0).put("ParallelizationFactor", 1)
                .put("EventSourceArn", eventSourceArn);
        if (filterCriteria != null) {
            out.set("FilterCriteria", filterCriteria);
        }
        out.put("FunctionArn", FunctionDefinition.arn(functionName)).put("LastModified", lastModifiedMillis / 1000.0)
                .put("LastProcessingResult", lastProcessingResult).put("State", state)
                .put("StateTransitionReason", "User action");
        out.putObject("DestinationConfig").putObject("OnFailure");
        out.put("MaximumRecordAgeInSeconds", -1).put("BisectBatchOnFunctionError", false)
                .put("MaximumRetryAttempts", maximumRetryAttempts).put("TumblingWindowInSeconds", 0);
        out.putArray("FunctionResponseTypes");
        return out;
    }
}
