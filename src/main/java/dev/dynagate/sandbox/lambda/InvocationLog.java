package dev.dynagate.sandbox.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The log text one invocation writes: runtime lines, the handler's logger and its System.out/err. */
final class InvocationLog implements LambdaLogger {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void log(String message) {
        text.append(message);
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
