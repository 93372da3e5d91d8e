package dev.dynagate.cli;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.connections.Connection;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.TableDescription;
import dev.dynagate.tables.transfer.ExportFormat;
import dev.dynagate.tables.transfer.TableImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the items of an export file into a table: the file is checked whole first (nothing is written when a line
 * is bad), then written with BatchWriteItem over parallel writers. With {@code export}, it moves items between tables
 * and between accounts or the sandbox without losing a type.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Writes the items of a file into a DynamoDB table, one item per line: ddb-json (DynamoDB JSON, "
                + "bare or as {\"Item\": …}, what export --format ddb-json writes: every type kept) or jsonl (plain "
                + "JSON: numbers, strings, booleans, null, lists and maps; no sets or binary). The whole file is "
                + "checked first; a bad line writes nothing. An item whose key is already in the table replaces it.%n"
                + "Exit status: 0 every item written, 1 the import failed or items stayed unprocessed, 2 bad usage.")
public final class ImportCommand implements Callable<Integer> {
    static final int IMPORTED = 0;
    static final int FAILED = 1;
    static final int MAX_WRITERS = 32;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "The table to write into.")
    String table;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The file to read.")
    Path in;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "ddb-json or jsonl (default: recognised from the first line).")
    String format;

    @Option(names = "--writers", paramLabel = "N", defaultValue = "4",
            description = "BatchWriteItem calls in flight, 1 to " + MAX_WRITERS + " (default: ${DEFAULT-VALUE}).")
    int writers;

    @Option(names = "--dry-run", description = "Check the file against the table's key and write nothing.")
    boolean dryRun;

    @Option(names = "--skip-existing", description = "Leave an item whose key is already in the table as it is "
            + "(one conditional PutItem per item, so slower); also carries on an import that stopped halfway.")
    boolean skipExisting;

    @Mixin
    DynamoDbConnectionOptions where = new DynamoDbConnectionOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress lines, only errors.")
    boolean quiet;

    private final AtomicLong writtenSoFar = new AtomicLong();
    private volatile boolean writingStarted;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat chosen = null;
        if (format != null) {
            try {
                chosen = ExportFormat.fromCliName(format);
            } catch (IllegalArgumentException e) {
                return DynamoDbConnectionOptions.usage(spec, "--format: " + e.getMessage());
            }
            if (chosen == ExportFormat.CSV) {
                return DynamoDbConnectionOptions.usage(spec, "--format csv cannot be imported: CSV does not say "
                        + "which type a value has. Export with --format ddb-json to move items without losing a type.");
            }
        }
        if (writers < 1 || writers > MAX_WRITERS) {
            return DynamoDbConnectionOptions.usage(spec, "--writers must be between 1 and " + MAX_WRITERS + ", not "
                    + writers);
        }
        if (!Files.isRegularFile(in)) {
            return DynamoDbConnectionOptions.usage(spec, "--in " + in + (Files.isDirectory(in) ? " is a folder"
                    : " does not exist"));
        }
        Connection connection = where.connection();
        try (AwsClientFactory clients = where.clients("import")) {
            AwsServices services = new AwsServices(clients);
            TableDescription description = services.tableDescriber(connection).describe(table);
            TableImport.Check check = TableImport.check(in, chosen, description);
            if (!check.ok()) {
                err.println("import failed: " + in + " cannot be imported into " + table + "; nothing was written:");
                err.println(check.describeProblems().indent(2).stripTrailing());
                if (check.items() == 0) {
                    err.println("  Import reads one JSON item per line, as export writes with --format ddb-json or "
                            + "jsonl.");
                }
                err.flush();
                return FAILED;
            }
            if (dryRun) {
                progress(err, String.format(Locale.ROOT, "%s: %,d items in %s, every one with %s's key; nothing "
                        + "written (--dry-run)", in, check.items(), check.format().cliName(), table));
                return IMPORTED;
            }
            return write(services.items(connection), check, description, connection, err);
        } catch (IOException | RuntimeException e) {
            err.println("import failed: " + DynamoDbConnectionOptions.describeFailure(e, connection));
            if (writingStarted) {
                err.println(String.format(Locale.ROOT, "  %,d items had been written before it failed; they stay, "
                        + "and importing the file again replaces them with themselves", writtenSoFar.get()));
            }
            err.flush();
            return FAILED;
        }
    }

    private int write(ItemStore store, TableImport.Check check, TableDescription description,
                      Connection connection, PrintWriter err) throws IOException, InterruptedException {
        progress(err, String.format(Locale.ROOT, "Importing %,d items (%s) from %s into %s at %s with %d writer%s%s",
                check.items(), check.format().cliName(), in, table, DynamoDbConnectionOptions.describe(connection),
                writers, writers == 1 ? "" : "s", skipExisting ? ", keeping the items already there" : ""));
        Instant started = Instant.now();
        AtomicReference<Instant> lastReport = new AtomicReference<>(started);
        writingStarted = true;
        // Ctrl+C ends the JVM without unwinding: say how far it got, since what was written stays written
        Thread interrupted = new Thread(() -> {
            err.println(String.format(Locale.ROOT, "import interrupted: %,d of %,d items were written into %s and "
                    + "stay there; import the file again with --skip-existing to carry on", writtenSoFar.get(),
                    check.items(), table));
            err.flush();
        }, "import-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        TableImport.Result result;
        try {
            TableImport.Existing existing = skipExisting ? TableImport.Existing.KEEP : TableImport.Existing.REPLACE;
            result = new TableImport(store, Thread::sleep, 8).run(description, in, check.format(), writers, existing,
                    written -> {
                        writtenSoFar.set(written);
                        Instant now = Instant.now();
                        Instant last = lastReport.get();
                        if (Duration.between(last, now).toMillis() >= 1000 && lastReport.compareAndSet(last, now)) {
                            progress(err, String.format(Locale.ROOT, "  %,d of %,d items written (%d%%)", written,
                                    check.items(), written * 100 / Math.max(1, check.items())));
                        }
                    });
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it reports the interruption
            }
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        if (result.unprocessed() > 0) {
            err.println(String.format(Locale.ROOT, "import failed: %,d of %,d items written; %,d stayed unprocessed "
                    + "after %d retries (the table is throttling: raise its write capacity or lower --writers, then "
                    + "import again with --skip-existing to carry on)", result.written(),
                    check.items(), result.unprocessed(), result.retries()));
            err.flush();
            return FAILED;
        }
        progress(err, String.format(Locale.ROOT, "Imported %,d items into %s in %.1f s%s", result.written(), table,
                seconds, result.kept() == 0 ? "" : String.format(Locale.ROOT, "; %,d items already there were "
                        + "left as they were", result.kept())));
        return IMPORTED;
    }

    private void progress(PrintWriter err, String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }
}
