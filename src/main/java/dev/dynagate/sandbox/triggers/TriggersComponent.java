package dev.dynagate.sandbox.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.SandboxComponent;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.dynamodb.DynamoDbComponent;
import dev.dynagate.sandbox.dynamodb.streams.StreamStore;
import dev.dynagate.sandbox.dynamodb.streams.TableStream;
import dev.dynagate.sandbox.http.SandboxService;
import dev.dynagate.sandbox.lambda.LambdaApiError;
import dev.dynagate.sandbox.lambda.LambdaJson;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import dev.dynagate.sandbox.template.StreamEventSources;
import java.util.List;

/** Lambda functions triggered by DynamoDB streams: the event source mapping API and the pollers that run them. */
public final class TriggersComponent implements SandboxComponent, StreamEventSources {
    private final EventSourceMappingApi api;
    private final StreamTriggers triggers;
    private final StreamStore streams;

    public TriggersComponent(SandboxContext context, LambdaRuntime lambda, DynamoDbComponent dynamoDb) {
        streams = dynamoDb.streams();
        api = new EventSourceMappingApi(lambda, streams, new MappingStore(context.dataDir("lambda"), context.log()),
                System::currentTimeMillis);
        triggers = new StreamTriggers(streams, lambda, api::mappings, System::currentTimeMillis);
        api.runBy(triggers);
    }

    @Override
    public String connect(String function, String table, JsonNode properties) {
        TableStream stream = streams.streams().stream().filter(s -> s.table().equals(table) && s.enabled())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("table " + table + " has no stream "
                        + "for function " + function + ": give it a StreamSpecification"));
        ObjectNode body = LambdaJson.MAPPER.createObjectNode().put("FunctionName", function)
                .put("EventSourceArn", stream.arn())
                .put("StartingPosition", properties.path("StartingPosition").asText("LATEST"));
        for (String field : List.of("BatchSize", "Enabled", "MaximumRetryAttempts", "FilterCriteria")) {
            if (properties.hasNonNull(field)) {
                body.set(field, properties.get(field));
            }
        }
        try {
            return api.connect(body);
        } catch (LambdaApiError e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public List<SandboxService> services() {
        return List.of(api);
    }

    @Override
    public void started(SandboxContext context) {
        triggers.start();
    }

    @Override
    public void close() {
        triggers.close();
    }
}
