package dev.dynagate.tables;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * Sends one BatchWriteItem batch, then what DynamoDB left unprocessed (it does when throttled), with growing pauses,
 * until everything is written or the retries run out.
 */
public final class UnprocessedRetry {
    /** Pauses between retries; tests pass a no-op. */
    @FunctionalInterface
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    /** @param left what was still unprocessed when the retries ran out (empty when all was written) */
    public record Outcome<T>(List<T> left, int retries) {
    }

    private UnprocessedRetry() {
    }

    /**
     * @param write   sends entries and returns those left unprocessed
     * @param written hears how many entries each attempt wrote
     */
    public static <T> Outcome<T> send(List<T> batch, UnaryOperator<List<T>> write, Pause pause, int maxRetries,
                                      IntConsumer written) {
        List<T> pending = batch;
        int attempt = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
            List<T> left = write.apply(pending);
            written.accept(pending.size() - left.size());
            if (left.isEmpty() || attempt == maxRetries) {
                return new Outcome<>(List.copyOf(left), attempt);
            }
            attempt++;
            try {
                pause.sleep(Math.min(5_000, 50L << attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            }
            pending = left;
        }
    }
}
