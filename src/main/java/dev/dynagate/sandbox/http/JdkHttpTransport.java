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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The JDK's built-in HTTP server, kept as a fallback ({@code -Ddynagate.sandbox.http=jdk}). */
final class JdkHttpTransport implements HttpTransport {
    private static final Logger LOG = Logger.getLogger(JdkHttpTransport.class.getName());

    static {
        // without TCP_NODELAY every response waits ~40 ms for the client's delayed ACK (headers and body are two writes)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final Function<SandboxRequest, CompletionStage<SandboxResponse>> handler;

    JdkHttpTransport(int port, Function<SandboxRequest, CompletionStage<SandboxResponse>> handler, Executor workers)
            throws IOException {
        this.handler = handler;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(workers);
        server.createContext("/", this::exchange);
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            // this server's threads may block: each waits for its own answer
            SandboxResponse response = handler.apply(read(exchange)).toCompletableFuture().join();
            write(exchange, response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        }
    }

    private static SandboxRequest read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new SandboxRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress());
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
    }
}
