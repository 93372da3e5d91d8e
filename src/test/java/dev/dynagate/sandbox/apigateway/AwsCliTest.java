package dev.dynagate.sandbox.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxComponents;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.testing.Peers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI, unmodified, against the sandbox with {@code --endpoint-url}. */
class AwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    Sandbox sandbox;
    Path aws;

    @BeforeEach
    void start() throws Exception {
        aws = Peers.executable("/usr/bin/aws");
        if (aws == null) {
            aws = Peers.require("aws", "the AWS CLI v2, Debian package awscli");
        }
        sandbox = Sandbox.start(SandboxOptions.of(0, folder.resolve("data")), line -> { }, SandboxComponents.standard());
        ApiGatewayComponent component = sandbox.component(ApiGatewayComponent.class);
        component.lambda().create(FunctionDefinition.builtIn("greet",
                dev.dynagate.sandbox.lambda.TestHandlers.Greeter.class.getName()));
        ApiDefinitions apis = component.definitions();
        String httpApi = apis.createHttpApi("experiments-api");
        apis.addLambdaRoute(httpApi, "GET /experiments", "greet", "2.0");
        apis.addStage(httpApi, "$default", true);
        String restApi = apis.createRestApi("experiments-proxy");
        apis.addLambdaMethod(restApi, apis.resource(restApi, "/{proxy+}"), "ANY", "greet");
        apis.deploy(restApi, "dev");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", sandbox.endpoint().toString(), "--region", "us-east-1",
                "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "sandbox");
        env.put("AWS_SECRET_ACCESS_KEY", "sandbox");
        env.put("AWS_CONFIG_FILE", folder.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", folder.resolve("no-credentials").toString());
        env.put("AWS_PAGER", "");
        env.remove("AWS_PROFILE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private boolean version2() throws Exception {
        Process process = new ProcessBuilder(aws.toString(), "--version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return version.startsWith("aws-cli/2");
    }

    @Test
    void getApisAndGetRestApis() throws Exception {
        JsonNode apis = JSON.readTree(run("apigatewayv2", "get-apis"));
        assertThat(apis.at("/Items/0/Name").asText()).isEqualTo("experiments-api");
        assertThat(apis.at("/Items/0/ProtocolType").asText()).isEqualTo("HTTP");
        String apiId = apis.at("/Items/0/ApiId").asText();
        JsonNode routes = JSON.readTree(run("apigatewayv2", "get-routes", "--api-id", apiId));
        assertThat(routes.at("/Items/0/RouteKey").asText()).isEqualTo("GET /experiments");

        JsonNode restApis = JSON.readTree(run("apigateway", "get-rest-apis"));
        assertThat(restApis.at("/items/0/name").asText()).isEqualTo("experiments-proxy");
        JsonNode resources = JSON.readTree(run("apigateway", "get-resources", "--rest-api-id",
                restApis.at("/items/0/id").asText(), "--embed", "methods"));
        assertThat(resources.get("items").toString()).contains("{proxy+}").contains("AWS_PROXY");
    }

    @Test
    void lambdaInvoke() throws Exception {
        Path out = folder.resolve("out.json");
        List<String> args = new ArrayList<>(List.of("lambda", "invoke", "--function-name", "greet",
                "--payload", "\"Ada\"", "--log-type", "Tail"));
        if (version2()) {
            args.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
        }
        args.add(out.toString());
        JsonNode result = JSON.readTree(run(args.toArray(String[]::new)));
        assertThat(result.get("StatusCode").asInt()).isEqualTo(200);
        assertThat(result.get("LogResult").asText()).isNotEmpty();
        assertThat(Files.readString(out)).isEqualTo("\"Hello, Ada\"");
        assertThat(JSON.readTree(run("lambda", "list-functions")).at("/Functions/0/FunctionName").asText())
                .isEqualTo("greet");
    }
}
