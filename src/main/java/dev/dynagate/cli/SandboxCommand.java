package dev.dynagate.cli;

import dev.dynagate.AppDirs;
import dev.dynagate.sandbox.DataFolderLock.DataFolderInUseException;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.dynamodb.storage.Durability;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
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

    @Option(names = "--durability", paramLabel = "WHEN", defaultValue = "process",
            converter = DurabilityConverter.class,
            description = "When a DynamoDB write is answered: process (once the operating system has it: it survives "
                    + "the sandbox being killed; the log is forced to disk every second) or disk (once it is on disk: "
                    + "it survives losing power too; slower) (default: ${DEFAULT-VALUE}).")
    Durability durability;

    @Option(names = "--in-memory", description = "Keep nothing: tables and items live in memory only and are gone "
            + "when the sandbox stops (fastest; for tests). Cannot be combined with --data or --durability.")
    boolean inMemory;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (inMemory && (data != null || spec.commandLine().getParseResult().hasMatchedOption("--durability"))) {
            spec.commandLine().getErr().println("--in-memory keeps no data: leave out --data and --durability, "
                    + "or leave out --in-memory to keep the data in a folder.");
            return 2;
        }
        String refusal = refusal();
        if (refusal != null) {
            spec.commandLine().getErr().println(refusal);
            return 2;
        }
        Path folder = inMemory ? null : data != null ? data : AppDirs.detect().sandboxData();
        SandboxOptions options = new SandboxOptions(port, folder, demo, template,
                Duration.ofMillis(tableStatusDelayMillis), durability, inMemory);
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
        } catch (Sandbox.DataFolderUnusableException e) {
            spec.commandLine().getErr().println(e.describe("keep nothing with --in-memory"));
            return 1;
        } catch (DataFolderInUseException e) {
            spec.commandLine().getErr().println("The data folder " + e.folder().toAbsolutePath()
                    + " is in use by another Dynagate sandbox" + e.owner().map(o -> " (" + o + ")").orElse("")
                    + ". Use that one, stop it first, or start this one on another folder (--data DIR) or with "
                    + "--in-memory.");
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        out.println("Dynagate sandbox ready at " + sandbox.endpoint() + (inMemory
                ? " (in memory: nothing is kept after it stops)"
                : " (data: " + folder.toAbsolutePath() + ", durability: " + durability.option() + ")"));
        out.flush();
        stopped.await();
        return 0;
    }

    /** What is wrong with the options before anything starts, or null. */
    private String refusal() {
        if (port < 0 || port > 65_535) {
            return "--port " + port + " is not a TCP port: give one from 1 to 65535, or 0 to pick a free one.";
        }
        if (data != null && Files.exists(data) && !Files.isDirectory(data)) {
            return "--data " + data + " is a file: give a folder (it is created if it does not exist).";
        }
        if (template != null && !Files.isRegularFile(template)) {
            return "--template " + template + ": no such file.";
        }
        return null;
    }

    /** Reads {@code process} or {@code disk}, naming both when given anything else. */
    static final class DurabilityConverter implements ITypeConverter<Durability> {
        @Override
        public Durability convert(String value) {
            return Arrays.stream(Durability.values()).filter(d -> d.option().equalsIgnoreCase(value.trim())).findFirst()
                    .orElseThrow(() -> new TypeConversionException(
                            "'" + value + "' is not a durability: use process or disk"));
        }
    }
}
