package dev.dynagate.ui;

import java.time.Instant;
import java.util.concurrent.Future;

/** One long-running piece of work shown in the status bar, with the future that cancels it. */
public record Operation(long id, String description, Instant started, Future<?> future) {

    public void cancel() {
        future.cancel(true);
    }
}
