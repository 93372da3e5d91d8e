package dev.dynagate.sandbox.lambda;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends what a handler prints to System.out/err into its invocation's log, as Lambda captures stdout into CloudWatch.
 * Installed once for the JVM; threads not running an invocation print to the original streams unchanged.
 */
final class ThreadRoutedOutput extends OutputStream {
    private static final ThreadLocal<InvocationLog> SINK = new ThreadLocal<>();
    private static PrintStream routedOut;
    private static PrintStream routedErr;

    private final PrintStream original;

    private ThreadRoutedOutput(PrintStream original) {
        this.original = original;
    }

    /** Wraps the current System.out/err unless they are ours already (someone may have replaced them since). */
    static synchronized void install() {
        if (System.out != routedOut) {
            routedOut = new PrintStream(new ThreadRoutedOutput(System.out), true, StandardCharsets.UTF_8);
            System.setOut(routedOut);
        }
        if (System.err != routedErr) {
            routedErr = new PrintStream(new ThreadRoutedOutput(System.err), true, StandardCharsets.UTF_8);
            System.setErr(routedErr);
        }
    }

    static void route(InvocationLog log) {
        SINK.set(log);
    }

    static void unroute() {
        SINK.remove();
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        InvocationLog log = SINK.get();
        if (log == null) {
            original.write(bytes, offset, length);
        } else {
            log.log(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void flush() {
        original.flush();
    }
}
