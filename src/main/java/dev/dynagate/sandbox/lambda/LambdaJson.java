package dev.dynagate.sandbox.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping used between invocation payloads and handler types. Lenient like Lambda's own serializer:
 * unknown fields are ignored, property names match case-insensitively, nulls are left out of results, and a DynamoDB
 * stream record's time is read in seconds ({@link StreamRecordDates}).
 */
public final class LambdaJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord.class,
                    StreamRecordDates.class)
            .build();

    private LambdaJson() {
    }
}
