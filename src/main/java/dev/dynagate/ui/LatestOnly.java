package dev.dynagate.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * Keeps only the newest of a presenter's requests: {@link #next()} cancels the previous one and hands out a
 * ticket; a result whose ticket is no longer current is dropped by the caller.
 */
public final class LatestOnly {
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Future<?>> current = new AtomicReference<>();

    /** Starts a new request: cancels the one in flight and returns the new ticket. */
    public long next() {
        long ticket = generation.incrementAndGet();
        Future<?> previous = current.getAndSet(null);
        if (previous != null) {
            previous.cancel(true);
        }
        return ticket;
    }

    /** Remembers the future of the request holding {@code ticket}, so the next request can cancel it. */
    public void attach(long ticket, Future<?> future) {
        if (isCurrent(ticket)) {
            current.set(future);
        } else {
            future.cancel(true);
        }
    }

    public boolean isCurrent(long ticket) {
        return generation.get() == ticket;
    }

    public void cancel() {
        next();
    }

    /**
     * Runs {@code work} (given its ticket, to check before showing partial results) as the newest request, listed
     * in the status bar as {@code description}. When it ends, {@code finished} gets the result or the failure on the
     * UI thread, unless a newer request started meanwhile.
     */
    public <T> CompletableFuture<T> run(Operations operations, String description, LongFunction<T> work,
                                        BiConsumer<T, Throwable> finished) {
        long ticket = next();
        CompletableFuture<T> result = operations.run(description, () -> work.apply(ticket));
        attach(ticket, result);
        result.whenCompleteAsync((value, error) -> {
            if (isCurrent(ticket)) {
                finished.accept(value, error);
            }
        }, operations.ui());
        return result;
    }
}
