package dev.dynagate.sandbox.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.testing.SdkClients;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class LambdaApiServiceTest {
    private static final String HANDLERS = TestHandlers.class.getName() + "$";

    @TempDir
    Path folder;
    Sandbox sandbox;
    SdkHttpClient http;
    LambdaClient lambda;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, folder.resolve("data")), line -> { },
                List.<Function<dev.dynagate.sandbox.SandboxContext, dev.dynagate.sandbox.SandboxComponent>>of(LambdaComponent::new));
        http = SdkClients.http();
        lambda = SdkClients.build(LambdaClient.builder(), sandbox.endpoint(), http);
    }

    @AfterEach
    void stop() {
        lambda.close();
        http.close();
        sandbox.close();
    }

    private CreateFunctionResponse create(String name, String handler, Map<String, String> tags) {
        return lambda.createFunction(b -> b.functionName(name).runtime("java17").handler(handler)
                .role("arn:aws:iam::000000000000:role/r").tags(tags).code(FunctionCode.builder().build()));
    }

    @Test
    void createGetListDelete() {
        CreateFunctionResponse created = create("echo", HANDLERS + "Echo", Map.of());
        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
        assertThat(created.timeout()).isEqualTo(3);
        assertThat(created.memorySize()).isEqualTo(128);
        assertThat(lambda.getFunction(b -> b.functionName("echo")).configuration().handler()).isEqualTo(HANDLERS + "Echo");
        assertThat(lambda.getFunction(b -> b.functionName(created.functionArn())).configuration().functionName())
                .isEqualTo("echo");
        assertThat(lambda.listFunctions().functions()).extracting(f -> f.functionName()).containsExactly("echo");
        assertThatThrownBy(() -> create("echo", HANDLERS + "Echo", Map.of()))
                .isInstanceOf(ResourceConflictException.class);
        lambda.deleteFunction(b -> b.functionName("echo"));
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("echo")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:000000000000:function:echo");
    }

    @Test
    void listPagesWithMarkerAndRefusesOtherRuntimes() {
        for (int i = 0; i < 3; i++) {
            create("f" + i, HANDLERS + "Echo", Map.of());
        }
        var first = lambda.listFunctions(b -> b.maxItems(2));
        assertThat(first.functions()).extracting(f -> f.functionName()).containsExactly("f0", "f1");
        var second = lambda.listFunctions(b -> b.maxItems(2).marker(first.nextMarker()));
        assertThat(second.functions()).extracting(f -> f.functionName()).containsExactly("f2");
        assertThat(second.nextMarker()).isNull();
        assertThat(lambda.listFunctionsPaginator(b -> b.maxItems(1)).functions()).hasSize(3);
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("py").runtime("python3.12")
                .handler("app.handler").role("arn:aws:iam::000000000000:role/r").code(c -> c.zipFile(
                        SdkBytes.fromUtf8String("x")))))
                .isInstanceOf(software.amazon.awssdk.services.lambda.model.InvalidParameterValueException.class)
                .hasMessageContaining("Java functions only");
    }

    @Test
    void invokeReturnsPayloadAndTailLog() {
        create("greet", HANDLERS + "Greeter", Map.of());
        InvokeResponse response = lambda.invoke(b -> b.functionName("greet").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("\"Ada\"")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("\"Hello, Ada\"");
        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log).startsWith("START RequestId: ").contains("REPORT RequestId: ");
    }

    @Test
    void handlerErrorIsStill200WithFunctionError() {
        create("fail", HANDLERS + "Failing", Map.of());
        InvokeResponse response = lambda.invoke(b -> b.functionName("fail").payload(SdkBytes.fromUtf8String("1")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("\"errorMessage\":\"boom: 1\"")
                .contains("\"errorType\":\"java.lang.IllegalStateException\"").contains("\"stackTrace\":[");
    }

    @Test
    void eventAndDryRunInvocationTypes() throws Exception {
        create("greet", HANDLERS + "Greeter", Map.of());
        assertThat(lambda.invoke(b -> b.functionName("greet").invocationType(InvocationType.DRY_RUN)).statusCode())
                .isEqualTo(204);
        assertThat(lambda.invoke(b -> b.functionName("greet").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("\"x\""))).statusCode()).isEqualTo(202);
        LambdaRuntime runtime = sandbox.component(LambdaComponent.class).runtime();
        for (int i = 0; i < 100 && runtime.invocations("greet").isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(runtime.invocations("greet")).hasSize(1);
    }

    @Test
    void codeFromAnUploadedJarRunsInItsOwnClassLoader() throws Exception {
        byte[] jar = compileToJar("""
                package ext;
                public class Probe implements com.amazonaws.services.lambda.runtime.RequestHandler<String, String> {
                    static int calls;
                    public String handleRequest(String in, com.amazonaws.services.lambda.runtime.Context c) {
                        calls++;
                        String seen;
                        try {
                            Class.forName("dev.dynagate.sandbox.Sandbox");
                            seen = "visible";
                        } catch (ClassNotFoundException e) {
                            seen = "hidden";
                        }
                        return seen + " " + calls + " " + getClass().getClassLoader().getName();
                    }
                }
                """);
        lambda.createFunction(b -> b.functionName("probe").runtime("java17").handler("ext.Probe")
                .role("arn:aws:iam::000000000000:role/r").code(c -> c.zipFile(SdkBytes.fromByteArray(jar))));
        String first = lambda.invoke(b -> b.functionName("probe").payload(SdkBytes.fromUtf8String("\"x\"")))
                .payload().asUtf8String();
        String second = lambda.invoke(b -> b.functionName("probe").payload(SdkBytes.fromUtf8String("\"x\"")))
                .payload().asUtf8String();
        assertThat(first).isEqualTo("\"hidden 1 lambda-function\"");
        assertThat(second).isEqualTo("\"hidden 2 lambda-function\"");
        assertThat(lambda.getFunction(b -> b.functionName("probe")).configuration().codeSize()).isEqualTo(jar.length);
    }

    private byte[] compileToJar(String source) throws Exception {
        Path src = folder.resolve("src/ext/Probe.java");
        Path classes = folder.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(status).isZero();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("ext/Probe.class"));
            zip.write(Files.readAllBytes(classes.resolve("ext/Probe.class")));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
