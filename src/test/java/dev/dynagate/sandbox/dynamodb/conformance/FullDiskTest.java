package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder that stops taking writes (a full disk): the sandbox says what happened and what to do, refuses
 * further writes instead of applying changes it cannot keep, and goes on serving reads. The log file is Linux's
 * {@code /dev/full}, which refuses every write with "No space left on device", as a full disk does.
 */
@Timeout(60)
class FullDiskTest {
    private static final Path FULL = Path.of("/dev/full");
    private static final String TABLE = "{\"TableName\":\"kept\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
            + "\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
            + "\"BillingMode\":\"PAY_PER_REQUEST\"}";

    @TempDir
    Path data;

    @Test
    void writesAreRefusedWithTheReasonAndReadsGoOn() throws Exception {
        assumeTrue(Files.isWritable(FULL), "needs /dev/full (Linux) to stand for a full disk");
        Path dynamodb = Files.createDirectories(data.resolve("dynamodb"));
        Files.createSymbolicLink(dynamodb.resolve("wal-0.log"), FULL);
        List<String> messages = new CopyOnWriteArrayList<>();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(0, data), messages::add)) {
            DynamoDbWire wire = new DynamoDbWire(sandbox.endpoint(), Duration.ofSeconds(10));

            WireResponse first = wire.call("CreateTable", TABLE);
            WireResponse second = wire.call("CreateTable", TABLE.replace("kept", "other"));

            for (WireResponse refused : List.of(first, second)) {
                assertThat(refused.status()).isEqualTo(500);
                assertThat(refused.errorCode()).isEqualTo("InternalServerError");
                assertThat(refused.json().get("message").asText()).isEqualTo("The sandbox could not keep this write: "
                        + "the DynamoDB data in " + dynamodb + " cannot be written (No space left on device). Writes "
                        + "are refused until the sandbox is restarted; free some space (or make the folder writable), "
                        + "then restart it.");
            }
            // the second was refused before it changed anything
            WireResponse tables = wire.call("ListTables", "{}");
            assertThat(tables.status()).isEqualTo(200);
            assertThat(tables.text()).doesNotContain("other");
            assertThat(messages).filteredOn(m -> m.startsWith("DynamoDB data:")).containsExactly("DynamoDB data: "
                    + dynamodb + " cannot be written (No space left on device). Writes are "
                    + "refused from now on; reads still work. Free some space (or make the folder writable), then "
                    + "restart the sandbox.");
        }
    }
}
