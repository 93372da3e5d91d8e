package dev.dynagate.ui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A unit of background work whose future, when cancelled, interrupts the thread running it — which a plain
 * {@link CompletableFuture#supplyAsync} does not do.
 */
final class CancellableTask<T> implements Runnable {
    private final Supplier<T> work;
    private final CompletableFuture<T> result;
    private volatile Thread runner;

    CancellableTask(Supplier<T> work) {
        this.work = work;
        this.result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                Thread thread = runner;
                if (cancelled && thread != null) {
                    thread.interrupt();
                }
                return cancelled;
            }
        };
    }

    CompletableFuture<T> result() {
        return result;
    }

    @Override
    public void run() {
        if (result.isDone()) {
            return;
        }
        runner = Thread.currentThread();
        try {
            result.complete(work.get());
        } catch (CancellationException e) {
            result.cancel(false);
        } catch (Throwable e) {
            result.completeExceptionally(e);
        } finally {
            runner = null;
            Thread.interrupted();
        }
    }
}
