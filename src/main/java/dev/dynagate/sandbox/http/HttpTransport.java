package dev.dynagate.sandbox.http;

/** The socket side of {@link SandboxHttpServer}: bound on creation, serving after {@link #start()}. */
interface HttpTransport extends AutoCloseable {

    void start();

    int port();

    @Override
    void close();
}
