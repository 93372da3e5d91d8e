package dev.dynagate.sandbox.http;

import dev.dynagate.sandbox.EventRound;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small HTTP/1.1 server: one thread accepts, a few selector threads read and parse, and each complete request runs
 * on the worker pool, so a handler that blocks (a Lambda running, an fsync) holds only its own connection. Requests
 * the handler calls quick (a DynamoDB read) are answered on the selector thread itself, saving two thread hand-offs
 * per request. A connection handles one request at a time, so pipelined requests are answered in the order they
 * were sent.
 */
final class NioHttpServer implements HttpTransport {
    private static final Logger LOG = Logger.getLogger(NioHttpServer.class.getName());
    private static final long DRAIN_MILLIS = 2000;

    private final ServerSocketChannel server;
    private final Function<SandboxRequest, CompletionStage<SandboxResponse>> handler;
    private final Predicate<SandboxRequest> quick;
    private final Executor workers;
    private final HttpLimits limits;
    private final IoLoop[] loops;
    private final Thread acceptor;
    private volatile boolean closed;

    NioHttpServer(int port, Function<SandboxRequest, CompletionStage<SandboxResponse>> handler,
                  Predicate<SandboxRequest> quick, Executor workers, HttpLimits limits) throws IOException {
        this.handler = handler;
        this.quick = quick;
        this.workers = workers;
        this.limits = limits;
        server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            // quick requests run on these threads, so one per core (up to four) keeps reads in parallel
            int count = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            loops = new IoLoop[count];
            for (int i = 0; i < count; i++) {
                loops[i] = new IoLoop(i);
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        acceptor = new Thread(this::acceptLoop, "sandbox-http-accept");
        acceptor.setDaemon(true);
    }

    @Override
    public void start() {
        for (IoLoop loop : loops) {
            loop.thread.start();
        }
        acceptor.start();
    }

    @Override
    public int port() {
        return server.socket().getLocalPort();
    }

    private void acceptLoop() {
        int next = 0;
        while (!closed) {
            try {
                SocketChannel channel = server.accept();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                IoLoop loop = loops[next++ % loops.length];
                loop.execute(() -> loop.adopt(channel));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // typically out of file descriptors: back off instead of spinning
                LOG.log(Level.WARNING, "accept failed", e);
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the listening socket", e);
        }
        for (IoLoop loop : loops) {
            loop.selector.wakeup();
        }
        try {
            acceptor.join(2000);
            for (IoLoop loop : loops) {
                loop.thread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One selector thread and the connections it owns. */
    private final class IoLoop implements Runnable {
        final Selector selector;
        final Thread thread;
        private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final ByteBuffer discard = ByteBuffer.allocate(8192);

        IoLoop(int index) throws IOException {
            selector = Selector.open();
            thread = new Thread(this, "sandbox-http-io-" + index);
            thread.setDaemon(true);
        }

        /**
         * Runs a task on this loop's thread; the way other threads hand a connection back. The loop's own thread needs
         * no wake-up: it runs its tasks before it waits again.
         */
        void execute(Runnable task) {
            tasks.add(task);
            if (Thread.currentThread() != thread) {
                selector.wakeup();
            }
        }

        void adopt(SocketChannel channel) {
            try {
                Connection connection = new Connection(this, channel);
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
            } catch (IOException e) {
                closeQuietly(channel);
            }
        }

        @Override
        public void run() {
            long nextSweep = System.currentTimeMillis() + 1000;
            EventRound round = EventRound.begin();
            try {
                while (!closed) {
                    selector.select(this::ready, 1000);
                    // what the round's requests put off (one log write for all their writes) may release answers,
                    // which come back as tasks; those may start requests that put off more
                    boolean more;
                    do {
                        more = round.finish();
                        Runnable task;
                        while ((task = tasks.poll()) != null) {
                            task.run();
                            more = true;
                        }
                    } while (more);
                    long now = System.currentTimeMillis();
                    if (now >= nextSweep) {
                        sweep(now);
                        nextSweep = now + 1000;
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.SEVERE, "sandbox HTTP selector stopped", e);
                }
            } finally {
                round.end();
                for (SelectionKey key : new ArrayList<>(selector.keys())) {
                    closeQuietly(key.channel());
                }
                tasks.clear();
                closeQuietly(selector);
            }
        }

        private void ready(SelectionKey key) {
            Connection connection = (Connection) key.attachment();
            try {
                if (key.isWritable()) {
                    connection.writable();
                }
                if (key.isValid() && key.isReadable()) {
                    connection.readable();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "connection dropped", e);
                connection.close();
            } catch (OutOfMemoryError | StackOverflowError e) {
                // this connection's request could not be read or answered; the thread serves every other one of
                // its connections, so it carries on (the DynamoDB engine refuses growth before the heap is full)
                LOG.log(Level.WARNING, "connection dropped: " + e);
                connection.close();
            }
        }

        /** Closes connections that have been silent too long; a connection waiting for its handler is never idle. */
        private void sweep(long now) {
            long idle = limits.idleTimeout().toMillis();
            for (SelectionKey key : new ArrayList<>(selector.keys())) {
                if (key.attachment() instanceof Connection connection) {
                    long silent = now - connection.lastActivity;
                    boolean expired = switch (connection.state) {
                        case READING, WRITING -> silent > idle;
                        case DRAINING -> silent > Math.min(idle, DRAIN_MILLIS);
                        case HANDLING -> false;
                    };
                    if (expired) {
                        connection.close();
                    }
                }
            }
        }
    }

    private enum State { READING, HANDLING, WRITING, DRAINING }

    /**
     * One client connection. Owned by its loop's thread except while a worker handles a request (state HANDLING,
     * no interest ops); ownership passes back through {@link IoLoop#execute}.
     */
    private final class Connection {
        final IoLoop loop;
        final SocketChannel channel;
        final String remoteAddress;
        final RequestParser parser = new RequestParser(limits);
        final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>(2);
        SelectionKey key;
        State state = State.READING;
        boolean closeAfterWrite;
        long lastActivity = System.currentTimeMillis();

        Connection(IoLoop loop, SocketChannel channel) throws IOException {
            this.loop = loop;
            this.channel = channel;
            remoteAddress = ((InetSocketAddress) channel.getRemoteAddress()).getAddress().getHostAddress();
        }

        void readable() throws IOException {
            if (state == State.DRAINING) {
                loop.discard.clear();
                if (channel.read(loop.discard) < 0) {
                    close();
                }
                return;
            }
            int count = channel.read(parser.readSpace());
            if (count < 0) {
                close();
                return;
            }
            parser.filled(count);
            lastActivity = System.currentTimeMillis();
            advance();
        }

        /** Parses what has arrived; hands a complete request to a worker. */
        void advance() throws IOException {
            ParsedRequest request;
            try {
                request = parser.next();
            } catch (HttpProtocolException refusal) {
                pending.add(ResponseEncoder.refusal(refusal));
                closeAfterWrite = true;
                startWriting();
                return;
            }
            if (parser.takeContinue()) {
                pending.add(ResponseEncoder.continueInterim());
                if (!flush()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
            }
            if (request == null) {
                return;
            }
            state = State.HANDLING;
            key.interestOps(0);
            SandboxRequest sandboxRequest = request.toSandboxRequest(remoteAddress);
            if (quick.test(sandboxRequest)) {
                handle(request, sandboxRequest, true);
                return;
            }
            try {
                workers.execute(() -> handle(request, sandboxRequest, false));
            } catch (RejectedExecutionException e) {
                close(); // shutting down
            }
        }

        /**
         * Runs the services, then writes the answer directly while the socket takes it; on a worker, or on the loop
         * for a quick request ({@code onLoop}), which then carries on without a hand-off. An answer that is not ready
         * yet (a write waiting for the disk) is sent from the loop when it is.
         */
        private void handle(ParsedRequest request, SandboxRequest sandboxRequest, boolean onLoop) {
            CompletableFuture<SandboxResponse> answer = answer(sandboxRequest);
            if (answer.isDone()) {
                respond(request, outcome(answer), onLoop);
            } else {
                answer.whenComplete((ignored, error) -> loop.execute(() -> respond(request, outcome(answer), true)));
            }
        }

        private CompletableFuture<SandboxResponse> answer(SandboxRequest sandboxRequest) {
            try {
                return handler.apply(sandboxRequest).toCompletableFuture();
            } catch (RuntimeException | Error e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private SandboxResponse outcome(CompletableFuture<SandboxResponse> answer) {
            try {
                return answer.join();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "sandbox request failed", e);
                return SandboxResponse.json(500, "{\"message\":\"Internal server error\"}");
            }
        }

        private void respond(ParsedRequest request, SandboxResponse response, boolean onLoop) {
            closeAfterWrite = !request.keepAlive();
            try {
                pending.add(ResponseEncoder.encode(response, request.isHead(), request.keepAlive(), request.http10()));
            } catch (RuntimeException e) {
                // a response that cannot be written (null parts) must not leave the connection waiting forever
                LOG.log(Level.WARNING, "sandbox response could not be encoded", e);
                pending.add(ResponseEncoder.encode(SandboxResponse.json(500, "{\"message\":\"Internal server error\"}"),
                        request.isHead(), request.keepAlive(), request.http10()));
            }
            boolean allOut;
            try {
                allOut = flush();
            } catch (IOException e) {
                onLoop(onLoop, this::close);
                return;
            }
            onLoop(onLoop, allOut ? this::written : this::startWritingQuietly);
        }

        /** Pipelined requests already buffered go through the loop's queue, so answering them never recurses. */
        private void onLoop(boolean already, Runnable step) {
            if (already && !parser.hasBufferedBytes()) {
                step.run();
            } else {
                loop.execute(step);
            }
        }

        private void startWritingQuietly() {
            try {
                startWriting();
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        private void startWriting() throws IOException {
            state = State.WRITING;
            lastActivity = System.currentTimeMillis();
            if (flush()) {
                written();
            } else {
                key.interestOps(SelectionKey.OP_WRITE);
            }
        }

        void writable() throws IOException {
            boolean done = flush();
            if (done) {
                lastActivity = System.currentTimeMillis();
            }
            if (!done || state != State.WRITING && state != State.READING) {
                return;
            }
            if (state == State.WRITING) {
                written();
            } else {
                key.interestOps(SelectionKey.OP_READ); // the 100 Continue went out
            }
        }

        /** True once every pending byte is in the socket. */
        private boolean flush() throws IOException {
            ByteBuffer head;
            while ((head = pending.peek()) != null) {
                channel.write(head);
                if (head.hasRemaining()) {
                    return false;
                }
                pending.poll();
            }
            return true;
        }

        /** On the loop: the response is out; read the next request or end the connection gracefully. */
        private void written() {
            if (!key.isValid()) {
                return;
            }
            lastActivity = System.currentTimeMillis();
            if (closeAfterWrite) {
                // half-close and read until the client closes, so unread input cannot reset the answer away
                try {
                    channel.shutdownOutput();
                    state = State.DRAINING;
                    key.interestOps(SelectionKey.OP_READ);
                } catch (IOException e) {
                    close();
                }
                return;
            }
            state = State.READING;
            try {
                key.interestOps(SelectionKey.OP_READ);
                if (parser.hasBufferedBytes()) {
                    advance();
                }
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        void close() {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing", e);
        }
    }

    /** For tests: the number of connections currently open, across all loops. */
    List<Integer> openConnections() {
        List<Integer> counts = new ArrayList<>();
        for (IoLoop loop : loops) {
            counts.add(loop.selector.keys().size());
        }
        return counts;
    }
}
