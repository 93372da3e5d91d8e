package dev.dynagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.dynamodb.storage.Durability;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine line() {
        CommandLine line = DynagateCommand.commandLine(mode -> { });
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line;
    }

    @Test
    void anUnknownDurabilityIsRefusedNamingTheChoices() {
        int code = line().execute("sandbox", "--port", "0", "--durability", "sometimes");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("'sometimes' is not a durability: use process or disk");
    }

    @Test
    void helpExplainsBothDurabilities() {
        assertThat(line().execute("sandbox", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--durability=WHEN")
                .contains("it survives the sandbox being killed").contains("it survives losing power too")
                .contains("(default: process)");
    }

    @Test
    void durabilityDefaultsToProcessAndDiskIsTakenAsGiven() {
        SandboxCommand byDefault = new SandboxCommand();
        new CommandLine(byDefault).parseArgs("--port", "0");
        assertThat(byDefault.durability).isEqualTo(Durability.PROCESS);
        SandboxCommand disk = new SandboxCommand();
        new CommandLine(disk).parseArgs("--durability", "disk");
        assertThat(disk.durability).isEqualTo(Durability.DISK);
    }

    @Test
    void inMemoryRefusesADataFolder() {
        int code = line().execute("sandbox", "--port", "0", "--in-memory", "--data", "somewhere");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--in-memory keeps no data: leave out --data and --durability");
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("somewhere"))).isFalse();
    }

    @Test
    void inMemoryRefusesADurability() {
        assertThat(line().execute("sandbox", "--port", "0", "--in-memory", "--durability", "disk")).isEqualTo(2);
        assertThat(err.toString()).contains("leave out --data and --durability");
    }

    @Test
    void helpOffersInMemory() {
        assertThat(line().execute("sandbox", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--in-memory")
                .contains("gone when the sandbox stops");
    }

    @Test
    void durabilityIsReadWhateverItsCase() {
        assertThat(new SandboxCommand.DurabilityConverter().convert(" DISK "))
                .isEqualTo(Durability.DISK);
    }
}
