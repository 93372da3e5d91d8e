package dev.dynagate.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.history.HistoryPresenter;
import dev.dynagate.requests.history.HistoryStore;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.ui.Operations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestPresenterTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Operations operations = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final LocalServer server = new LocalServer();
    private final AtomicInteger calls = new AtomicInteger();
    @TempDir
    Path dir;

    private RequestPresenter presenter(HistoryPresenter history) {
        HttpRequestSender sender = new HttpRequestSender((r, a) -> {
            throw new AssertionError();
        }, executor);
        return new RequestPresenter(sender, () -> Map.of("base", server.url("")), history, operations);
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    @Test
    void theQueryTableFollowsTheUrlAndTheUrlFollowsTheTable() {
        RequestPresenter presenter = presenter(null);
        presenter.url().set("{{base}}/items?limit=10&tag=a%20b");

        assertThat(presenter.query()).extracting(r -> r.key().get() + "=" + r.value().get())
                .containsExactly("limit=10", "tag=a b");
        presenter.query().get(0).value().set("20");
        presenter.query().add(new ParamRow("q", "x&y", true));
        assertThat(presenter.url().get()).isEqualTo("{{base}}/items?limit=20&tag=a%20b&q=x%26y");
        presenter.query().get(1).enabled().set(false);
        assertThat(presenter.url().get()).isEqualTo("{{base}}/items?limit=20&q=x%26y");
        assertThat(presenter.query()).hasSize(3);
    }

    @Test
    void pathParametersGetAnEditorAndFillTheUrl() {
        RequestPresenter presenter = presenter(null);
        presenter.url().set("{{base}}/orders/{id}/files/{proxy+}?x=1");

        assertThat(presenter.pathParameters()).extracting(r -> r.key().get()).containsExactly("id", "proxy");
        presenter.pathParameters().get(0).value().set("a b");
        presenter.pathParameters().get(1).value().set("docs/2026/x.pdf");
        assertThat(presenter.spec().url()).isEqualTo("{{base}}/orders/a%20b/files/docs/2026/x.pdf?x=1");
    }

    @Test
    void anInvalidJsonBodyOrUnknownVariableIsNotSent() {
        server.on("/", ex -> {
            calls.incrementAndGet();
            LocalServer.reply(ex, 200, null, new byte[0]);
        });
        RequestPresenter presenter = presenter(null);
        presenter.load(RequestSpec.of("POST", "{{base}}/x").withBody(Body.json("{\"a\": 1,}")));
        presenter.send();
        assertThat(presenter.problem().get()).startsWith("The body is not valid JSON at line 1");

        presenter.bodyText().set("{\"a\": \"{{nope}}\"}");
        presenter.send();
        assertThat(presenter.problem().get()).contains("{{nope}}");

        presenter.load(RequestSpec.of("GET", "{{base}}/orders/{id}"));
        presenter.send();
        assertThat(presenter.problem().get()).startsWith("The path parameter {id} has no value");
        assertThat(calls).hasValue(0);
    }

    @Test
    void sendShowsTheResponseRecordsHistoryAndAReplayDiffs() throws Exception {
        AtomicInteger version = new AtomicInteger(1);
        server.on("/items", ex -> {
            ex.getResponseHeaders().add("apigw-requestid", "id-" + version.get());
            LocalServer.reply(ex, 200, "application/json", ("{\"count\":" + version.get() + ",\"requestId\":\""
                    + version.get() + "\"}").getBytes(StandardCharsets.UTF_8));
        });
        HistoryPresenter history = new HistoryPresenter(new HistoryStore(dir.resolve("h.jsonl"), 100, Clock.systemUTC()),
                operations, ZoneOffset.UTC);
        RequestPresenter presenter = presenter(history);
        presenter.load(RequestSpec.of("GET", "{{base}}/items"));

        presenter.send().get(10, TimeUnit.SECONDS);

        assertThat(presenter.exchange().get().response().status()).isEqualTo(200);
        assertThat(presenter.responseBody().get().pretty()).isEqualTo("{\n  \"count\" : 1,\n  \"requestId\" : \"1\"\n}");
        waitFor(() -> history.entries().size() == 1);
        assertThat(history.entries().get(0).request().url()).isEqualTo("{{base}}/items");

        version.set(2);
        presenter.replay(history.entries().get(0)).get(10, TimeUnit.SECONDS);

        assertThat(presenter.diff()).extracting(Object::toString).containsExactly("~ $.count: 1 → 2");
        waitFor(() -> history.entries().size() == 2);
    }

    @Test
    void aReadOnlyConnectionSendsNoWrites() throws Exception {
        server.on("/w", ex -> {
            calls.incrementAndGet();
            LocalServer.reply(ex, 200, null, new byte[0]);
        });
        RequestPresenter presenter = new RequestPresenter(new HttpRequestSender((r, a) -> {
            throw new AssertionError();
        }, executor), () -> Map.of("base", server.url("")), null, SendGuard.readOnly(() -> "prod"), operations);
        presenter.load(RequestSpec.of("DELETE", "{{base}}/w"));
        presenter.send();
        assertThat(presenter.problem().get()).contains("'prod' is read-only").contains("DELETE");
        assertThat(calls).hasValue(0);

        presenter.method().set("GET");
        presenter.send().get(10, TimeUnit.SECONDS);
        assertThat(calls).hasValue(1);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
