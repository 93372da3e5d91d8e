package dev.dynagate.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The executor every SDK, HTTP, disk and engine call runs on: named daemon threads, never the JavaFX thread. */
public final class BackgroundExecutor {
    private BackgroundExecutor() {
    }

    public static ExecutorService create(String name) {
        return Executors.newCachedThreadPool(named(name));
    }

    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
