package dev.dynagate.requests;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestFailure;
import dev.dynagate.requests.model.RequestSender;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.requests.model.ResponseRecord;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends requests with java.net.http. Preparation (body, auth, SigV4 credentials, DNS) runs on the given executor
 * because credential providers may block; the exchange itself is asynchronous. Cancelling the returned future
 * interrupts the preparation or aborts the exchange. Every failure completes the future with a
 * {@link RequestFailure} worded for people; when signing fails nothing is sent.
 */
public final class HttpRequestSender implements RequestSender {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade");

    /** Resolves a host name before sending, so a DNS failure is reported as such (and tests need no real DNS). */
    @FunctionalInterface
    public interface HostResolver {
        void resolve(String host) throws UnknownHostException;
    }

    /** Built on first use: creating a java.net.http client is a noticeable part of the app's start-up. */
    private final java.util.function.Supplier<HttpClient> http;
    private final RequestSigner signer;
    private final Executor executor;
    private final HostResolver resolver;
    private final Clock clock;
    private final Duration timeout;
    private final int bodyLimit;

    public HttpRequestSender(RequestSigner signer, Executor executor) {
        this(lazily(HttpRequestSender::newClient), signer, executor, InetAddress::getAllByName, Clock.systemUTC(), DEFAULT_TIMEOUT,
                DEFAULT_BODY_LIMIT);
    }

    private HttpRequestSender(java.util.function.Supplier<HttpClient> http, RequestSigner signer, Executor executor, HostResolver resolver,
                              Clock clock, Duration timeout, int bodyLimit) {
        this.http = http;
        this.signer = signer;
        this.executor = executor;
        this.resolver = resolver;
        this.clock = clock;
        this.timeout = timeout;
        this.bodyLimit = bodyLimit;
    }

