package dev.dynagate.requests.collections;

import dev.dynagate.requests.UnresolvedVariableException;
import dev.dynagate.requests.Variables;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.RequestFailure;
import dev.dynagate.requests.model.RequestSender;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.requests.model.ResponseRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Runs a plan: every request of every iteration in order, one at a time, on the calling thread. Variables, lowest
 * first: collection, folders, environment, the iteration's data row, then values captured earlier in the run
 * (captures carry over to later iterations). Interrupting the thread stops the run after the request in flight is
 * cancelled.
 */
public final class CollectionRunner {
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RequestSender sender;
    private final Clock clock;

    public CollectionRunner(RequestSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    public static boolean isMutating(String method) {
        return method != null && MUTATING.contains(method.toUpperCase(Locale.ROOT));
    }

    public RunReport run(RunPlan plan, RunOptions options, RunListener listener) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        int iterations = options.effectiveIterations();
        listener.started(plan, iterations * plan.requests().size());
        List<RequestResult> results = new ArrayList<>();
        Map<String, String> captured = new HashMap<>();
        boolean stopped = false;
        int index = 0;
        outer:
        for (int iteration = 1; iteration <= iterations; iteration++) {
            for (PlannedRequest request : plan.requests()) {
                if (Thread.currentThread().isInterrupted() || index > 0 && !pause(options.delay())) {
                    stopped = true;
                    break outer;
                }
                listener.requestStarted(iteration, index++, request);
                RequestResult result = runOne(request, iteration, options, captured, listener);
                results.add(result);
                listener.requestFinished(result);
                if (Thread.currentThread().isInterrupted() || options.bail() && !result.passed()) {
                    stopped = true;
                    break outer;
                }
            }
        }
        String environment = options.environment() == null ? null : options.environment().name();
        return new RunReport(plan.name(), environment, iterations, started,
                Duration.ofNanos(System.nanoTime() - startNanos), results, stopped);
    }

    private RequestResult runOne(PlannedRequest request, int iteration, RunOptions options,
                                 Map<String, String> captured, RunListener listener) {
        Map<String, String> values = new LinkedHashMap<>(request.scopeVariables());
        if (options.environment() != null) {
            values.putAll(options.environment().values());
        }
        values.putAll(options.row(iteration));
        values.putAll(captured);
        Variables variables = Variables.of(values);
        RequestSpec spec = request.spec();
        String method = spec.method() == null ? "GET" : spec.method().toUpperCase(Locale.ROOT);
        long start = System.nanoTime();
        RequestSpec resolved;
        try {
            resolved = variables.resolve(spec.withMethod(method));
        } catch (UnresolvedVariableException e) {
            return failed(request, iteration, method, spec.url(), "not sent: " + e.getMessage(), false, start);
        }
        if (options.environment() != null && options.environment().production() && isMutating(method)
                && !listener.confirmProductionRequest(request, options.environment())) {
            return failed(request, iteration, method, resolved.url(),
                    "not sent: " + method + " to the production environment \"" + options.environment().name()
                            + "\" was not confirmed", true, start);
        }
        ResponseRecord response;
        try {
            response = send(resolved, options.timeout());
        } catch (RequestFailure e) {
            return failed(request, iteration, method, resolved.url(), e.getMessage(), false, start);
        }
        UnaryOperator<String> resolve = text -> {
            try {
                return variables.resolve(text, "assertion");
            } catch (UnresolvedVariableException e) {
                return text;
            }
        };
        List<CheckResult> checks = new ArrayList<>();
        ResponseJson json = new ResponseJson(response);
        for (Assertion assertion : spec.assertions()) {
            if (assertion.enabled()) {
                checks.add(AssertionEvaluator.evaluate(assertion, response, json, resolve));
            }
        }
        for (Capture capture : spec.captures()) {
            checks.add(Captures.apply(capture, response, json, captured));
        }
        return new RequestResult(iteration, request.path(), request.name(), method, resolved.url(), response, null,
                false, checks, Duration.ofNanos(System.nanoTime() - start));
    }

    private ResponseRecord send(RequestSpec resolved, Duration timeout) {
        CompletableFuture<ResponseRecord> future;
        try {
            future = sender.send(resolved);
        } catch (RequestFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RequestFailure(RequestFailure.Kind.IO, e.getMessage(), e);
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RequestFailure(RequestFailure.Kind.CANCELLED, "cancelled", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RequestFailure(RequestFailure.Kind.TIMEOUT, "no response within " + timeout.toMillis() + " ms", e);
        } catch (CancellationException e) {
            throw new RequestFailure(RequestFailure.Kind.CANCELLED, "cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RequestFailure failure) {
                throw failure;
            }
            throw new RequestFailure(RequestFailure.Kind.IO, cause == null ? e.getMessage() : String.valueOf(cause.getMessage()), cause);
        }
    }

    private static RequestResult failed(PlannedRequest request, int iteration, String method, String url, String error,
                                        boolean skipped, long start) {
        return new RequestResult(iteration, request.path(), request.name(), method, url, null, error, skipped, List.of(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static boolean pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
