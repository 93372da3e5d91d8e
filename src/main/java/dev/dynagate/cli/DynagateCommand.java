package dev.dynagate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: with no subcommand, the desktop application. */
@Command(name = "dynagate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Desktop workbench for API Gateway, Lambda and DynamoDB, with a built-in local cloud.%n"
                + "Without a command, opens the application window.",
        subcommands = {SandboxCommand.class, RunCommand.class, CommandLine.HelpCommand.class})
public final class DynagateCommand implements Callable<Integer> {

    private final Runnable openWindow;

    public DynagateCommand(Runnable openWindow) {
        this.openWindow = openWindow;
    }

    @Override
    public Integer call() {
        openWindow.run();
        return 0;
    }

    /** Builds the command line with Dynagate's conventions: usage errors exit 2, case-sensitive options. */
    public static CommandLine commandLine(Runnable openWindow) {
        CommandLine line = new CommandLine(new DynagateCommand(openWindow));
        line.setUsageHelpAutoWidth(true);
        return line;
    }
}
