package dev.dynagate.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.http.RawHttpConnection.RawResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NioHttpServerTest {
    private static final HttpLimits SMALL = new HttpLimits(4096, 1024 * 1024, Duration.ofMillis(1500));

    private SandboxHttpServer server;
    private TestServices services;

    @BeforeEach
    void start() throws IOException {
        server = new SandboxHttpServer(0, SMALL);
        services = TestServices.install(server);
        server.start();
    }

    @AfterEach
    void stop() {
        services.releaseSlow.countDown();
        server.close();
    }

    private RawHttpConnection connect() throws IOException {
        return new RawHttpConnection(server.port());
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    @Test
    void servesServiceRequestsWithDateAndLength() throws IOException {
        try (RawHttpConnection c = connect()) {
            RawResponse response = c.send(get("/echo?a=1&b=%20")).read();

            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(response.body()).isEqualTo("GET /echo?a=1&b=%20 ");
            assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(response.body().length()));
            assertThat(response.header("Content-Type")).isEqualTo("text/plain");
            assertThat(response.header("Date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        }
    }

    @Test
    void aFullHeapOnASelectorThreadCostsOnlyThatConnection() throws IOException {
        for (int i = 0; i < 8; i++) { // connections go round the selector threads: reach each of them
            try (RawHttpConnection c = connect()) {
                c.send(get("/out-of-memory"));
                assertThat(c.closedByServer()).isTrue();
            }
        }
        for (int i = 0; i < 8; i++) {
            try (RawHttpConnection c = connect()) {
                assertThat(c.send(get("/echo")).read().statusLine()).isEqualTo("HTTP/1.1 200 OK");
            }
        }
    }

    @Test
    void keepsOneConnectionForSeveralRequests() throws IOException {
        try (RawHttpConnection c = connect()) {
            for (int i = 0; i < 5; i++) {
                String body = "item-" + i;
                RawResponse response = c.send("POST /put/" + i + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body).read();
                assertThat(response.body()).isEqualTo("POST /put/" + i + " " + body);
                assertThat(response.header("Connection")).isNull();
            }
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() throws IOException {
        try (RawHttpConnection c = connect()) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                burst.append("POST /p/").append(i).append(" HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n").append(i % 10);
            }
            c.send(burst.toString());
            for (int i = 0; i < 20; i++) {
                assertThat(c.read().body()).isEqualTo("POST /p/" + i + " " + (i % 10));
            }
        }
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        try (RawHttpConnection c = connect()) {
            c.send("PUT /chunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
            c.send("1;name=value\r\n \r\nA\r\nchunked!!!\r\n0\r\nX-Trailer: yes\r\n\r\n");
            assertThat(c.read().body()).isEqualTo("PUT /chunks hello chunked!!!");
            assertThat(c.send(get("/after")).read().body()).isEqualTo("GET /after ");
        }
    }

    @Test
    void answersExpectContinueBeforeTheBodyIsSent() throws IOException {
        try (RawHttpConnection c = connect()) {
            c.send("PUT /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
            RawResponse interim = c.read();
            assertThat(interim.status()).isEqualTo(100);

            RawResponse response = c.send("data").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("PUT /upload data");
        }
    }

    @Test
    void refusesAnOversizedBodyWithoutWaitingForIt() throws IOException {
        try (RawHttpConnection c = connect()) {
            RawResponse response = c.send("PUT /big HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
                    + (2 * 1024 * 1024) + "\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void refusesAnOversizedChunkedBody() throws IOException {
        try (RawHttpConnection c = connect()) {
            RawResponse response = c.send("PUT /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(2 * 1024 * 1024) + "\r\n").read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void refusesOversizedHeaders() throws IOException {
        try (RawHttpConnection c = connect()) {
            RawResponse response = c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(8000) + "\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(431);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void refusesMalformedRequests() throws IOException {
        for (String malformed : List.of("GARBAGE\r\n\r\n", "GET /x HTTP/1.1 extra\r\n\r\n", "GET /x FTP/1.0\r\n\r\n",
                "GET /x HTTP/1.1\r\nNo colon here\r\n\r\n", "GET /x HTTP/1.1\r\nContent-Length: ten\r\n\r\n",
                "GET /x HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            try (RawHttpConnection c = connect()) {
                RawResponse response = c.send(malformed).read();

                assertThat(response.status()).as(malformed).isEqualTo(400);
                assertThat(response.header("Content-Length")).isNotNull();
                assertThat(c.closedByServer()).as(malformed).isTrue();
            }
        }
    }

    @Test
    void answersHeadWithTheLengthButNoBody() throws IOException {
        try (RawHttpConnection c = connect()) {
            RawResponse head = c.send("HEAD /thing HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo(String.valueOf("HEAD /thing ".length()));

            // had the HEAD response carried a body, this read would see its bytes instead of the next response
            assertThat(c.send(get("/next")).read().body()).isEqualTo("GET /next ");
        }
    }

    @Test
    void marksEmptyBodiesWithZeroLengthExceptNoContent() throws IOException {
        try (RawHttpConnection c = connect()) {
            RawResponse empty = c.send(get("/empty")).read();
            assertThat(empty.header("Content-Length")).isEqualTo("0");

            RawResponse none = c.send(get("/none")).read();
            assertThat(none.status()).isEqualTo(204);
            assertThat(none.header("Content-Length")).isNull();
            assertThat(c.send(get("/again")).read().body()).isEqualTo("GET /again ");
        }
    }

    @Test
    void answersAResponseThatCannotBeWrittenWith500() throws IOException {
        try (RawHttpConnection c = connect()) {
            assertThat(c.send(get("/broken")).read().status()).isEqualTo(500);
            assertThat(c.send(get("/fine")).read().body()).isEqualTo("GET /fine ");
        }
    }

    @Test
    void closesAfterConnectionClose() throws IOException {
        try (RawHttpConnection c = connect()) {
            RawResponse response = c.send("GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();

            assertThat(response.body()).isEqualTo("GET /bye ");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void servesHttp10ClientsAndClosesUnlessAskedToKeepAlive() throws IOException {
        try (RawHttpConnection c = connect()) {
            RawResponse kept = c.send("GET /one HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(kept.body()).isEqualTo("GET /one ");
            assertThat(kept.header("Connection")).isEqualTo("keep-alive");

            RawResponse last = c.send("POST /two HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi").read();
            assertThat(last.body()).isEqualTo("POST /two hi");
            assertThat(last.header("Connection")).isEqualTo("close");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void closesIdleConnections() throws IOException {
        try (RawHttpConnection c = connect()) {
            assertThat(c.send(get("/first")).read().status()).isEqualTo(200);
            long before = System.nanoTime();

            assertThat(c.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThan(Duration.ofMillis(1000));
        }
    }

    @Test
    void repeatsResponseHeaders() throws Exception {
        try (RawHttpConnection c = connect()) {
            assertThat(c.send(get("/cookies")).read().headers().get("set-cookie")).containsExactly("a=1", "b=2");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.endpoint().resolve("/cookies")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void aBlockedHandlerDoesNotStallOtherConnections() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (RawHttpConnection slow = connect(); RawHttpConnection fast = connect()) {
            slow.send(get("/slow"));
            Future<RawResponse> slowAnswer = pool.submit(() -> slow.read());
            Thread.sleep(200);

            long before = System.nanoTime();
            assertThat(fast.send(get("/quick")).read().body()).isEqualTo("GET /quick ");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
            assertThat(slowAnswer.isDone()).isFalse();

            services.releaseSlow.countDown();
            assertThat(slowAnswer.get(10, TimeUnit.SECONDS).body()).isEqualTo("slow done");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void quickRequestsAreAnsweredOnTheSelectorThreadAndInOrder() throws IOException {
        try (RawHttpConnection c = connect()) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                burst.append("GET /quick-echo/").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            c.send(burst.toString());
            for (int i = 0; i < 20; i++) {
                assertThat(c.read().body()).isEqualTo("quick /quick-echo/" + i);
            }
        }
        assertThat(services.quickThreads).hasSize(20).allMatch(name -> name.startsWith("sandbox-http-io-"));
    }

    @Test
    void anAnswerThatIsNotReadyIsSentWhenItIsWithoutHoldingOtherConnections() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (RawHttpConnection waiting = connect(); RawHttpConnection other = connect()) {
            waiting.send(get("/later"));
            Future<RawResponse> answer = pool.submit(() -> waiting.read());
            assertThat(other.send(get("/quick-echo/x")).read().body()).isEqualTo("quick /quick-echo/x");
            Thread.sleep(200);
            assertThat(answer.isDone()).isFalse();

            services.later.complete("now durable");
            assertThat(answer.get(10, TimeUnit.SECONDS).body()).isEqualTo("now durable");
            assertThat(waiting.send(get("/quick-echo/again")).read().body())
                    .as("the connection reads its next request after a deferred answer")
                    .isEqualTo("quick /quick-echo/again");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAnswerThatFailsLaterIsA500() throws Exception {
        services.later.completeExceptionally(new IllegalStateException("the disk went away"));
        try (RawHttpConnection c = connect()) {
            RawResponse response = c.send(get("/later")).read();
            assertThat(response.status()).isEqualTo(500);
        }
    }

    @Test
    void servesManyConcurrentClients() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = server.endpoint();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/c/" + i))
                    .POST(HttpRequest.BodyPublishers.ofString("body-" + i)).build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> response = calls.get(i).join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("POST /c/" + i + " body-" + i);
        }
    }

    @Test
    void readsAChunkedBodyFromTheJdkClient() throws Exception {
        byte[] large = "0123456789".repeat(20_000).getBytes();
        HttpRequest request = HttpRequest.newBuilder(server.endpoint().resolve("/stream"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("POST /stream " + new String(large));
    }
}
