package dev.dynagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DynagateCommandTest {
    private final StringWriter err = new StringWriter();

    private CommandLine line() {
        CommandLine line = DynagateCommand.commandLine(mode -> { });
        line.setErr(new PrintWriter(err, true));
        return line;
    }

    @Test
    void aFailureNobodyForesawIsOneLineNamingEachCauseOnce() {
        IOException cause = new FileAlreadyExistsException("/data/sandbox");
        Exception error = new IllegalStateException("cannot open the DynamoDB data in /data/sandbox", cause);

        int code = DynagateCommand.failed(error, line(), null);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("dynagate failed: cannot open the DynamoDB data in /data/sandbox "
                + "FileAlreadyExistsException /data/sandbox" + System.lineSeparator());
    }

    @Test
    void theStackTraceIsThereWhenAskedFor() {
        System.setProperty("dynagate.trace", "true");
        try {
            DynagateCommand.failed(new IllegalStateException("broken"), line(), null);
        } finally {
            System.clearProperty("dynagate.trace");
        }
        assertThat(err.toString()).startsWith("dynagate failed: broken").contains("\tat ");
    }
}
