package dev.dynagate.cli;

import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.SdkSigV4Signer;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.EnvironmentKeys;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.requests.HttpRequestSender;
import dev.dynagate.requests.RequestSigner;
import dev.dynagate.requests.collections.CheckResult;
import dev.dynagate.requests.collections.CollectionFormatException;
import dev.dynagate.requests.collections.CollectionOpener;
import dev.dynagate.requests.collections.CollectionRunner;
import dev.dynagate.requests.collections.DataFile;
import dev.dynagate.requests.collections.Environment;
import dev.dynagate.requests.collections.JsonReport;
import dev.dynagate.requests.collections.JunitReport;
import dev.dynagate.requests.collections.OpenedCollection;
import dev.dynagate.requests.collections.PlannedRequest;
import dev.dynagate.requests.collections.RequestResult;
import dev.dynagate.requests.collections.RunListener;
import dev.dynagate.requests.collections.RunOptions;
import dev.dynagate.requests.collections.RunPlan;
import dev.dynagate.requests.collections.RunReport;
import dev.dynagate.requests.collections.SecretStore;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.KeyValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Replays a collection headless, for CI: progress on stderr, a JUnit or JSON report, an exit code. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs a collection: one of our collection folders, or a Postman v2.0/v2.1 collection file or a "
                + "Bruno collection folder, imported on the fly.%n"
                + "Exit status: 0 every assertion passed, 1 an assertion or a request failed, 2 bad usage or an "
                + "unreadable collection.")
public final class RunCommand implements Callable<Integer> {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int UNUSABLE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COLLECTION", description = "A collection folder, a Postman collection file or a Bruno folder.")
    Path collection;

    @Option(names = {"-e", "--env"}, paramLabel = "NAME|FILE", description = "An environment of the collection, or an environment file (ours or Postman's).")
    String environment;

    @Option(names = {"-n", "--iterations"}, paramLabel = "N", description = "How many times to run (default: one per data row, or 1).")
    int iterations;

