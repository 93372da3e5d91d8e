package dev.dynagate.cli;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.DynamoDbSegmentReader;
import dev.dynagate.connections.Connection;
import dev.dynagate.tables.transfer.ExportFile;
import dev.dynagate.tables.transfer.ExportFormat;
import dev.dynagate.tables.transfer.ItemWriter;
import dev.dynagate.tables.transfer.SegmentReader;
import dev.dynagate.tables.transfer.TableExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Exports a whole table to a file (or stdout) with a parallel Scan: progress on stderr, the file only appears once
 * complete (it is written as {@code FILE.partial} and renamed), exit 0 on success, 1 when the export failed, 2 on bad
 * usage.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Exports every item of a DynamoDB table to a file, reading it with a parallel Scan.%n"
                + "Formats: jsonl (plain JSON, one item per line), ddb-json (one {\"Item\": …} per line in DynamoDB "
                + "JSON, as DynamoDB's own export writes it: every type kept), csv (a header of every attribute, "
                + "then one row per item).%n"
                + "Exit status: 0 exported, 1 the export failed, 2 bad usage.")
public final class ExportCommand implements Callable<Integer> {
    static final int EXPORTED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int MAX_SEGMENTS = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "The table to export.")
    String table;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write; - for stdout.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl, ddb-json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "4",
            description = "Scan segments read in parallel, 1 to " + MAX_SEGMENTS + " (default: ${DEFAULT-VALUE}).")
    int segments;

    @Option(names = "--overwrite", description = "Replace FILE if it exists.")
    boolean overwrite;

    @Mixin
    DynamoDbConnectionOptions where = new DynamoDbConnectionOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress lines, only errors.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat chosen;
        try {
            chosen = ExportFormat.fromCliName(format);
        } catch (IllegalArgumentException e) {
            return DynamoDbConnectionOptions.usage(spec, "--format: " + e.getMessage());
        }
        if (segments < 1 || segments > MAX_SEGMENTS) {
            return DynamoDbConnectionOptions.usage(spec, "--segments must be between 1 and " + MAX_SEGMENTS + ", not " + segments);
        }
        Path file = "-".equals(out) ? null : Path.of(out).toAbsolutePath();
        if (file != null && Files.isDirectory(file)) {
            return DynamoDbConnectionOptions.usage(spec, "--out " + out + " is a folder: name a file in it");
        }
        if (file != null && Files.exists(file) && !overwrite) {
            return DynamoDbConnectionOptions.usage(spec, "--out " + out + " exists: add --overwrite to replace it");
        }
        Connection connection = where.connection();
        try (AwsClientFactory clients = where.clients("export")) {
            TableExport export = new TableExport(new DynamoDbSegmentReader(clients.dynamoDb(connection)),
                    Clock.systemUTC());
            return file == null ? toStdout(export, chosen, err, connection) : toFile(export, chosen, file, err,
                    connection);
        } catch (IOException | RuntimeException e) {
            err.println("export failed: " + DynamoDbConnectionOptions.describeFailure(e, connection));
            err.flush();
            return FAILED;
        }
    }

    private int toStdout(TableExport export, ExportFormat chosen, PrintWriter err, Connection connection)
            throws IOException, InterruptedException {
        SegmentReader.Shape shape = export.describe(table);
        Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try (ItemWriter writer = TableExport.writer(chosen, new NonClosing(stdout), shape.keyAttributes(),
                Path.of(System.getProperty("java.io.tmpdir")))) {
            TableExport.Progress done = run(export, shape, writer, err, connection, "stdout");
            finished(err, done, "stdout");
        }
        return EXPORTED;
    }

    private int toFile(TableExport export, ExportFormat chosen, Path file, PrintWriter err, Connection connection)
            throws IOException, InterruptedException {
        SegmentReader.Shape shape = export.describe(table);
        Path partial = ExportFile.partialFor(file);
        AtomicBoolean running = new AtomicBoolean(true);
        // Ctrl+C ends the JVM without unwinding: the hook takes the unfinished file away
        Thread cleanup = new Thread(() -> {
            if (running.get()) {
                deleteQuietly(partial);
            }
        }, "export-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            TableExport.Progress done = ExportFile.write(file, out -> {
                try (ItemWriter writer = TableExport.writer(chosen, out, shape.keyAttributes(), file.getParent())) {
                    return run(export, shape, writer, err, connection, file.toString());
                }
            });
            finished(err, done, file + " (" + size(file) + ")");
            return EXPORTED;
        } finally {
            running.set(false);
            removeHook(cleanup);
        }
    }

    private TableExport.Progress run(TableExport export, SegmentReader.Shape shape, ItemWriter writer, PrintWriter err,
                                     Connection connection, String target) throws IOException, InterruptedException {
        if (!quiet) {
            err.println("Exporting " + table + " (about " + count(shape.approximateItems()) + " items) from "
                    + DynamoDbConnectionOptions.describe(connection) + " to " + target + " with " + segments + " segment"
                    + (segments == 1 ? "" : "s"));
            err.flush();
        }
        return export.run(table, shape, segments, writer, progress -> {
            if (!quiet) {
                err.println("  " + count(progress.items()) + " items" + percent(progress) + ", "
                        + count(Math.round(progress.itemsPerSecond())) + " items/s");
                err.flush();
            }
        });
    }

    private void finished(PrintWriter err, TableExport.Progress done, String target) {
        if (!quiet) {
            err.println("Exported " + count(done.items()) + " items to " + target + " in "
                    + String.format(Locale.ROOT, "%.1f", done.elapsed().toMillis() / 1000.0) + " s");
            err.flush();
        }
    }

    private static String percent(TableExport.Progress progress) {
        // DynamoDB's count is refreshed about every six hours: past it, a percentage would only mislead
        if (progress.approximateItems() <= 0 || progress.items() > progress.approximateItems()) {
            return "";
        }
        return " (" + progress.items() * 100 / progress.approximateItems() + "% of about "
                + count(progress.approximateItems()) + ")";
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String size(Path file) throws IOException {
        long bytes = Files.size(file);
        return bytes < 1024 * 1024 ? count(Math.max(1, (bytes + 1023) / 1024)) + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the export already failed; the leftover carries .partial in its name
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }


    /** Stdout stays open for whatever else the JVM prints after the export. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