    private static <T> java.util.function.Supplier<T> lazily(java.util.function.Supplier<T> create) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = create.get();
                }
                return value;
            }
        };
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpRequestSender withTimeout(Duration value) {
        return new HttpRequestSender(http, signer, executor, resolver, clock, value, bodyLimit);
    }

    /** Keeps at most this many body bytes; the rest is read and counted but dropped. */
    public HttpRequestSender withBodyLimit(int value) {
        return new HttpRequestSender(http, signer, executor, resolver, clock, timeout, value);
    }

    public HttpRequestSender withResolver(HostResolver value) {
        return new HttpRequestSender(http, signer, executor, value, clock, timeout, bodyLimit);
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public CompletableFuture<ResponseRecord> send(RequestSpec resolved) {
        CompletableFuture<Exchange> exchange = exchange(resolved);
        CompletableFuture<ResponseRecord> response = exchange.thenApply(Exchange::response);
        response.whenComplete((value, error) -> {
            if (response.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return response;
    }

    /** Sends and completes with the request as it was sent (signature details included) and the response. */
    public CompletableFuture<Exchange> exchange(RequestSpec resolved) {
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        AtomicReference<Future<?>> call = new AtomicReference<>();
        FutureTask<Void> preparation = new FutureTask<>(() -> start(resolved, result, call), null);
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                preparation.cancel(true);
                Future<?> inFlight = call.get();
                if (inFlight != null) {
                    inFlight.cancel(true);
                }
            }
        });
        try {
            executor.execute(preparation);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            result.completeExceptionally(new RequestFailure(RequestFailure.Kind.CANCELLED,
                    "The application is shutting down; the request was not sent.", shuttingDown));
        }
        return result;
    }

    private void start(RequestSpec spec, CompletableFuture<Exchange> result, AtomicReference<Future<?>> call) {
        SentRequest sent;
        HttpRequest request;
        try {
            sent = prepare(spec);
            request = toHttpRequest(sent);
        } catch (RuntimeException e) {
            result.completeExceptionally(e instanceof RequestFailure ? e
                    : new RequestFailure(RequestFailure.Kind.IO, "The request could not be prepared: " + e.getMessage(), e));
            return;
        }
        if (result.isDone()) {
            return;
        }
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> response =
                http.get().sendAsync(request, info -> new CappedBodySubscriber(bodyLimit));
        call.set(response);
        if (result.isCancelled()) {
            response.cancel(true);
        }
        response.whenComplete((answer, error) -> {
            if (error != null) {
                result.completeExceptionally(RequestFailures.describe(error, sent.uri(), timeout, CONNECT_TIMEOUT));
            } else {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
                result.complete(new Exchange(sent, record(answer, started, elapsed)));
            }
        });
    }

    private SentRequest prepare(RequestSpec spec) {
        String method = spec.method() == null || spec.method().isBlank() ? "GET"
                : spec.method().strip().toUpperCase(Locale.ROOT);
        URI uri = RequestUrls.parse(spec.url());
        List<KeyValue> headers = new ArrayList<>();
        spec.headers().stream().filter(h -> h.enabled() && h.key() != null && !h.key().isBlank())
                .map(h -> KeyValue.of(h.key().strip(), h.value() == null ? "" : h.value())).forEach(headers::add);
        RequestBodies.Encoded body = RequestBodies.encode(spec.body());
        if (body.contentType() != null && find(headers, "content-type") == null) {
            headers.add(KeyValue.of("Content-Type", body.contentType()));
        }
        SigningDetails signing = null;
        Auth auth = spec.auth();
        if (auth instanceof Auth.ApiKey key && key.placement() == Auth.ApiKey.Placement.QUERY) {
            uri = RequestUrls.withQueryParameter(uri, key.name(), key.value());
        } else if (auth instanceof Auth.ApiKey key) {
            headers.add(KeyValue.of(key.name(), key.value()));
        } else if (auth instanceof Auth.Bearer bearer) {
            headers.add(KeyValue.of("Authorization", "Bearer " + bearer.token()));
        } else if (auth instanceof Auth.Basic basic) {
            headers.add(KeyValue.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (basic.username() + ":" + basic.password()).getBytes(StandardCharsets.UTF_8))));
        } else if (auth instanceof Auth.SigV4 sigV4) {
            // resolve first: no point fetching credentials for a host that does not exist
            resolve(uri);
            RequestSigner.Signed signed = signer.sign(new RequestSigner.Unsigned(method, uri, List.copyOf(headers),
                    body.bytes()), sigV4);
            uri = signed.uri();
            headers = new ArrayList<>(signed.headers());
            signing = signed.details();
        }
        // None and Inherit send no auth: a runner resolves inheritance before it sends
        resolve(uri);
        return new SentRequest(method, uri, List.copyOf(headers), body.bytes(), signing);
    }

    private void resolve(URI uri) {
        try {
            resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw RequestFailures.unknownHost(uri, e);
        }
    }

    private HttpRequest toHttpRequest(SentRequest sent) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(sent.uri()).timeout(timeout)
                .method(sent.method(), sent.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(sent.body()));
        if ("http".equalsIgnoreCase(sent.uri().getScheme())) {
            // no h2c upgrade dance with plain-HTTP servers such as local emulators
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        for (KeyValue header : sent.headers()) {
            if (!TRANSPORT_HEADERS.contains(header.key().toLowerCase(Locale.ROOT))) {
                try {
                    builder.header(header.key(), header.value());
                } catch (IllegalArgumentException e) {
                    throw new RequestFailure(RequestFailure.Kind.IO, "The header \"" + header.key()
                            + "\" cannot be sent: " + e.getMessage(), e);
                }
            }
        }
        return builder.build();
    }

    private static ResponseRecord record(HttpResponse<CappedBodySubscriber.Body> answer, Instant started,
                                         Duration elapsed) {
        List<KeyValue> headers = new ArrayList<>();
        answer.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(value -> headers.add(KeyValue.of(name, value)));
            }
        });
        CappedBodySubscriber.Body body = answer.body();
        return new ResponseRecord(answer.statusCode(), List.copyOf(headers), body.kept(), body.fullSize(),
                body.truncated(), started, elapsed);
    }

    private static String find(List<KeyValue> headers, String name) {
        return headers.stream().filter(h -> h.key().equalsIgnoreCase(name)).map(KeyValue::value).findFirst()
                .orElse(null);
    }
}
