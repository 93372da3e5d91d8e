package dev.dynagate.sandbox.dynamodb.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The headless sandbox ({@code dynagate sandbox}) in its own JVM, so a test can kill it as hard as a crash would. */
final class SandboxProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Dynagate sandbox ready at (http://127\\.0\\.0\\.1:\\d+)(.*)");

    private final Process process;
    private final URI endpoint;
    private final String readyDetails;

    private SandboxProcess(Process process, Matcher ready) {
        this.process = process;
        this.endpoint = URI.create(ready.group(1));
        this.readyDetails = ready.group(2);
    }

    /** Starts {@code dev.dynagate.Launcher sandbox --port 0 --data DIR [options]} with this JVM's class path. */
    static SandboxProcess start(Path data, String... options) throws IOException, InterruptedException {
        return start("512m", data, options);
    }

    /** As {@link #start(Path, String...)}, with a heap of at most {@code heap} ({@code -Xmx}). */
    static SandboxProcess start(String heap, Path data, String... options) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), "dev.dynagate.Launcher", "sandbox", "--port", "0",
                "--data", data.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> readOutput(process, ready, output), "sandbox-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new SandboxProcess(process, ready.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("sandbox process did not become ready: " + output, e);
        }
    }

    private static void readOutput(Process process, CompletableFuture<Matcher> ready, StringBuilder output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    if (output.length() < 20_000) {
                        output.append(line).append('\n');
                    }
                }
                Matcher matcher = READY.matcher(line);
                if (matcher.find()) {
                    ready.complete(matcher);
                }
            }
        } catch (IOException ignored) {
            // the process was killed
        }
        ready.completeExceptionally(new IOException("sandbox process ended"));
    }

    /** What the ready line says after the endpoint: the data folder and the durability. */
    String readyDetails() {
        return readyDetails;
    }

    URI endpoint() {
        return endpoint;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
