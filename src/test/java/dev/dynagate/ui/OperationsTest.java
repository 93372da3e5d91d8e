package dev.dynagate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OperationsTest {

    @Test
    void listsWorkWhileItRunsAndForgetsItAfter() throws Exception {
        ExecutorService background = BackgroundExecutor.create("test");
        Operations operations = new Operations(background, Runnable::run, Clock.systemUTC());
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<String> result = operations.run("Listing", () -> {
            await(release);
            return "done";
        });

        assertThat(operations.inFlight()).extracting(Operation::description).containsExactly("Listing");
        release.countDown();
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        awaitEmpty(operations);
        background.shutdownNow();
    }

    @Test
    void whatTheWorkReportsIsShownUntilItEnds() throws Exception {
        ExecutorService background = BackgroundExecutor.create("test");
        Operations operations = new Operations(background, Runnable::run, Clock.systemUTC());
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Operations.Progress> kept =
                new java.util.concurrent.atomic.AtomicReference<>();

        CompletableFuture<Long> result = operations.runReporting("Copying", progress -> {
            progress.report("1,000 items");
            progress.report("2,000 items");
            kept.set(progress);
            reported.countDown();
            await(release);
            return 2000L;
        });
        assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();

        Operation copying = operations.inFlight().get(0);
        assertThat(copying.progress().get()).isEqualTo("2,000 items");
        assertThat(copying).hasToString("Copying (2,000 items)");
        release.countDown();
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(2000L);
        awaitEmpty(operations);
        kept.get().report("late");
        assertThat(copying.progress().get()).isEqualTo("2,000 items");
        background.shutdownNow();
    }

    @Test
    void cancelInterruptsTheWorkerThread() throws Exception {
        ExecutorService background = BackgroundExecutor.create("test");
        Operations operations = new Operations(background, Runnable::run, Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);

        CompletableFuture<Object> result = operations.run("Slow call", () -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        });
        started.await(5, TimeUnit.SECONDS);
        operations.inFlight().get(0).cancel();

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(result).isCancelled();
        awaitEmpty(operations);
        background.shutdownNow();
    }

    @Test
    void newestRequestWins() {
        LatestOnly latest = new LatestOnly();
        CompletableFuture<String> first = new CompletableFuture<>();
        long one = latest.next();
        latest.attach(one, first);

        long two = latest.next();

        assertThat(first).isCancelled();
        assertThat(latest.isCurrent(one)).isFalse();
        assertThat(latest.isCurrent(two)).isTrue();
    }

    /** The list is updated by a completion callback that may run just after get() returns. */
    private static void awaitEmpty(Operations operations) throws InterruptedException {
        for (int i = 0; i < 200 && !operations.inFlight().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(operations.inFlight()).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
