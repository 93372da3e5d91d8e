package dev.dynagate.sandbox.lambda;

import dev.dynagate.sandbox.SandboxContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs Java Lambda functions in-process: a registry of function definitions (persisted), pools of warm execution
 * environments, invocations with a timeout, and a bounded log of recent invocations per function for the sandbox
 * panel.
 */
public final class LambdaRuntime implements AutoCloseable {
    /** How many finished invocations are kept per function. */
    public static final int LOG_LIMIT = 200;
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final FunctionStore store;
    private final Path codeFolder;
    private final URI endpoint;
    private final Map<String, FunctionDefinition> functions = new ConcurrentHashMap<>();
    private final Map<String, Deque<ExecutionEnvironment>> idle = new ConcurrentHashMap<>();
    private final Map<String, Deque<Invocation>> recent = new ConcurrentHashMap<>();
    private final List<Consumer<Invocation>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;

    /** A runtime keeping its definitions and uploaded code under {@code folder}, pointing functions at {@code endpoint}. */
    public LambdaRuntime(Path folder, URI endpoint) {
        this(folder, endpoint, line -> System.getLogger(LambdaRuntime.class.getName())
                .log(System.Logger.Level.WARNING, line));
    }

    /** As above; {@code log} hears about a stored definition that could not be read and was set aside. */
    public LambdaRuntime(Path folder, URI endpoint, Consumer<String> log) {
        this.store = new FunctionStore(folder, log);
        this.codeFolder = folder.resolve("code");
        this.endpoint = endpoint;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-invocation-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ThreadRoutedOutput.install();
        store.loadAll().forEach(f -> functions.put(f.name(), f));
    }

    public static LambdaRuntime forSandbox(SandboxContext context) {
        return new LambdaRuntime(context.dataDir("lambda"), context.endpoint(), context.log());
    }

    /** Where uploaded deployment packages are unpacked. */
    Path codeFolder() {
        return codeFolder;
    }

    // ---- registry

    /** Registers a new function; fails when the name is taken. */
    public FunctionDefinition create(FunctionDefinition function) {
        FunctionDefinition stamped = function.withLastModified(LAST_MODIFIED.format(Instant.now()));
        if (functions.putIfAbsent(function.name(), stamped) != null) {
            throw new FunctionExistsException(function.name());
        }
        store.save(stamped);
        return stamped;
    }

    /** Creates or replaces a function (demo seeding, templates, updates); warm environments are dropped. */
    public FunctionDefinition put(FunctionDefinition function) {
        FunctionDefinition stamped = function.withLastModified(LAST_MODIFIED.format(Instant.now()));
        functions.put(function.name(), stamped);
        store.save(stamped);
        discardEnvironments(function.name());
        return stamped;
    }

    public Optional<FunctionDefinition> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public List<FunctionDefinition> functions() {
        return functions.values().stream().sorted(Comparator.comparing(FunctionDefinition::name)).toList();
    }

    public boolean delete(String name) {
        boolean existed = functions.remove(name) != null;
        store.delete(name);
        discardEnvironments(name);
        return existed;
    }

    private void discardEnvironments(String name) {
        Deque<ExecutionEnvironment> pool = idle.remove(name);
        if (pool != null) {
            pool.forEach(ExecutionEnvironment::discard);
        }
    }

    /**
     * Why the function's handler cannot be loaded (its code is missing, or the class is not there), or empty when it
     * can: checked without running the class's initialisers.
     */
    public static Optional<String> handlerProblem(FunctionDefinition function) {
        if (!function.code().builtIn() && !java.nio.file.Files.exists(Path.of(function.code().location()))) {
            return Optional.of("code not found: " + function.code().location());
        }
        ClassLoader loader = FunctionClassPath.open(function.code());
        try {
            String handler = function.handler();
            String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            Class.forName(className, false, loader);
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("handler class " + e.getMessage() + " not found in "
                    + (function.code().builtIn() ? "the application class path" : function.code().location()));
        } finally {
            FunctionClassPath.close(loader);
        }
    }

    // ---- invocation log

    /** Recent invocations of every function, oldest first. */
    public List<Invocation> invocations() {
        return recent.values().stream().flatMap(d -> snapshot(d).stream())
                .sorted(Comparator.comparing(Invocation::started)).toList();
    }

