package dev.dynagate.ui;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
}
