package dev.dynagate.sandbox.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.lambda.Invocation;
import dev.dynagate.sandbox.lambda.LambdaComponent;
import dev.dynagate.sandbox.lambda.TestHandlers;
import dev.dynagate.sandbox.testing.SdkClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** A DynamoDB stream triggering a Java function in the sandbox, set up with the SDK's Lambda client as on AWS. */
class StreamTriggersTest {
    private static final String HANDLERS = TestHandlers.class.getName() + "$";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    Sandbox sandbox;
    SdkHttpClient http;
    LambdaClient lambda;
    DynamoDbClient dynamoDb;
    String streamArn;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, folder.resolve("data")), line -> { });
        http = SdkClients.http();
        lambda = SdkClients.build(LambdaClient.builder(), sandbox.endpoint(), http);
        dynamoDb = SdkClients.build(DynamoDbClient.builder(), sandbox.endpoint(), http);
        streamArn = dynamoDb.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        function("printer", "PrintEvent");
        function("failing", "Failing");
    }

    @AfterEach
    void stop() {
        lambda.close();
        dynamoDb.close();
        http.close();
        sandbox.close();
    }

    private void function(String name, String handler) {
        lambda.createFunction(b -> b.functionName(name).runtime("java17").handler(HANDLERS + handler)
                .role("arn:aws:iam::000000000000:role/r").code(FunctionCode.builder().build()));
    }

    private void put(String id, String status) {
        dynamoDb.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS(id),
                "status", AttributeValue.fromS(status))));
    }

    private List<Invocation> invocations(String function) {
        return sandbox.component(LambdaComponent.class).runtime().invocations(function);
    }

    /** The records of every event the printer got, in order. */
    private List<JsonNode> received() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (Invocation invocation : invocations("printer")) {
            for (String line : invocation.log().split("\n")) {
                if (line.startsWith("EVENT ")) {
                    JSON.readTree(line.substring("EVENT ".length())).path("Records").forEach(records::add);
                }
            }
        }
        return records;
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.get() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(condition.get()).as("reached within 20 s").isTrue();
    }

    @Test
    void everyChangeReachesTheFunctionInOrderAsTheStreamEvent() throws Exception {
        put("before", "new");
        CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(b -> b.functionName("printer")
                .eventSourceArn(streamArn).startingPosition(EventSourcePosition.LATEST).batchSize(10));
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.functionArn()).endsWith(":function:printer");
        assertThat(created.eventSourceArn()).isEqualTo(streamArn);
        put("a", "new");
        put("a", "paid");
        dynamoDb.deleteItem(b -> b.tableName("Orders").key(Map.of("id", AttributeValue.fromS("a"))));

        await(() -> unchecked(this::received).size() == 3);
        List<JsonNode> records = received();
        assertThat(records).extracting(r -> r.path("eventName").asText()).containsExactly("INSERT", "MODIFY",
                "REMOVE");
        JsonNode modify = records.get(1);
        assertThat(modify.path("eventSourceARN").asText()).isEqualTo(streamArn);
        assertThat(modify.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(modify.path("dynamodb").path("OldImage").path("status").path("S").asText()).isEqualTo("new");
        assertThat(modify.path("dynamodb").path("NewImage").path("status").path("S").asText()).isEqualTo("paid");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())))
                .satisfies(m -> {
                    assertThat(m.state()).isEqualTo("Enabled");
                    assertThat(m.lastProcessingResult()).isEqualTo("OK");
                });
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("printer")).eventSourceMappings())
                .singleElement().satisfies(m -> assertThat(m.uuid()).isEqualTo(created.uuid()));
    }

    @Test
    void anItemTimeToLiveDeletesReachesTheFunctionAsTheServicesRemove() throws Exception {
        dynamoDb.updateTimeToLive(b -> b.tableName("Orders").timeToLiveSpecification(t -> t.enabled(true)
                .attributeName("expires")));
        lambda.createEventSourceMapping(b -> b.functionName("printer").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.LATEST).filterCriteria(f -> f.filters(p -> p.pattern(
                        "{\"userIdentity\":{\"type\":[\"Service\"]}}"))));
        dynamoDb.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS("old"),
                "expires", AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 - 60)))));

        await(() -> unchecked(this::received).size() == 1);
        JsonNode expired = received().get(0);
        assertThat(expired.path("eventName").asText()).isEqualTo("REMOVE");
        assertThat(expired.path("userIdentity").path("principalId").asText()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(expired.path("userIdentity").path("type").asText()).isEqualTo("Service");
    }

    @Test
    void aJavaFunctionReadsTheEventAsTheEventsLibrarysDynamodbEvent() throws Exception {
        function("pojo", "StreamEvents");
        lambda.createEventSourceMapping(b -> b.functionName("pojo").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.LATEST));
        dynamoDb.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS("p"),
                "n", AttributeValue.fromN("1.5"), "none", AttributeValue.fromNul(true),
                "ok", AttributeValue.fromBool(false), "tags", AttributeValue.fromSs(List.of("b", "a")),
                "bytes", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {1, 2})),
                "nested", AttributeValue.fromM(Map.of("x", AttributeValue.fromS("y"))),
                "list", AttributeValue.fromL(List.of(AttributeValue.fromS("z"))))));
        dynamoDb.deleteItem(b -> b.tableName("Orders").key(Map.of("id", AttributeValue.fromS("p"))));

        await(() -> invocations("pojo").stream().mapToLong(i -> i.log().lines().filter(l -> l.startsWith("POJO"))
                .count()).sum() == 2);
        List<String> lines = invocations("pojo").stream().flatMap(i -> i.log().lines())
                .filter(l -> l.startsWith("POJO")).toList();
        int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        assertThat(lines.get(0)).isEqualTo("POJO INSERT true year=" + year + " keys=p new={bytes=B:2, id=S:p, "
                + "list=L:1, n=N:1.5, nested=M:[x], none=NULL, ok=BOOL:false, tags=SS:[a, b]} old=none seq="
                + lines.get(0).replaceAll(".* seq=(\\d+) .*", "$1") + " view=NEW_AND_OLD_IMAGES");
        assertThat(lines.get(1)).startsWith("POJO REMOVE true").contains(" new=none old={bytes=B:2");
    }

    @Test
    void aFunctionReportingItemFailuresGetsTheFailedRecordAndWhatFollowsAgain() throws Exception {
        function("marked", "FailMarked");
        String uuid = lambda.createEventSourceMapping(b -> b.functionName("marked").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).enabled(false).maximumRetryAttempts(1)
                .functionResponseTypes(software.amazon.awssdk.services.lambda.model.FunctionResponseType
                        .REPORT_BATCH_ITEM_FAILURES)).uuid();
        put("a", "new");
        dynamoDb.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS("b"),
                "fail", AttributeValue.fromBool(true))));
        put("c", "new");
        assertThat(lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true)).functionResponseTypesAsStrings())
                .containsExactly("ReportBatchItemFailures");

        await(() -> batches("marked").size() >= 2);
        Thread.sleep(3_000);
        assertThat(batches("marked")).as("a and c's predecessor done; b retried once with what follows, then skipped")
                .containsExactly("a,b,c", "b,c");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult())
                .isEqualTo("PROBLEM: Function call failed");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("marked")
                .eventSourceArn(streamArn).startingPosition(EventSourcePosition.LATEST)
                .functionResponseTypesWithStrings("Everything")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("FunctionResponseTypes");
    }

    private List<String> batches(String function) {
        return invocations(function).stream().flatMap(i -> i.log().lines()).filter(l -> l.startsWith("BATCH "))
                .map(l -> l.substring("BATCH ".length())).toList();
    }

    @Test
    void aFilterLetsOnlyMatchingRecordsThrough() throws Exception {
        lambda.createEventSourceMapping(b -> b.functionName("printer").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).filterCriteria(f -> f.filters(p -> p.pattern(
                        "{\"eventName\":[\"INSERT\",\"MODIFY\"],\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":"
                                + "[{\"prefix\":\"pa\"}]}}}}"))));
        put("a", "new");
        put("b", "paid");
        put("c", "parked");
        put("d", "shipped");

        await(() -> unchecked(this::received).size() >= 2 && lambda.getEventSourceMapping(b -> b.uuid(
                lambda.listEventSourceMappings().eventSourceMappings().get(0).uuid())).lastProcessingResult()
                .equals("OK"));
        Thread.sleep(3 * StreamTriggers.POLL_MILLIS);
        assertThat(received()).extracting(r -> r.path("dynamodb").path("Keys").path("id").path("S").asText())
                .containsExactly("b", "c");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("printer")
                .eventSourceArn(streamArn).startingPosition(EventSourcePosition.LATEST)
                .filterCriteria(f -> f.filters(p -> p.pattern("{\"eventName\":\"INSERT\"}")))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Invalid filter pattern");
    }

    @Test
    void aFailingBatchIsRetriedThenSkippedAfterMaximumRetryAttempts() throws Exception {
        String uuid = lambda.createEventSourceMapping(b -> b.functionName("failing").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.LATEST).maximumRetryAttempts(1)).uuid();
        put("a", "new");
        await(() -> invocations("failing").size() >= 2);
        Thread.sleep(2_000);
        assertThat(invocations("failing")).as("the first attempt and one retry, then the batch is skipped")
                .hasSize(2).allSatisfy(i -> assertThat(i.outcome()).isEqualTo(Invocation.Outcome.ERROR));
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult())
                .isEqualTo("PROBLEM: Function call failed");

        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false));
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Disabled");
        assertThat(lambda.deleteEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Deleting");
        assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid(uuid)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void mappingsSurviveARestartAndMistakesAreRefused() throws Exception {
        String uuid = lambda.createEventSourceMapping(b -> b.functionName("printer").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.LATEST)).uuid();
        stop();
        sandbox = Sandbox.start(SandboxOptions.of(0, folder.resolve("data")), line -> { });
        http = SdkClients.http();
        lambda = SdkClients.build(LambdaClient.builder(), sandbox.endpoint(), http);
        dynamoDb = SdkClients.build(DynamoDbClient.builder(), sandbox.endpoint(), http);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Enabled");
        put("after-restart", "new");
        await(() -> unchecked(this::received).size() == 1);

        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("nobody")
                .eventSourceArn(streamArn).startingPosition(EventSourcePosition.LATEST)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Function not found");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("printer")
                .eventSourceArn(streamArn.replace("Orders", "Nothing")).startingPosition(EventSourcePosition.LATEST)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Stream not found");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("printer")
                .eventSourceArn("arn:aws:sqs:us-east-1:000000000000:queue")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("DynamoDB streams only");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("printer")
                .eventSourceArn(streamArn).startingPosition(EventSourcePosition.LATEST).batchSize(20_000)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("BatchSize");
    }

    private static <T> T unchecked(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
