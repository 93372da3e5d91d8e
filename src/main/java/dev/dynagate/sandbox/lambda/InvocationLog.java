package dev.dynagate.sandbox.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The log text one invocation writes: runtime lines, the handler's logger and its System.out/err. */
final class InvocationLog implements LambdaLogger {
    /** Output beyond this many characters is dropped, so a chatty function cannot fill the sandbox's memory. */
    static final int LIMIT = 1 << 20;
    private static final String TRUNCATED = "\n[sandbox: log output beyond 1 MB dropped]\n";

    private final StringBuilder text = new StringBuilder();
    private boolean truncated;

    @Override
    public synchronized void log(String message) {
        if (truncated) {
            return;
        }
        if (text.length() + message.length() > LIMIT) {
            text.append(message, 0, Math.max(0, LIMIT - text.length())).append(TRUNCATED);
            truncated = true;
        } else {
            text.append(message);
        }
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    synchronized void line(String line) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        text.append(line).append('\n');
    }

    synchronized String text() {
        return text.toString();
    }
}