    @Option(names = {"-d", "--data"}, paramLabel = "FILE", description = "CSV or JSON data file: one iteration per row.")
    Path data;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "0", description = "Pause between requests (default: ${DEFAULT-VALUE}).")
    long delayMillis;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "30000", description = "Time limit per request (default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--bail", description = "Stop at the first failed request or assertion.")
    boolean bail;

    @Option(names = {"-r", "--reporter"}, paramLabel = "junit|json", description = "Write a report (with --out).")
    String reporter;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where the report goes.")
    Path out;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Set a variable, above the environment (repeatable).")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for SigV4 requests (default: the keys in "
            + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY when set, else AWS_PROFILE or 'default').")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "Region for SigV4 requests when the URL does not name one.")
    String region;

    @Option(names = "--local-credentials", description = "Sign SigV4 requests with dummy keys (for the sandbox and local emulators).")
    boolean localCredentials;

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the summary.")
    boolean quiet;

    private Map<String, String> processEnvironment = System.getenv();
    private Path home = Path.of(System.getProperty("user.home"));

    /** For tests: another environment and home folder than the process's, for SigV4 credentials and region. */
    void processEnvironment(Map<String, String> variables, Path homeFolder) {
        processEnvironment = variables;
        home = homeFolder;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (reporter != null && out == null || reporter == null && out != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reporter and --out go together");
        }
        if (reporter != null && !reporter.equals("junit") && !reporter.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reporter must be junit or json, not " + reporter);
        }
        OpenedCollection opened;
        RunOptions options;
        try {
            CollectionOpener opener = new CollectionOpener(SecretStore.standard());
            opened = opener.open(collection);
            opened.importNotes().forEach(note -> err.println("note: " + note));
            Environment chosen = null;
            if (environment != null) {
                chosen = opener.environment(opened, environment).orElse(null);
                if (chosen == null) {
                    err.println("No environment \"" + environment + "\" in " + collection + " (it has: "
                            + String.join(", ", opened.environments().stream().map(Environment::name).toList())
                            + "), and no such file.");
                    return UNUSABLE;
                }
            }
            List<Map<String, String>> rows = data == null ? List.of() : DataFile.read(data);
            options = new RunOptions(withOverrides(chosen), iterations, rows, Duration.ofMillis(delayMillis), bail,
                    Duration.ofMillis(timeoutMillis));
        } catch (CollectionFormatException e) {
            err.println("Cannot read the collection: " + e.getMessage());
            err.flush();
            return UNUSABLE;
        }
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "run-sender");
            thread.setDaemon(true);
            return thread;
        });
        LazySigner signer = new LazySigner(this::connection, () -> AwsProfiles.discover(processEnvironment, home));
        try {
            HttpRequestSender sender = new HttpRequestSender(signer, executor).withTimeout(Duration.ofMillis(timeoutMillis));
            RunReport report = new CollectionRunner(sender, Clock.systemUTC())
                    .run(RunPlan.of(opened.collection()), options, new Progress(err, quiet));
            err.println(report.passed() ? "PASSED  " + report.summary() : "FAILED  " + report.summary());
            err.flush();
            if (reporter != null) {
                if (reporter.equals("junit")) {
                    JunitReport.write(report, out);
                } else {
                    JsonReport.write(report, out);
                }
            }
            return report.passed() ? PASSED : FAILED;
        } finally {
            executor.shutdownNow();
            signer.close();
        }
    }

    private Environment withOverrides(Environment chosen) {
        if (variables.isEmpty()) {
            return chosen;
        }
        List<KeyValue> values = new ArrayList<>(chosen == null ? List.of() : chosen.variables());
        variables.forEach((k, v) -> values.add(KeyValue.of(k, v)));
        return new Environment(chosen == null ? "command line" : chosen.name(), chosen != null && chosen.production(),
                values, chosen == null ? java.util.Set.of() : chosen.secrets());
    }

    private Connection connection() {
        String chosenRegion = region != null ? region : processEnvironment.getOrDefault("AWS_REGION",
                processEnvironment.get("AWS_DEFAULT_REGION"));
        if (localCredentials) {
            return Connection.sandbox().withRegion(chosenRegion);
        }
        if (profile == null && EnvironmentKeys.from(processEnvironment).isPresent()) {
            return Connection.environmentKeys(chosenRegion); // as the AWS CLI: they win over AWS_PROFILE
        }
        String name = profile != null ? profile : processEnvironment.getOrDefault("AWS_PROFILE", "default");
        return Connection.profile(name, chosenRegion);
    }

    /** Progress lines on stderr: one per request, one per failed check. */
    private static final class Progress implements RunListener {
        private final PrintWriter err;
        private final boolean quiet;
        private int total;

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void started(RunPlan plan, int total) {
            this.total = total;
            if (!quiet) {
                err.println("Running " + plan.name() + ": " + total + " requests");
            }
        }

        @Override
        public void requestStarted(int iteration, int index, PlannedRequest request) {
            if (!quiet) {
                err.print("[" + (index + 1) + "/" + total + "] " + request.path() + " ");
            }
        }

        @Override
        public void requestFinished(RequestResult result) {
            String outcome = result.response() != null
                    ? result.response().status() + " in " + result.response().elapsed().toMillis() + " ms"
                    : result.error();
            if (!quiet) {
                err.println((result.passed() ? "ok " : "FAIL ") + outcome);
            } else if (!result.passed()) {
                err.println("FAIL " + result.path() + " " + outcome);
            }
            if (result.error() == null) {
                for (CheckResult check : result.failedChecks()) {
                    err.println("  ✗ " + check.message(result.name()));
                }
            }
            err.flush();
        }

        @Override
        public boolean confirmProductionRequest(PlannedRequest request, Environment environment) {
            err.println();
            err.println("warning: " + request.spec().method() + " " + request.path() + " is sent to the production "
                    + "environment \"" + environment.name() + "\"");
            return true;
        }
    }

    /** Builds the AWS credential machinery only when a SigV4 request is actually signed: most runs never need it. */
    private static final class LazySigner implements RequestSigner, AutoCloseable {
        private final java.util.function.Supplier<Connection> connection;
        private final java.util.function.Supplier<AwsProfiles.Discovery> profiles;
        private AwsClientFactory clients;
        private SdkSigV4Signer signer;

        LazySigner(java.util.function.Supplier<Connection> connection,
                   java.util.function.Supplier<AwsProfiles.Discovery> profiles) {
            this.connection = connection;
            this.profiles = profiles;
        }

        @Override
        public synchronized Signed sign(Unsigned request, Auth.SigV4 auth) {
            if (signer == null) {
                clients = new AwsClientFactory(profiles, () -> {
                    throw new IllegalStateException("the command line runner does not start the sandbox");
                }, new SessionSecrets());
                Connection active = connection.get();
                signer = SdkSigV4Signer.forConnections(clients, () -> active);
            }
            return signer.sign(request, auth);
        }

        @Override
        public synchronized void close() {
            if (clients != null) {
                clients.close();
            }
        }
    }
}
