package dev.dynagate.cli;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.connections.Connection;
import dev.dynagate.tables.TableDescription;
import dev.dynagate.tables.transfer.TableCopy;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Copies a table to another endpoint, profile or region: the table is made there like the source (keys, indexes,
 * time to live; on demand), then every item is copied. Exit 0 when copied, 1 when the copy failed or items stayed
 * unprocessed, 2 on bad usage.
 */
@Command(name = "copy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Copies a DynamoDB table to another endpoint, profile or region: a table with the same keys, "
                + "indexes and time to live is created there (on demand), then every item is read with a parallel "
                + "Scan and written with BatchWriteItem, every type kept. A table already there is never written "
                + "to.%nExit status: 0 copied, 1 the copy failed or items stayed unprocessed, 2 bad usage.")
public final class CopyCommand implements Callable<Integer> {
    static final int COPIED = 0;
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "The table to copy.")
    String table;

    @Option(names = "--to-table", paramLabel = "NAME", description = "The new table's name (default: the same).")
    String toTable;

    @Mixin
    DynamoDbConnectionOptions where = new DynamoDbConnectionOptions();

    @Option(names = "--to-endpoint-url", paramLabel = "URL",
            description = "Copy to this endpoint: the sandbox (java -jar dynagate.jar sandbox), a local emulator.")
    URI toEndpoint;

    @Option(names = "--to-profile", paramLabel = "NAME", description = "Copy with this AWS profile.")
    String toProfile;

    @Option(names = "--to-region", paramLabel = "REGION", description = "Copy to this region.")
    String toRegion;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines, only errors.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (toEndpoint == null && toProfile == null && toRegion == null) {
            return DynamoDbConnectionOptions.usage(spec, "Say where to copy to: --to-endpoint-url URL (the sandbox, "
                    + "an emulator), --to-profile NAME or --to-region REGION.");
        }
        String name = toTable == null ? table : toTable;
        Connection source = where.connection();
        DynamoDbConnectionOptions there = where.other(toProfile, toRegion, toEndpoint);
        Connection target = there.connection();
        if (name.equals(table) && DynamoDbConnectionOptions.describe(source)
                .equals(DynamoDbConnectionOptions.describe(target))) {
            return DynamoDbConnectionOptions.usage(spec, "The copy would go onto " + table + " itself: give "
                    + "--to-table another name, or another --to-endpoint-url, --to-profile or --to-region.");
        }
        // one client factory per side: the two may share a profile name in different regions
        Connection failing = source;
        try (AwsClientFactory from = where.clients("copy"); AwsClientFactory to = there.clients("copy")) {
            AwsServices sourceServices = new AwsServices(from);
            AwsServices targetServices = new AwsServices(to);
            TableDescription description = sourceServices.tableDescriber(source).describe(table);
            failing = target;
            progress(err, String.format(Locale.ROOT, "Copying %s (~%,d items) from %s to %s at %s", table,
                    Math.max(0, description.itemCount()), DynamoDbConnectionOptions.describe(source), name,
                    DynamoDbConnectionOptions.describe(target)));
            Instant started = Instant.now();
            TableCopy.Result result = new TableCopy(sourceServices.items(source), targetServices.items(target),
                    targetServices.tablesFeature().admin(target), Thread::sleep, 8).run(description, name,
                    copied -> progress(err, String.format(Locale.ROOT, "  %,d items copied", copied)));
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            if (result.unprocessed() > 0) {
                err.println(String.format(Locale.ROOT, "copy failed: %,d items copied into %s; %,d stayed "
                        + "unprocessed (the table is throttling writes: import them again with import "
                        + "--skip-existing)", result.copied(), name, result.unprocessed()));
                err.flush();
                return FAILED;
            }
            progress(err, String.format(Locale.ROOT, "Copied %,d items of %s into %s in %.1f s", result.copied(),
                    table, name, seconds));
            return COPIED;
        } catch (IOException | RuntimeException e) {
            err.println("copy failed: " + DynamoDbConnectionOptions.describeFailure(e, failing));
            err.flush();
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("copy interrupted");
            err.flush();
            return FAILED;
        }
    }

    private void progress(PrintWriter err, String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }
}