    /** Recent invocations of one function, oldest first. */
    public List<Invocation> invocations(String functionName) {
        Deque<Invocation> log = recent.get(functionName);
        return log == null ? List.of() : snapshot(log);
    }

    /** Called on the invoking thread after each invocation finishes. */
    public void addListener(Consumer<Invocation> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Invocation> listener) {
        listeners.remove(listener);
    }

    private static List<Invocation> snapshot(Deque<Invocation> log) {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    private void record(Invocation invocation) {
        Deque<Invocation> log = recent.computeIfAbsent(invocation.functionName(), k -> new ArrayDeque<>());
        synchronized (log) {
            log.addLast(invocation);
            while (log.size() > LOG_LIMIT) {
                log.removeFirst();
            }
        }
        listeners.forEach(l -> l.accept(invocation));
    }

    // ---- invoking

    /** Invokes the function synchronously (RequestResponse) and waits at most its timeout. */
    public InvocationResult invoke(String name, byte[] payload) {
        FunctionDefinition function = functions.get(name);
        if (function == null) {
            throw new FunctionNotFoundException(name);
        }
        String requestId = UUID.randomUUID().toString();
        InvocationLog log = new InvocationLog();
        Instant started = Instant.now();
        long deadline = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
        InvocationContext context = new InvocationContext(requestId, function, deadline, log);
        AtomicBoolean startLogged = new AtomicBoolean();
        Future<Attempt> task = executor.submit(() -> attempt(function, payload, context, startLogged));
        try {
            Attempt attempt = task.get(function.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
            return finish(function, context, started, attempt);
        } catch (TimeoutException e) {
            task.cancel(true);
            return timedOut(function, context, started, startLogged);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return timedOut(function, context, started, startLogged);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Lambda runtime failure", e.getCause());
        }
    }

    /** Invokes without waiting (the Event invocation type); the invocation is logged when it ends. */
    public CompletableFuture<InvocationResult> invokeAsync(String name, byte[] payload) {
        if (!functions.containsKey(name)) {
            throw new FunctionNotFoundException(name);
        }
        return CompletableFuture.supplyAsync(() -> invoke(name, payload), executor);
    }

    /** The outcome of running the handler on an invocation thread. */
    private record Attempt(byte[] payload, Throwable error, Double initMillis, long handlerNanos) {
    }

    private Attempt attempt(FunctionDefinition function, byte[] payload, InvocationContext context,
                            AtomicBoolean startLogged) {
        ThreadRoutedOutput.route(context.log());
        LambdaEnvironment.set(environment(function));
        ExecutionEnvironment environment = null;
        Double initMillis = null;
        try {
            environment = takeIdle(function);
            if (environment == null) {
                long initStart = System.nanoTime();
                try {
                    environment = ExecutionEnvironment.create(function);
                } catch (RuntimeException | LinkageError e) {
                    initMillis = (System.nanoTime() - initStart) / 1e6;
                    logStart(context, startLogged);
                    return new Attempt(null, e instanceof HandlerNotFoundException && e.getCause() != null
                            ? e.getCause() : e, initMillis, 0);
                }
                initMillis = (System.nanoTime() - initStart) / 1e6;
            }
            logStart(context, startLogged);
            long start = System.nanoTime();
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(environment.loader());
            try {
                byte[] result = environment.handler().invoke(payload, context);
                return new Attempt(result, null, initMillis, System.nanoTime() - start);
            } catch (Throwable e) {
                return new Attempt(null, e, initMillis, System.nanoTime() - start);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        } finally {
            if (environment != null && !Thread.currentThread().isInterrupted()) {
                returnIdle(environment);
            } else if (environment != null) {
                environment.discard();
            }
            LambdaEnvironment.clear();
            ThreadRoutedOutput.unroute();
        }
    }

    private ExecutionEnvironment takeIdle(FunctionDefinition function) {
        Deque<ExecutionEnvironment> pool = idle.get(function.name());
        ExecutionEnvironment environment = pool == null ? null : pool.pollFirst();
        return environment == null || environment.function().equals(function) ? environment : null;
    }

    private void returnIdle(ExecutionEnvironment environment) {
        if (functions.get(environment.function().name()) == environment.function()) {
            idle.computeIfAbsent(environment.function().name(), k -> new ConcurrentLinkedDeque<>())
                    .addFirst(environment);
        } else {
            environment.discard();
        }
    }

    private static void logStart(InvocationContext context, AtomicBoolean startLogged) {
        if (startLogged.compareAndSet(false, true)) {
            context.log().line("START RequestId: " + context.awsRequestId() + " Version: $LATEST");
        }
    }

    private InvocationResult finish(FunctionDefinition function, InvocationContext context, Instant started,
                                    Attempt attempt) {
        InvocationLog log = context.log();
        byte[] payload;
        String functionError = null;
        if (attempt.error() == null) {
            payload = attempt.payload();
        } else {
            functionError = "Unhandled";
            payload = LambdaJson.MAPPER.createObjectNode().setAll(LambdaErrors.document(attempt.error()))
                    .toString().getBytes(StandardCharsets.UTF_8);
            log.line(LambdaErrors.stackTrace(attempt.error()).stripTrailing());
        }
        double millis = attempt.handlerNanos() / 1e6;
        Invocation invocation = close(function, context, started, millis, attempt.initMillis(),
                attempt.error() == null ? Invocation.Outcome.SUCCESS : Invocation.Outcome.ERROR);
        return new InvocationResult(invocation, payload, functionError);
    }

    private InvocationResult timedOut(FunctionDefinition function, InvocationContext context, Instant started,
                                      AtomicBoolean startLogged) {
        logStart(context, startLogged);
        String seconds = String.format(java.util.Locale.ROOT, "%.2f", (double) function.timeoutSeconds());
        context.log().line(LOG_TIME.format(Instant.now()) + " " + context.awsRequestId()
                + " Task timed out after " + seconds + " seconds");
        Invocation invocation = close(function, context, started, function.timeoutSeconds() * 1000.0, null,
                Invocation.Outcome.TIMEOUT);
        var document = LambdaJson.MAPPER.createObjectNode()
                .put("errorType", "Sandbox.Timedout")
                .put("errorMessage", "RequestId: " + context.awsRequestId() + " Error: Task timed out after "
                        + seconds + " seconds");
        return new InvocationResult(invocation, document.toString().getBytes(StandardCharsets.UTF_8), "Unhandled");
    }

    private Invocation close(FunctionDefinition function, InvocationContext context, Instant started, double millis,
                             Double initMillis, Invocation.Outcome outcome) {
        InvocationLog log = context.log();
        log.line("END RequestId: " + context.awsRequestId());
        log.line(report(function, context.awsRequestId(), millis, initMillis));
        Invocation invocation = new Invocation(context.awsRequestId(), function.name(), started, millis, initMillis,
                outcome, log.text());
        record(invocation);
        return invocation;
    }

    /** Lambda's REPORT line: durations with two decimals, billed milliseconds rounded up, Init Duration when cold. */
    static String report(FunctionDefinition function, String requestId, double millis, Double initMillis) {
        Runtime jvm = Runtime.getRuntime();
        long usedMb = Math.min(function.memoryMb(), Math.max(1, (jvm.totalMemory() - jvm.freeMemory()) >> 20));
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(String.format(java.util.Locale.ROOT, "%.2f ms", millis))
                .append("\tBilled Duration: ").append((long) Math.ceil(millis)).append(" ms")
                .append("\tMemory Size: ").append(function.memoryMb()).append(" MB")
                .append("\tMax Memory Used: ").append(usedMb).append(" MB");
        if (initMillis != null) {
            line.append("\tInit Duration: ").append(String.format(java.util.Locale.ROOT, "%.2f ms", initMillis));
        }
        return line.toString();
    }

    /** What Lambda sets in every function's environment, then the function's own variables. */
    Map<String, String> environment(FunctionDefinition function) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_REGION", SandboxContext.REGION);
        variables.put("AWS_DEFAULT_REGION", SandboxContext.REGION);
        variables.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        variables.put("_HANDLER", function.handler());
        variables.put("AWS_ACCESS_KEY_ID", "sandbox");
        variables.put("AWS_SECRET_ACCESS_KEY", "sandbox");
        variables.put("AWS_SESSION_TOKEN", "sandbox");
        variables.put("AWS_ENDPOINT_URL", endpoint.toString());
        variables.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
        variables.put("AWS_ENDPOINT_URL_LAMBDA", endpoint.toString());
        variables.put("TZ", ":UTC");
        variables.putAll(function.environment());
        return variables;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        idle.values().forEach(pool -> pool.forEach(ExecutionEnvironment::discard));
        idle.clear();
    }
}
