package dev.dynagate.sandbox.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaRuntimeTest {
    private static final String HANDLERS = TestHandlers.class.getName() + "$";

    @TempDir
    Path folder;
    LambdaRuntime runtime;

    @BeforeEach
    void start() {
        runtime = new LambdaRuntime(folder, URI.create("http://127.0.0.1:4566"));
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestHandlerGetsDeserializedInputAndContext() throws Exception {
        runtime.create(FunctionDefinition.builtIn("echo", HANDLERS + "Echo"));
        InvocationResult result = runtime.invoke("echo", json("{\"a\":1}"));
        Map<?, ?> out = LambdaJson.MAPPER.readValue(result.payload(), Map.class);
        assertThat(result.failed()).isFalse();
        assertThat(out.get("a")).isEqualTo(1);
        assertThat(out.get("functionName")).isEqualTo("echo");
        assertThat(out.get("arn")).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
        assertThat(out.get("requestId")).isEqualTo(result.invocation().requestId());
        assertThat((Integer) out.get("remaining")).isBetween(1, 3000);
    }

    @Test
    void stringAndStreamAndMethodHandlers() {
        runtime.create(FunctionDefinition.builtIn("greet", HANDLERS + "Greeter"));
        runtime.create(FunctionDefinition.builtIn("upper", HANDLERS + "Upper"));
        runtime.create(FunctionDefinition.builtIn("twice", HANDLERS + "Plain::twice"));
        runtime.create(FunctionDefinition.builtIn("pojo", HANDLERS + "Pojo"));
        assertThat(runtime.invoke("pojo", json("{\"subjectId\":\"S-1\",\"temperature\":38.4,\"extra\":1}"))
                .payloadText()).isEqualTo("{\"subject\":\"S-1\",\"fever\":true}");
        assertThat(runtime.invoke("greet", json("\"Ada\"")).payloadText()).isEqualTo("\"Hello, Ada\"");
        assertThat(runtime.invoke("upper", json("{\"x\":\"y\"}")).payloadText()).isEqualTo("{\"X\":\"Y\"}");
        assertThat(runtime.invoke("twice", json("21")).payloadText()).isEqualTo("42");
    }

    @Test
    void firstInvocationIsColdAndLogsLikeLambda() {
        runtime.create(FunctionDefinition.builtIn("chatty", HANDLERS + "Chatty"));
        Invocation first = runtime.invoke("chatty", json("{}")).invocation();
        Invocation second = runtime.invoke("chatty", json("{}")).invocation();
        assertThat(first.coldStart()).isTrue();
        assertThat(second.coldStart()).isFalse();
        String id = first.requestId();
        assertThat(first.log()).startsWith("START RequestId: " + id + " Version: $LATEST\n")
                .contains("via logger\n").contains("via stdout\n")
                .containsPattern("END RequestId: " + id + "\nREPORT RequestId: " + id
                        + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB"
                        + "\tMax Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d\\d ms\n$");
        assertThat(second.log()).doesNotContain("Init Duration");
        assertThat(runtime.invocations("chatty")).extracting(Invocation::requestId)
                .containsExactly(first.requestId(), second.requestId());
    }

    @Test
    void aFloodingFunctionsLogIsCappedButKeepsItsReport() {
        runtime.create(FunctionDefinition.builtIn("flood", HANDLERS + "Flood"));
        Invocation invocation = runtime.invoke("flood", json("{}")).invocation();
        assertThat(invocation.log().length()).isLessThan(InvocationLog.LIMIT + 1000);
        assertThat(invocation.log()).contains("log output beyond 1 MB dropped").contains("REPORT RequestId: ");
    }

    @Test
    void handlerExceptionBecomesLambdaErrorDocumentAndStackTraceInLog() throws Exception {
        runtime.create(FunctionDefinition.builtIn("fail", HANDLERS + "Failing"));
        InvocationResult result = runtime.invoke("fail", json("\"x\""));
        assertThat(result.functionError()).isEqualTo("Unhandled");
        Map<?, ?> error = LambdaJson.MAPPER.readValue(result.payload(), Map.class);
        assertThat(error.get("errorMessage")).isEqualTo("boom: x");
        assertThat(error.get("errorType")).isEqualTo("java.lang.IllegalStateException");
        assertThat((List<?>) error.get("stackTrace")).first().asString().contains("TestHandlers$Failing.handleRequest");
        assertThat(result.invocation().outcome()).isEqualTo(Invocation.Outcome.ERROR);
        assertThat(result.invocation().log()).contains("java.lang.IllegalStateException: boom: x\n\tat ");
    }

    @Test
    void unknownHandlerClassIsAnInvocationError() throws Exception {
        runtime.create(FunctionDefinition.builtIn("ghost", "com.example.Missing"));
        InvocationResult result = runtime.invoke("ghost", json("{}"));
        assertThat(result.failed()).isTrue();
        assertThat(result.payloadText()).contains("\"errorType\":\"java.lang.ClassNotFoundException\"")
                .contains("\"errorMessage\":\"Class not found: com.example.Missing\"");
    }

    @Test
    void timeoutAbandonsTheInvocation() {
        runtime.create(FunctionDefinition.builtIn("slow", HANDLERS + "Slow").withTimeout(1));
        long start = System.nanoTime();
        InvocationResult result = runtime.invoke("slow", json("{\"millis\":10000}"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        assertThat(result.timedOut()).isTrue();
        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.payloadText()).contains("Task timed out after 1.00 seconds");
        assertThat(result.invocation().log()).containsPattern("Z " + result.invocation().requestId()
                + " Task timed out after 1.00 seconds\nEND RequestId");
    }

    @Test
    void environmentIsPerFunctionAndIncludesLambdaVariables() {
        runtime.create(FunctionDefinition.builtIn("env", HANDLERS + "Env").withEnvironment(Map.of("TABLE", "Experiments")));
        assertThat(runtime.invoke("env", json("\"TABLE\"")).payloadText()).isEqualTo("\"Experiments\"");
        assertThat(runtime.invoke("env", json("\"AWS_LAMBDA_FUNCTION_NAME\"")).payloadText()).isEqualTo("\"env\"");
        assertThat(runtime.invoke("env", json("\"AWS_ENDPOINT_URL_DYNAMODB\"")).payloadText())
                .isEqualTo("\"http://127.0.0.1:4566\"");
        assertThat(LambdaEnvironment.getenv("TABLE")).isNull();
    }

    @Test
    void concurrentInvocationsRunInSeparateEnvironments() throws Exception {
        runtime.create(FunctionDefinition.builtIn("slow", HANDLERS + "Slow"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<InvocationResult>> results = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> runtime.invoke("slow", json("{\"millis\":500}"))));
            }
            for (Future<InvocationResult> f : results) {
                assertThat(f.get().payloadText()).isEqualTo("\"slept\"");
            }
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1800);
            assertThat(runtime.invocations("slow")).filteredOn(Invocation::coldStart).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void definitionsPersistAndListenersHearInvocations() {
        List<Invocation> heard = new CopyOnWriteArrayList<>();
        runtime.addListener(heard::add);
        runtime.create(FunctionDefinition.builtIn("greet", HANDLERS + "Greeter"));
        runtime.invoke("greet", json("\"x\""));
        assertThat(heard).hasSize(1);
        assertThatThrownBy(() -> runtime.create(FunctionDefinition.builtIn("greet", "x")))
                .isInstanceOf(FunctionExistsException.class);
        runtime.close();
        runtime = new LambdaRuntime(folder, URI.create("http://127.0.0.1:4566"));
        assertThat(runtime.functions()).extracting(FunctionDefinition::name).containsExactly("greet");
        assertThatThrownBy(() -> runtime.invoke("nope", new byte[0])).isInstanceOf(FunctionNotFoundException.class);
    }
}
