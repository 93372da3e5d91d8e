package dev.dynagate.cli;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.aws.DynamoDbSegmentReader;
import dev.dynagate.connections.Connection;
import dev.dynagate.tables.Attr;
import dev.dynagate.tables.KeyType;
import dev.dynagate.tables.ReadRequest;
import dev.dynagate.tables.TableDescription;
import dev.dynagate.tables.transfer.ExportFile;
import dev.dynagate.tables.transfer.ExportFormat;
import dev.dynagate.tables.transfer.ItemWriter;
import dev.dynagate.tables.transfer.ResultExport;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
        description = "Exports every item of a DynamoDB table or index to a file, reading it with a parallel Scan; "
                + "with --partition, the items of one partition key value, with a Query in sort-key order.%n"
                + "Formats: jsonl (plain JSON, one item per line), ddb-json (one {\"Item\": …} per line in DynamoDB "
                + "JSON, as DynamoDB's own export writes it: every type kept), csv (a header of every attribute, "
                + "then one row per item).%n"
                + "Exit status: 0 exported, 1 the export failed, 2 bad usage.")
public final class ExportCommand implements Callable<Integer> {
    static final int EXPORTED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int MAX_SEGMENTS = 64;
    /** Items a Query page may hold; DynamoDB's 1 MB page rule usually ends a page first. */
    static final int QUERY_PAGE_LIMIT = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "The table to export.")
    String table;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write; - for stdout.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl, ddb-json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--index", paramLabel = "INDEX", description = "Read this index instead of the table.")
    String index;

    @Option(names = "--partition", paramLabel = "VALUE",
            description = "Only the items of this partition key value (binary in base64), in sort-key order: a "
                    + "Query instead of a Scan.")
    String partition;

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
            return DynamoDbConnectionOptions.usage(spec, "--segments must be between 1 and " + MAX_SEGMENTS + ", not "
                    + segments);
        }
        if (partition != null && spec.commandLine().getParseResult().hasMatchedOption("--segments")) {
            return DynamoDbConnectionOptions.usage(spec, "--segments splits a Scan; --partition reads one partition "
                    + "with a Query, which has no segments");
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
            AwsServices services = new AwsServices(clients);
            TableDescription description = services.tableDescriber(connection).describe(table);
            if (index != null && description.index(index).isEmpty()) {
                return DynamoDbConnectionOptions.usage(spec, "--index: " + table + " has no index " + index
                        + (description.indexes().isEmpty() ? "" : "; it has " + String.join(", ",
                        description.indexes().stream().map(TableDescription.Index::name).toList())));
            }
            Filler filler;
            try {
                filler = partition == null ? scan(clients, connection, description, err)
                        : query(services, connection, description, err);
            } catch (IllegalArgumentException e) {
                return DynamoDbConnectionOptions.usage(spec, e.getMessage());
            }
            List<String> keys = description.keyColumns(index);
            return file == null ? toStdout(filler, keys, chosen, err) : toFile(filler, keys, chosen, file, err);
        } catch (IOException | RuntimeException e) {
            err.println("export failed: " + DynamoDbConnectionOptions.describeFailure(e, connection));
            err.flush();
            return FAILED;
        }
    }

    /** Fills a writer with the items to export; answers how many and how long it took. */
    @FunctionalInterface
    private interface Filler {
        TableExport.Progress fill(ItemWriter writer, String target) throws IOException, InterruptedException;
    }

    /** The whole table or index: a parallel Scan. */
    private Filler scan(AwsClientFactory clients, Connection connection, TableDescription description,
                        PrintWriter err) {
        TableExport export = new TableExport(new DynamoDbSegmentReader(clients.dynamoDb(connection)),
                Clock.systemUTC());
        // DynamoDB's item count is the table's; an index, sparse or not, gives no estimate here
        long estimate = index == null ? description.itemCount() : 0;
        TableExport.Source source = new TableExport.Source(table, index, description.keyColumns(index), estimate);
        return (writer, target) -> {
            progress(err, "Exporting " + what() + (estimate > 0 ? " (about " + count(estimate) + " items)" : "")
                    + " from "
                    + DynamoDbConnectionOptions.describe(connection) + " to " + target + " with " + segments
                    + " segment" + (segments == 1 ? "" : "s"));
            return export.run(source, segments, writer, p -> progress(err, "  " + count(p.items()) + " items"
                    + percent(p) + ", " + count(Math.round(p.itemsPerSecond())) + " items/s"));
        };
    }

    /** One partition of the table or index: a Query, page after page, in sort-key order. */
    private Filler query(AwsServices services, Connection connection, TableDescription description,
                         PrintWriter err) {
        TableDescription.KeySchema keys = description.keysOf(index);
        if (keys.partitions().size() > 1) {
            throw new IllegalArgumentException("--partition takes one value, and the key of " + what() + " has "
                    + keys.partitions().size() + " partition attributes");
        }
        TableDescription.Key key = keys.partition();
        ReadRequest request = new ReadRequest(ReadRequest.Operation.QUERY, table, index, "#pk = :pk", null, null,
                Map.of("#pk", key.name()), Map.of(":pk", typed(key)), QUERY_PAGE_LIMIT, true, false,
                "export of one partition");
        ResultExport export = new ResultExport(services.items(connection));
        return (writer, target) -> {
            progress(err, "Exporting the partition " + key.name() + " = " + partition + " of " + what() + " from "
                    + DynamoDbConnectionOptions.describe(connection) + " to " + target);
            Instant started = Instant.now();
            AtomicReference<Instant> reported = new AtomicReference<>(started);
            long items = export.writeTo(request, writer, written -> {
                Instant now = Instant.now();
                if (Duration.between(reported.get(), now).toMillis() >= 1000) {
                    reported.set(now);
                    progress(err, "  " + count(written) + " items");
                }
            });
            writer.finish();
            return new TableExport.Progress(items, 0, Duration.between(started, Instant.now()));
        };
    }

    /** The partition value as the key's type: a number must be one, binary is given in base64. */
    private Attr typed(TableDescription.Key key) {
        try {
            return switch (key.type()) {
                case S -> new Attr.S(partition);
                case N -> new Attr.N(partition.strip());
                case B -> Attr.B.base64(partition.strip());
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--partition " + partition + " is not a value of " + key.name()
                    + ", whose type is " + key.type() + (key.type() == KeyType.B ? " (give binary in base64)" : ""));
        }
    }

    private String what() {
        return index == null ? table : "index " + index + " of " + table;
    }

    private void progress(PrintWriter err, String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }

    private int toStdout(Filler filler, List<String> keys, ExportFormat chosen, PrintWriter err)
            throws IOException, InterruptedException {
        Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try (ItemWriter writer = TableExport.writer(chosen, new NonClosing(stdout), keys,
                Path.of(System.getProperty("java.io.tmpdir")))) {
            finished(err, filler.fill(writer, "stdout"), "stdout");
        }
        return EXPORTED;
    }

    private int toFile(Filler filler, List<String> keys, ExportFormat chosen, Path file, PrintWriter err)
            throws IOException, InterruptedException {
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
                try (ItemWriter writer = TableExport.writer(chosen, out, keys, file.getParent())) {
                    return filler.fill(writer, file.toString());
                }
            });
            finished(err, done, file + " (" + size(file) + ")");
            return EXPORTED;
        } finally {
            running.set(false);
            removeHook(cleanup);
        }
    }

    private void finished(PrintWriter err, TableExport.Progress done, String target) {
        progress(err, "Exported " + count(done.items()) + " items to " + target + " in "
                + String.format(Locale.ROOT, "%.1f", done.elapsed().toMillis() / 1000.0) + " s");
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
