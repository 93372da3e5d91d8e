package dev.dynagate.cli;

import dev.dynagate.StartupMode;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: with no subcommand, the desktop application. */
@Command(name = "dynagate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Desktop workbench for API Gateway, Lambda and DynamoDB, with a built-in local cloud.%n"
                + "Without a command, opens the application window.",
        subcommands = {SandboxCommand.class, RunCommand.class, ExportCommand.class, ImportCommand.class,
                CopyCommand.class, SelfTestCommand.class, CommandLine.HelpCommand.class})
public final class DynagateCommand implements Callable<Integer> {

    private final Consumer<StartupMode> openWindow;

    @Option(names = "--startup-probe", hidden = true,
            description = "Open the window, print milliseconds to the first frame and to the tables list, exit.")
    boolean startupProbe;

    @Option(names = "--bare-window-probe", hidden = true,
            description = "Open an empty JavaFX window, print milliseconds to its first frame, exit (benchmark baseline).")
    boolean bareWindowProbe;

    public DynagateCommand(Consumer<StartupMode> openWindow) {
        this.openWindow = openWindow;
    }

    @Override
    public Integer call() {
        openWindow.accept(bareWindowProbe ? StartupMode.BARE_WINDOW
                : startupProbe ? StartupMode.PROBE : StartupMode.NORMAL);
        return 0;
    }

    /** Builds the command line with Dynagate's conventions: usage errors exit 2, case-sensitive options. */
    public static CommandLine commandLine(Consumer<StartupMode> openWindow) {
        CommandLine line = new CommandLine(new DynagateCommand(openWindow));
        line.setUsageHelpAutoWidth(true);
        line.setExecutionExceptionHandler(DynagateCommand::failed);
        return line;
    }

    /**
     * A command that fails in a way it did not foresee says so in one line, not a stack trace; the trace is there for
     * a bug report with {@code -Ddynagate.trace=true}.
     */
    static int failed(Exception error, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        StringBuilder line = new StringBuilder(command.getCommandName()).append(" failed:");
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName()
                    // a file system error without a reason says only the path: name the error too
                    : t instanceof FileSystemException fs && fs.getReason() == null
                    ? t.getClass().getSimpleName() + " " + t.getMessage() : t.getMessage();
            if (line.indexOf(message) < 0) {
                line.append(' ').append(message);
            }
        }
        err.println(line);
        if (Boolean.getBoolean("dynagate.trace")) {
            error.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
