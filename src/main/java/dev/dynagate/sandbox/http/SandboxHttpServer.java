package dev.dynagate.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The sandbox's single loopback port, dispatching each request to the first {@link SandboxService} that accepts it. */
public final class SandboxHttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxHttpServer.class.getName());

    static {
        // without TCP_NODELAY every response waits ~40 ms for the client's delayed ACK (headers and body are two writes)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    static final int CORE_THREADS = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
    static final int MAX_THREADS = 512;

    private final HttpServer server;
    private final ExecutorService workers;
    private final List<SandboxService> services = new CopyOnWriteArrayList<>();

    /** Binds 127.0.0.1:port (0 picks a free port) without serving yet, so the port is known before services start. */
    public SandboxHttpServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        AtomicInteger count = new AtomicInteger();
        // elastic: an invoke-URL request holds its worker while its function calls back into the sandbox (DynamoDB)
        // on another, so a fixed pool could fill with requests all waiting for workers that never come
        workers = new ThreadPoolExecutor(CORE_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "sandbox-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(workers);
        server.createContext("/", this::exchange);
    }

    public void addService(SandboxService service) {
        services.add(service);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            SandboxResponse response = dispatch(read(exchange));
            write(exchange, response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        }
    }

    private SandboxRequest read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new SandboxRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    SandboxResponse dispatch(SandboxRequest request) {
        for (SandboxService service : services) {
            if (service.accepts(request)) {
                try {
                    return service.handle(request);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "sandbox service failed on " + request.method() + " " + request.path(), e);
                    return SandboxResponse.json(500, "{\"message\":\"Internal server error\"}");
                }
            }
        }
        return SandboxResponse.json(404, "{\"message\":\"No sandbox service answers " + request.method() + " "
                + request.path().replace("\"", "") + "\"}");
    }

    private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().put(header.getKey(), header.getValue());
        }
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        long length = head || response.status() == 204 || response.status() == 304 ? -1 : response.body().length;
        exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
        if (length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
