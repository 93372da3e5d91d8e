package dev.dynagate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.demo.DemoBackend;
import dev.dynagate.sandbox.dynamodb.DynamoDbComponent;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.lambda.LambdaComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A definitions file the sandbox cannot read (cut short by a power loss, edited by hand) is kept aside and named,
 * and the sandbox starts with everything else, its DynamoDB data included, instead of not at all.
 */
@Timeout(180)
class DamagedDefinitionsTest {
    @TempDir
    Path data;

    @Test
    void unreadableDefinitionsAreSetAsideAndTheSandboxStartsWithTheRest() throws Exception {
        List<String> before;
        try (Sandbox first = Sandbox.start(SandboxOptions.of(0, data).withDemo(true), line -> { })) {
            before = names(first);
        }
        Path apis = data.resolve("apigateway").resolve("apigateway.json");
        Path broken;
        try (Stream<Path> files = Files.list(data.resolve("lambda").resolve("functions"))) {
            broken = files.filter(f -> f.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        String brokenName = broken.getFileName().toString().replace(".json", "");
        Files.writeString(apis, "{\"httpApis\": {");
        Files.writeString(broken, "");

        List<String> messages = new CopyOnWriteArrayList<>();
        try (Sandbox second = Sandbox.start(SandboxOptions.of(0, data), messages::add)) {
            assertThat(names(second)).isEqualTo(before.stream().filter(n -> !n.equals(brokenName)).toList());
            assertThat(second.component(DynamoDbComponent.class).call("ListTables",
                    new ObjectMapper().createObjectNode()).toString()).contains(DemoBackend.TABLE);
            assertThat(messages).anySatisfy(line -> assertThat(line)
                    .startsWith("The API Gateway definitions in " + apis + " could not be read (")
                    .contains("): the sandbox started without them, and the file is kept as apigateway.json.damaged-")
                    .endsWith(" to repair and put back"));
            assertThat(messages).anySatisfy(line -> assertThat(line)
                    .startsWith("The Lambda function definition in " + broken + " could not be read ("));
        }
        assertThat(Files.exists(broken)).isFalse();
        try (Stream<Path> kept = Files.list(apis.getParent())) {
            assertThat(kept.filter(f -> f.getFileName().toString().startsWith("apigateway.json.damaged-")).toList())
                    .singleElement().satisfies(f -> assertThat(Files.readString(f)).isEqualTo("{\"httpApis\": {"));
        }
    }

    private static List<String> names(Sandbox sandbox) {
        return sandbox.component(LambdaComponent.class).runtime().functions().stream().map(FunctionDefinition::name)
                .sorted().toList();
    }
}
