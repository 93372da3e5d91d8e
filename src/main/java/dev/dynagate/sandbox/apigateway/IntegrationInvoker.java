package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.lambda.FunctionNotFoundException;
import dev.dynagate.sandbox.lambda.InvocationResult;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a Lambda function for an integration and waits at most the integration's timeout, which API Gateway
 * enforces apart from the function's own.
 */
final class IntegrationInvoker implements AutoCloseable {
    enum Kind { OK, FAILED, TIMED_OUT, REJECTED }

    /** How the call ended; the result is null unless the function ran to completion or failed. */
    record Outcome(Kind kind, InvocationResult result) {
    }

    private final LambdaRuntime lambda;
    private final ExecutorService invokers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "execute-api-integration");
        t.setDaemon(true);
        return t;
    });

    IntegrationInvoker(LambdaRuntime lambda) {
        this.lambda = lambda;
    }

    Outcome invoke(String function, ObjectNode event, int timeoutMillis) {
        return invoke(function, event.toString().getBytes(StandardCharsets.UTF_8), timeoutMillis);
    }

    Outcome invoke(String function, byte[] payload, int timeoutMillis) {
        try {
            if (lambda.function(function).isEmpty()) {
                return new Outcome(Kind.REJECTED, null);
            }
            CompletableFuture<InvocationResult> call = CompletableFuture.supplyAsync(
                    () -> lambda.invoke(function, payload), invokers);
            InvocationResult result = call.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new Outcome(result.failed() ? Kind.FAILED : Kind.OK, result);
        } catch (TimeoutException e) {
            return new Outcome(Kind.TIMED_OUT, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.TIMED_OUT, null);
        } catch (ExecutionException e) {
            return new Outcome(e.getCause() instanceof FunctionNotFoundException ? Kind.REJECTED : Kind.FAILED, null);
        }
    }

    @Override
    public void close() {
        invokers.shutdownNow();
    }
}
