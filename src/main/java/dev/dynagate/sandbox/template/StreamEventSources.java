package dev.dynagate.sandbox.template;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a template's DynamoDB events go: the sandbox's event source mappings. */
public interface StreamEventSources {
    /**
     * Wires {@code function} to the stream of {@code table} with a SAM DynamoDB event's properties (StartingPosition,
     * BatchSize, Enabled, MaximumRetryAttempts, FilterCriteria), replacing the settings of an existing mapping
     * between the two. Answers what was done; a problem is thrown as an IllegalArgumentException that says it.
     */
    String connect(String function, String table, JsonNode properties);
}
