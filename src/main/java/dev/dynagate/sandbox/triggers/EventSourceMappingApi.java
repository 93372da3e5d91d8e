package dev.dynagate.sandbox.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.streams.StreamStore;
import dev.dynagate.sandbox.dynamodb.streams.TableStream;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import dev.dynagate.sandbox.http.SandboxService;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.lambda.LambdaApiError;
import dev.dynagate.sandbox.lambda.LambdaApiService;
import dev.dynagate.sandbox.lambda.LambdaJson;
import dev.dynagate.sandbox.lambda.LambdaRest;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

/**
 * Lambda's event source mappings under {@code /2015-03-31/event-source-mappings}: Create, Get, List, Update and
 * Delete, for DynamoDB streams of this sandbox. The mappings are kept in the data folder; {@link StreamTriggers} runs
 * them.
 */
final class EventSourceMappingApi implements SandboxService {
    private static final String PREFIX = "/2015-03-31/event-source-mappings";
    private static final int MAX_BATCH = 10_000;

    private final LambdaRuntime lambda;
    private final StreamStore streams;
    private final MappingStore store;
    private final LongSupplier clock;
    private final Map<String, EventSourceMapping> mappings = new ConcurrentSkipListMap<>();
    private StreamTriggers triggers;

    EventSourceMappingApi(LambdaRuntime lambda, StreamStore streams, MappingStore store, LongSupplier clock) {
        this.lambda = lambda;
        this.streams = streams;
        this.store = store;
        this.clock = clock;
        store.loadAll().forEach(m -> mappings.put(m.uuid(), m));
    }

    void runBy(StreamTriggers runner) {
        this.triggers = runner;
    }

    Collection<EventSourceMapping> mappings() {
        return mappings.values();
    }

    @Override
    public boolean accepts(SandboxRequest request) {
        return request.path().equals(PREFIX) || request.path().startsWith(PREFIX + "/");
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        try {
            return route(request);
        } catch (LambdaApiError e) {
            return e.response();
        } catch (IOException | IllegalArgumentException e) {
            return new LambdaApiError(400, "InvalidParameterValueException", e.getMessage()).response();
        }
    }

    private SandboxResponse route(SandboxRequest request) throws IOException {
        String rest = request.path().substring(PREFIX.length());
        String uuid = rest.replaceAll("^/+|/+$", "");
        if (uuid.isEmpty()) {
            return switch (request.method()) {
                case "POST" -> LambdaRest.json(202, create(LambdaRest.body(request)));
                case "GET" -> list(LambdaRest.query(request));
                default -> throw LambdaRest.unknownOperation(request);
            };
        }
        EventSourceMapping mapping = mappings.get(URLDecoder.decode(uuid, StandardCharsets.UTF_8));
        if (mapping == null) {
            throw new LambdaApiError(404, "ResourceNotFoundException", "The resource you requested does not exist.");
        }
        return switch (request.method()) {
            case "GET" -> LambdaRest.json(200, mapping.json(mapping.enabled() ? "Enabled" : "Disabled",
                    triggers.lastResult(mapping.uuid())));
            case "PUT" -> LambdaRest.json(202, update(mapping, LambdaRest.body(request)));
            case "DELETE" -> LambdaRest.json(202, delete(mapping));
            default -> throw LambdaRest.unknownOperation(request);
        };
    }

    private ObjectNode create(JsonNode body) {
        String function = function(LambdaRest.required(body, "FunctionName"));
        String source = LambdaRest.required(body, "EventSourceArn");
        TableStream stream = streams.stream(source);
        if (stream == null) {
            throw new LambdaApiError(400, "InvalidParameterValueException", source.contains(":dynamodb:")
                    ? "Stream not found: " + source
                    : "The sandbox triggers functions from its own DynamoDB streams only; " + source + " is not one.");
        }
        String start = LambdaRest.required(body, "StartingPosition");
        if (!start.equals("LATEST") && !start.equals("TRIM_HORIZON")) {
            throw new LambdaApiError(400, "InvalidParameterValueException", "StartingPosition " + start + " is not "
                    + "valid for a DynamoDB stream: use LATEST or TRIM_HORIZON.");
        }
        JsonNode filters = body.hasNonNull("FilterCriteria") ? body.get("FilterCriteria") : null;
        EventFilter.of(filters);
        boolean enabled = !body.hasNonNull("Enabled") || body.get("Enabled").asBoolean();
        List<String> responseTypes = responseTypes(body.path("FunctionResponseTypes"));
        EventSourceMapping mapping = new EventSourceMapping(UUID.randomUUID().toString(), stream.arn(), function,
                start, batchSize(body.path("BatchSize"), 100), enabled, retries(body.path("MaximumRetryAttempts"), -1),
                filters, clock.getAsLong(), responseTypes);
        store.save(mapping);
        triggers.place(mapping, stream);
        mappings.put(mapping.uuid(), mapping);
        return mapping.json("Creating", "No records processed");
    }

