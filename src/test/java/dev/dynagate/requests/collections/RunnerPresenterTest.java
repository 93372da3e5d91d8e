package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.HttpRequestSender;
import dev.dynagate.requests.LocalServer;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerPresenterTest {
    @TempDir
    Path dir;
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final LocalServer server = new LocalServer()
            .on("/fast", exchange -> LocalServer.reply(exchange, 200, "application/json",
                    ("{\"q\":\"" + exchange.getRequestURI().getQuery() + "\"}").getBytes(StandardCharsets.UTF_8)))
            .on("/slow", exchange -> {
                slowStarted.countDown();
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LocalServer.reply(exchange, 200, null, new byte[0]);
            });
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final Operations operations = new Operations(background, Runnable::run, Clock.systemUTC());
    private final Dialogs dialogs = new dev.dynagate.testing.UnaskedDialogs() {
        @Override
        public void showError(String title, UserMessage message) {
        }

        @Override
        public boolean confirm(String title, String question, String confirmLabel) {
            return false;
        }

        @Override
        public boolean confirmTyped(String title, String question, String expected) {
            return false;
        }

        @Override
        public Optional<String> ask(String title, String question, String initial) {
            return Optional.empty();
        }
    };
    private final RunnerPresenter presenter = new RunnerPresenter(operations,
            new HttpRequestSender((request, auth) -> {
                throw new AssertionError();
            }, background), dialogs);

    @AfterEach
    void tearDown() {
        server.close();
        background.shutdownNow();
    }

    private static Collection of(RequestSpec... specs) {
        return new Collection("c", "C", null, null, List.of(), List.of(), null,
                java.util.Arrays.stream(specs).map(s -> (CollectionItem) SavedRequest.of(s)).toList());
    }

    @Test
    void dataRowsMakeIterationsAndProgressReachesTheEnd() throws Exception {
        Path data = dir.resolve("rows.json");
        Files.writeString(data, "[{\"q\":\"a\"},{\"q\":\"b\"},{\"q\":\"c\"}]");
        presenter.dataFile().set(data);
        RequestSpec fast = RequestSpec.of("GET", server.url("/fast?{{q}}")).withName("Fast").withAssertions(List.of(
                new Assertion(Assertion.Target.JSON_PATH, "$.q", Assertion.Operator.EQUALS, "{{q}}", true)));

        RunReport report = presenter.run(of(fast), null, null).get(10, TimeUnit.SECONDS);
        // the summary (set last) follows the run's end through the UI executor, a moment after get() may return
        awaitSummaryAfterRun();

        assertThat(report.passed()).isTrue();
        assertThat(presenter.results()).extracting(RequestResult::url)
                .containsExactly(server.url("/fast?a"), server.url("/fast?b"), server.url("/fast?c"));
        assertThat(presenter.progress().get()).isEqualTo(1.0);
        assertThat(presenter.summary().get()).startsWith("Passed: 3 requests, 0 failed; 3 checks, 0 failed");
        assertThat(presenter.running().get()).isFalse();
    }

    private void awaitSummaryAfterRun() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (presenter.summary().get().startsWith("Running") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void stopCancelsTheRequestInFlight() throws Exception {
        RequestSpec fast = RequestSpec.of("GET", server.url("/fast?x")).withName("Fast");
        RequestSpec slow = RequestSpec.of("GET", server.url("/slow")).withName("Slow");
        var future = presenter.run(of(fast, slow, fast), null, null);
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();

        presenter.stop();

        assertThat(future.isCancelled()).isTrue();
        assertThat(presenter.summary().get()).isEqualTo("Stopped.");
        assertThat(presenter.running().get()).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
        Thread.sleep(300);
        // the third request is never sent
        assertThat(server.seen).hasSize(2);
    }

    @Test
    void unreadableDataFileSaysSoAndRunsNothing() throws Exception {
        Path data = dir.resolve("rows.csv");
        Files.writeString(data, "q\n\"open");
        presenter.dataFile().set(data);

        assertThat(presenter.run(of(RequestSpec.of("GET", server.url("/fast"))), null, null)).isCompletedExceptionally();
        assertThat(presenter.summary().get()).startsWith("The data file cannot be used: ").endsWith("rows.csv:2: a quoted value is never closed");
        assertThat(server.seen).isEmpty();
    }
}
