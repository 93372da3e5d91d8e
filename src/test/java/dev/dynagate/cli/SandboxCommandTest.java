package dev.dynagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.dynamodb.storage.Durability;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertThat(line().execute("sandbox", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).isEqualToIgnoringNewLines("--port 70000 is not a TCP port: give one from 1 to "
                + "65535, or 0 to pick a free one.");
    }

    @Test
    void aDataFolderThatIsAFileIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThat(line().execute("sandbox", "--port", "0", "--data", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--data " + file + " is a file: give a folder (it is created if it "
                + "does not exist).");
    }

    @Test
    void aMissingTemplateIsAUsageError(@TempDir Path dir) {
        Path missing = dir.resolve("template.yaml");
        assertThat(line().execute("sandbox", "--port", "0", "--in-memory", "--template", missing.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--template " + missing + ": no such file.");
    }

    @Test
    void aDataFolderThatCannotBeCreatedSaysWhyInOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path inside = file.resolve("inside");
        int code = line().execute("sandbox", "--port", "0", "--data", inside.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("The data folder " + inside + " cannot be used (")
                .endsWith("): give a folder this user can create and write, or keep nothing with --in-memory."
                        + System.lineSeparator());
        assertThat(err.toString().lines()).hasSize(1);
    }
}