    /**
     * A template's event: a new mapping between the function and the stream, or new settings for the one there is
     * (loading a template again must not double the triggers). Answers what was done.
     */
    String connect(JsonNode body) {
        String function = function(LambdaRest.required(body, "FunctionName"));
        String source = LambdaRest.required(body, "EventSourceArn");
        for (EventSourceMapping existing : mappings.values()) {
            if (existing.functionName().equals(function) && existing.eventSourceArn().equals(source)) {
                update(existing, body);
                return "function " + function + " stays triggered by " + source;
            }
        }
        create(body);
        return "function " + function + " triggered by " + source;
    }

    private ObjectNode update(EventSourceMapping mapping, JsonNode body) {
        String function = body.hasNonNull("FunctionName") ? function(body.get("FunctionName").asText()) : null;
        JsonNode filters = body.hasNonNull("FilterCriteria") ? body.get("FilterCriteria") : null;
        EventFilter.of(filters);
        EventSourceMapping changed = mapping.withChanges(new EventSourceMapping.Settings(function,
                body.hasNonNull("Enabled") ? body.get("Enabled").asBoolean() : null,
                body.hasNonNull("BatchSize") ? batchSize(body.get("BatchSize"), 100) : null,
                body.hasNonNull("MaximumRetryAttempts") ? retries(body.get("MaximumRetryAttempts"), -1) : null,
                filters, body.hasNonNull("FunctionResponseTypes") ? responseTypes(body.get("FunctionResponseTypes"))
                : null), clock.getAsLong());
        store.save(changed);
        mappings.put(changed.uuid(), changed);
        return changed.json("Updating", triggers.lastResult(mapping.uuid()));
    }

    private ObjectNode delete(EventSourceMapping mapping) {
        store.delete(mapping.uuid());
        mappings.remove(mapping.uuid());
        String last = triggers.lastResult(mapping.uuid());
        triggers.forget(mapping.uuid());
        return mapping.json("Deleting", last);
    }

    /** ListEventSourceMappings, by function and event source, paged by {@code MaxItems} and {@code Marker}. */
    private SandboxResponse list(Map<String, String> query) {
        String function = query.containsKey("FunctionName") ? function(query.get("FunctionName")) : null;
        String source = query.get("EventSourceArn");
        List<EventSourceMapping> matching = new ArrayList<>();
        for (EventSourceMapping m : mappings.values()) {
            if ((function == null || m.functionName().equals(function))
                    && (source == null || m.eventSourceArn().equals(source))) {
                matching.add(m);
            }
        }
        int from = query.containsKey("Marker") ? Integer.parseInt(query.get("Marker")) : 0;
        int max = query.containsKey("MaxItems") ? Math.max(1, Math.min(10_000, Integer.parseInt(query.get("MaxItems"))))
                : 100;
        ObjectNode out = LambdaJson.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("EventSourceMappings");
        int to = Math.min(matching.size(), from + max);
        for (EventSourceMapping m : matching.subList(Math.min(from, to), to)) {
            list.add(m.json(m.enabled() ? "Enabled" : "Disabled", triggers.lastResult(m.uuid())));
        }
        if (to < matching.size()) {
            out.put("NextMarker", Integer.toString(to));
        }
        return LambdaRest.json(200, out);
    }

    /** The function's name, which must exist. */
    private String function(String nameOrArn) {
        String name = LambdaApiService.functionName(nameOrArn);
        if (lambda.function(name).isEmpty()) {
            throw new LambdaApiError(404, "ResourceNotFoundException", "Function not found: "
                    + FunctionDefinition.arn(name));
        }
        return name;
    }

    private static int batchSize(JsonNode node, int fallback) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        int size = node.asInt();
        if (size < 1 || size > MAX_BATCH) {
            throw new LambdaApiError(400, "InvalidParameterValueException", "BatchSize must be between 1 and "
                    + MAX_BATCH + " for a DynamoDB stream; it was " + node.asText() + ".");
        }
        return size;
    }

    /** FunctionResponseTypes: none, or ReportBatchItemFailures. */
    private static List<String> responseTypes(JsonNode node) {
        List<String> types = new ArrayList<>();
        for (JsonNode type : node) {
            if (!type.asText().equals(EventSourceMapping.ITEM_FAILURES)) {
                throw new LambdaApiError(400, "InvalidParameterValueException", "FunctionResponseTypes may hold "
                        + EventSourceMapping.ITEM_FAILURES + " only; it held " + type + ".");
            }
            types.add(type.asText());
        }
        return types;
    }

    private static int retries(JsonNode node, int fallback) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        int retries = node.asInt();
        if (retries < -1 || retries > 10_000) {
            throw new LambdaApiError(400, "InvalidParameterValueException", "MaximumRetryAttempts must be between -1 "
                    + "(retry until it succeeds) and 10000; it was " + node.asText() + ".");
        }
        return retries;
    }
}
