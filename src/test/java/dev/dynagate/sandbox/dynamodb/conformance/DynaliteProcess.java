package dev.dynagate.sandbox.dynamodb.conformance;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An in-memory dynalite on a free loopback port whose tables become ACTIVE at once; stopped on close. */
final class DynaliteProcess implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private DynaliteProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static DynaliteProcess start(Path executable) throws IOException, InterruptedException {
        int port = ConformancePeers.freePort();
        Process process = new ProcessBuilder(List.of(executable.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        DynaliteProcess dynalite = new DynaliteProcess(process, URI.create("http://127.0.0.1:" + port));
        dynalite.awaitReady();
        return dynalite;
    }

    URI endpoint() {
        return endpoint;
    }

    private void awaitReady() throws IOException, InterruptedException {
        DynamoDbWire wire = new DynamoDbWire(endpoint, Duration.ofSeconds(2));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("dynalite exited with " + process.exitValue());
            }
            try {
                if (wire.call("ListTables", "{}").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IOException("dynalite did not answer on " + endpoint + " within 30 s");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
