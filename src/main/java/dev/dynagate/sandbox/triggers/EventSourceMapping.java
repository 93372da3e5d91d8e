package dev.dynagate.sandbox.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.lambda.LambdaJson;
import java.util.List;

/**
 * A DynamoDB stream wired to a Lambda function, as CreateEventSourceMapping defines it.
 *
 * @param startingPosition     LATEST or TRIM_HORIZON
 * @param maximumRetryAttempts how often a failed batch is retried before it is skipped; -1 retries until it succeeds
 * @param filterCriteria       Lambda's FilterCriteria ({@code {"Filters":[{"Pattern":"…"}]}}), or null
 * @param responseTypes        FunctionResponseTypes: ReportBatchItemFailures, or none (null in older files)
 */
public record EventSourceMapping(String uuid, String eventSourceArn, String functionName, String startingPosition,
                                 int batchSize, boolean enabled, int maximumRetryAttempts, JsonNode filterCriteria,
                                 long lastModifiedMillis, List<String> responseTypes) {
    static final String ITEM_FAILURES = "ReportBatchItemFailures";

    public EventSourceMapping {
        responseTypes = responseTypes == null ? List.of() : List.copyOf(responseTypes);
    }

    /** Whether the function may name the records it failed, so only those and what follows are tried again. */
    boolean reportsItemFailures() {
        return responseTypes.contains(ITEM_FAILURES);
    }

    /** The mapping with UpdateEventSourceMapping's changes; a null argument keeps what there is. */
    EventSourceMapping withChanges(Settings changes, long now) {
        return new EventSourceMapping(uuid, eventSourceArn, changes.function() == null ? functionName
                : changes.function(), startingPosition, changes.batchSize() == null ? batchSize : changes.batchSize(),
                changes.enabled() == null ? enabled : changes.enabled(), changes.retries() == null
                ? maximumRetryAttempts : changes.retries(), changes.filters() == null ? filterCriteria
                : changes.filters(), now, changes.responseTypes() == null ? responseTypes : changes.responseTypes());
    }

    /** What an update may change; null: unchanged. */
    record Settings(String function, Boolean enabled, Integer batchSize, Integer retries, JsonNode filters,
                    List<String> responseTypes) {
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
        responseTypes.forEach(out.putArray("FunctionResponseTypes")::add);
        return out;
    }
}
