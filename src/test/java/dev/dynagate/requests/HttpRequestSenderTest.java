package dev.dynagate.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestFailure;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.requests.model.ResponseRecord;
import dev.dynagate.testing.MotoServer;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRequestSenderTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final LocalServer server = new LocalServer();
    private final RequestSigner noSigner = (request, auth) -> {
        throw new AssertionError("not a SigV4 request");
    };
    private final HttpRequestSender sender = new HttpRequestSender(noSigner, executor);

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    private static ResponseRecord await(CompletableFuture<ResponseRecord> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static RequestFailure failureOf(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RequestFailure.class);
            return (RequestFailure) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void sendsMethodHeadersQueryAndJsonBodyAndReadsTheResponse() throws Exception {
        server.on("/items", ex -> {
            ex.getResponseHeaders().add("x-amzn-RequestId", "req-1");
            LocalServer.reply(ex, 201, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        });
        RequestSpec spec = RequestSpec.of("post", server.url("/items?tag=a b"))
                .withHeaders(List.of(KeyValue.of("X-Trace", "t-1"), new KeyValue("X-Off", "no", false)))
                .withBody(Body.json("{\"id\":1}"));

        ResponseRecord response = await(sender.send(spec));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("X-AMZN-REQUESTID")).isEqualTo("req-1");
        assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
        assertThat(response.fullSize()).isEqualTo(11);
        assertThat(response.truncated()).isFalse();
        assertThat(response.elapsed()).isPositive();
        LocalServer.Seen seen = server.seen.get(0);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.uri()).isEqualTo("/items?tag=a%20b");
        assertThat(seen.headers().getFirst("X-Trace")).isEqualTo("t-1");
        assertThat(seen.headers().containsKey("X-Off")).isFalse();
        assertThat(seen.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(new String(seen.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
    }

    @Test
    void appliesApiKeyBearerAndBasicAuth() throws Exception {
        server.on("/", ex -> LocalServer.reply(ex, 200, null, new byte[0]));
        await(sender.send(RequestSpec.of("GET", server.url("/h")).withAuth(new Auth.ApiKey("x-api-key", "k1",
                Auth.ApiKey.Placement.HEADER))));
        await(sender.send(RequestSpec.of("GET", server.url("/q?a=1")).withAuth(new Auth.ApiKey("api key", "k&2",
                Auth.ApiKey.Placement.QUERY))));
        await(sender.send(RequestSpec.of("GET", server.url("/b")).withAuth(new Auth.Bearer("tok"))));
        await(sender.send(RequestSpec.of("GET", server.url("/u")).withAuth(new Auth.Basic("ann", "pä:ss"))));

        assertThat(server.seen.get(0).headers().getFirst("x-api-key")).isEqualTo("k1");
        assertThat(server.seen.get(1).uri()).isEqualTo("/q?a=1&api%20key=k%262");
        assertThat(server.seen.get(2).headers().getFirst("Authorization")).isEqualTo("Bearer tok");
        assertThat(server.seen.get(3).headers().getFirst("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("ann:pä:ss".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sendsFormFields() throws Exception {
        server.on("/form", ex -> LocalServer.reply(ex, 204, null, new byte[0]));
        await(sender.send(RequestSpec.of("POST", server.url("/form"))
                .withBody(Body.form(List.of(KeyValue.of("name", "A & B"), KeyValue.of("n", "1"))))));

        assertThat(new String(server.seen.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("name=A+%26+B&n=1");
        assertThat(server.seen.get(0).headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void aServerErrorIsAResponseNotAFailure() throws Exception {
        server.on("/boom", ex -> LocalServer.reply(ex, 502, "application/json",
                "{\"message\": \"Internal server error\"}".getBytes(StandardCharsets.UTF_8)));

        ResponseRecord response = await(sender.send(RequestSpec.of("GET", server.url("/boom"))));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.bodyText()).contains("Internal server error");
    }

    @Test
    void aTwentyMegabyteBodyIsCutAtTheLimitAndItsFullSizeKnown() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        server.on("/big", ex -> LocalServer.reply(ex, 200, "text/plain", big));

        ResponseRecord response = await(sender.withBodyLimit(1024 * 1024).send(RequestSpec.of("GET", server.url("/big"))));

        assertThat(response.truncated()).isTrue();
        assertThat(response.body()).hasSize(1024 * 1024);
        assertThat(response.fullSize()).isEqualTo(big.length);
    }

    @Test
    void aMalformedUrlFailsBeforeAnythingIsSent() {
        assertThat(failureOf(sender.send(RequestSpec.of("GET", "http://exa mple:99999999/x"))).kind())
                .isEqualTo(RequestFailure.Kind.BAD_URL);
        RequestFailure ftp = failureOf(sender.send(RequestSpec.of("GET", "ftp://127.0.0.1/x")));
        assertThat(ftp.getMessage()).contains("http:// or https://");
        assertThat(failureOf(sender.send(RequestSpec.of("GET", "   "))).getMessage()).isEqualTo("The URL is empty.");
    }

    @Test
    void anUnknownHostIsReportedAsADnsFailure() {
        HttpRequestSender offline = sender.withResolver(host -> {
            throw new UnknownHostException(host);
        });

        RequestFailure failure = failureOf(offline.send(RequestSpec.of("GET", "http://api.internal.example/x")));

        assertThat(failure.kind()).isEqualTo(RequestFailure.Kind.UNKNOWN_HOST);
        assertThat(failure.getMessage()).contains("\"api.internal.example\"").contains("DNS");
    }

    @Test
    void aClosedPortIsReportedAsConnectionRefused() throws Exception {
        int port = MotoServer.freePort();

        RequestFailure failure = failureOf(sender.send(RequestSpec.of("GET", "http://127.0.0.1:" + port + "/x")));

        assertThat(failure.kind()).isEqualTo(RequestFailure.Kind.CONNECTION_REFUSED);
        assertThat(failure.getMessage()).contains("127.0.0.1:" + port).contains("connection refused");
    }

    @Test
    void aSilentServerTimesOut() {
        CountDownLatch release = new CountDownLatch(1);
        server.on("/slow", ex -> {
            await(release);
            LocalServer.reply(ex, 200, null, new byte[0]);
        });
        try {
            RequestFailure failure = failureOf(sender.withTimeout(Duration.ofMillis(300))
                    .send(RequestSpec.of("GET", server.url("/slow"))));

            assertThat(failure.kind()).isEqualTo(RequestFailure.Kind.TIMEOUT);
            assertThat(failure.getMessage()).contains("within 300 ms");
        } finally {
            release.countDown();
        }
    }

    @Test
    void cancellingTheFutureAbortsTheExchange() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.on("/hang", ex -> {
            arrived.countDown();
            await(release);
        });
        try {
            CompletableFuture<ResponseRecord> future = sender.send(RequestSpec.of("GET", server.url("/hang")));
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

            future.cancel(true);

            assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void failuresOfTheTransportGetHumanMessages() {
        var uri = java.net.URI.create("http://nowhere.test:8080/x");
        RequestFailure dns = RequestFailures.describe(new java.net.ConnectException() {
            {
                initCause(new java.nio.channels.UnresolvedAddressException());
            }
        }, uri, Duration.ofSeconds(30), Duration.ofSeconds(10));
        assertThat(dns.kind()).isEqualTo(RequestFailure.Kind.UNKNOWN_HOST);
        assertThat(RequestFailures.describe(new java.net.http.HttpConnectTimeoutException("x"), uri,
                Duration.ofSeconds(30), Duration.ofSeconds(10)).getMessage())
                .isEqualTo("Could not connect to nowhere.test:8080 within 10 s. Check the host, the port and your network or VPN.");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
