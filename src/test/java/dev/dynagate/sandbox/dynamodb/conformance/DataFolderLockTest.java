package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.cli.DynagateCommand;
import dev.dynagate.sandbox.DataFolderLock.DataFolderInUseException;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One data folder, one sandbox: the app's Sandbox connection and a {@code sandbox} command without {@code --data}
 * share the platform's folder, and two writers there would lose each other's acknowledged writes.
 */
@Timeout(180)
class DataFolderLockTest {
    private static final String TABLE = "{\"TableName\":\"kept\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
            + "\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
            + "\"BillingMode\":\"PAY_PER_REQUEST\"}";

    @TempDir
    Path data;

    @Test
    void aSandboxInAnotherProcessKeepsTheFolderUntilItIsKilled() throws Exception {
        SandboxProcess other = SandboxProcess.start(data);
        try {
            DynamoDbWire wire = new DynamoDbWire(other.endpoint(), Duration.ofSeconds(10));
            assertThat(wire.call("CreateTable", TABLE).status()).isEqualTo(200);
            String owner = "process " + other.pid() + " at " + other.endpoint();

            assertThatThrownBy(() -> Sandbox.start(SandboxOptions.of(0, data), line -> { }))
                    .isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining("is in use by another Dynagate sandbox (" + owner + ")")
                    .hasMessageContaining("stop that one first, or reach it at its address through Add endpoint");
            StringWriter err = new StringWriter();
            CommandLine line = DynagateCommand.commandLine(mode -> { });
            line.setOut(new PrintWriter(new StringWriter(), true));
            line.setErr(new PrintWriter(err, true));
            assertThat(line.execute("sandbox", "--port", "0", "--data", data.toString())).isEqualTo(1);
            assertThat(err.toString()).contains("(" + owner + "). Use that one, stop it first, or start this one on "
                    + "another folder (--data DIR) or with --in-memory.");
            assertThat(wire.call("ListTables", "{}").text()).contains("kept");
        } finally {
            other.kill();
        }
        // the operating system drops a killed process's lock: no stale lock to clear by hand
        try (Sandbox after = Sandbox.start(SandboxOptions.of(0, data), line -> { })) {
            DynamoDbWire wire = new DynamoDbWire(after.endpoint(), Duration.ofSeconds(10));
            assertThat(wire.call("ListTables", "{}").text()).contains("kept");
        }
    }

    @Test
    void aSecondSandboxInTheSameProcessIsRefusedAndTheFirstCarriesOn() throws Exception {
        try (Sandbox first = Sandbox.start(SandboxOptions.of(0, data), line -> { })) {
            DynamoDbWire wire = new DynamoDbWire(first.endpoint(), Duration.ofSeconds(10));
            assertThat(wire.call("CreateTable", TABLE).status()).isEqualTo(200);
            assertThatThrownBy(() -> Sandbox.start(SandboxOptions.of(0, data), line -> { }))
                    .isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining("at " + first.endpoint() + ")");
            assertThat(wire.call("ListTables", "{}").text()).contains("kept");
        }
        try (Sandbox reopened = Sandbox.start(SandboxOptions.of(0, data), line -> { })) {
            DynamoDbWire wire = new DynamoDbWire(reopened.endpoint(), Duration.ofSeconds(10));
            assertThat(wire.call("ListTables", "{}").text()).contains("kept");
        }
    }

    @Test
    void sandboxesThatKeepNothingNeedNoFolderOfTheirOwn() throws Exception {
        try (Sandbox one = Sandbox.start(SandboxOptions.inMemoryOn(0), line -> { });
             Sandbox two = Sandbox.start(SandboxOptions.inMemoryOn(0), line -> { })) {
            assertThat(one.endpoint()).isNotEqualTo(two.endpoint());
        }
    }
}
