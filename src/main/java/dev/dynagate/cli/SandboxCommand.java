package dev.dynagate.cli;

import dev.dynagate.AppDirs;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the built-in local cloud headless on 127.0.0.1 until interrupted. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs the built-in local cloud (DynamoDB, API Gateway, Lambda) on 127.0.0.1 until stopped.")
public final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8000", description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder for the sandbox's data (default: the platform's app-data folder).")
    Path data;

    @Option(names = "--demo", description = "Seed the demo backend (Experiments table, experiments APIs and their functions).")
    boolean demo;

    @Option(names = "--template", paramLabel = "FILE", description = "Load tables, functions and APIs from a SAM template.")
    Path template;

    @Option(names = "--table-status-delay", paramLabel = "MILLIS", defaultValue = "0",
            description = "Keep created/updated/deleted tables CREATING/UPDATING/DELETING this long (default: ${DEFAULT-VALUE}).")
    long tableStatusDelayMillis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = data != null ? data : AppDirs.detect().sandboxData();
        SandboxOptions options = new SandboxOptions(port, folder, demo, template, Duration.ofMillis(tableStatusDelayMillis));
        CountDownLatch stopped = new CountDownLatch(1);
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options, line -> {
                out.println(line);
                out.flush();
            });
        } catch (java.net.BindException e) {
            spec.commandLine().getErr().println("Port " + port + " is already in use on 127.0.0.1. "
                    + "Stop what is using it or pick another with --port (0 picks a free one).");
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        out.println("Dynagate sandbox ready at " + sandbox.endpoint() + " (data: " + folder.toAbsolutePath() + ")");
        out.flush();
        stopped.await();
        return 0;
    }
}
