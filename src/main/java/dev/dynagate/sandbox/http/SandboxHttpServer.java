package dev.dynagate.sandbox.http;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox's single loopback port, dispatching each request to the first {@link SandboxService} that accepts it.
 * Served by {@link NioHttpServer}; {@code -Ddynagate.sandbox.http=jdk} falls back to the JDK's built-in server.
 */
public final class SandboxHttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxHttpServer.class.getName());

    static final String IMPLEMENTATION_PROPERTY = "dynagate.sandbox.http";
    static final int CORE_THREADS = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
    static final int MAX_THREADS = 512;

    private final ExecutorService workers;
    private final HttpTransport transport;
    private final List<SandboxService> services = new CopyOnWriteArrayList<>();

    /** Binds 127.0.0.1:port (0 picks a free port) without serving yet, so the port is known before services start. */
    public SandboxHttpServer(int port) throws IOException {
        this(port, HttpLimits.DEFAULT);
    }

    SandboxHttpServer(int port, HttpLimits limits) throws IOException {
        workers = newWorkers();
        try {
            transport = "jdk".equalsIgnoreCase(System.getProperty(IMPLEMENTATION_PROPERTY))
                    ? new JdkHttpTransport(port, this::dispatchAsync, workers)
                    : new NioHttpServer(port, this::dispatchAsync, this::quick, workers, limits);
        } catch (IOException | RuntimeException e) {
            workers.shutdownNow();
            throw e;
        }
    }

    /**
     * Elastic: an invoke-URL request holds its worker while its function calls back into the sandbox (DynamoDB) on
     * another, so a fixed pool could fill with requests all waiting for workers that never come. Past the maximum a
     * request gets a thread of its own rather than running on the (selector) thread that submitted it.
     */
    private static ExecutorService newWorkers() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "sandbox-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(CORE_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads,
                (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new java.util.concurrent.RejectedExecutionException("sandbox HTTP server closed");
                    }
                    threads.newThread(task).start();
                });
    }

    public void addService(SandboxService service) {
        services.add(service);
    }

    public void start() {
        transport.start();
    }

    public int port() {
        return transport.port();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Whether the service that will answer this request says it is quick (see {@link SandboxService#quick}). */
    boolean quick(SandboxRequest request) {
        for (SandboxService service : services) {
            if (service.accepts(request)) {
                return service.quick(request);
            }
        }
        return true; // the 404 below
    }

    /** The answer of the first service that accepts the request; never fails (a failure becomes a 500). */
    CompletionStage<SandboxResponse> dispatchAsync(SandboxRequest request) {
        for (SandboxService service : services) {
            if (service.accepts(request)) {
                try {
                    return service.handleAsync(request).exceptionally(e -> failed(request, e));
                } catch (RuntimeException e) {
                    return CompletableFuture.completedFuture(failed(request, e));
                }
            }
        }
        return CompletableFuture.completedFuture(SandboxResponse.json(404, "{\"message\":\"No sandbox service answers "
                + request.method() + " " + request.path().replace("\"", "") + "\"}"));
    }

    private static SandboxResponse failed(SandboxRequest request, Throwable e) {
        LOG.log(Level.WARNING, "sandbox service failed on " + request.method() + " " + request.path(), e);
        return SandboxResponse.json(500, "{\"message\":\"Internal server error\"}");
    }

    @Override
    public void close() {
        transport.close();
        workers.shutdownNow();
    }
}
