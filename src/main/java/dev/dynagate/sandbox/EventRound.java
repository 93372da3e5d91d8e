package dev.dynagate.sandbox;

import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work that a thread running rounds of events (an I/O loop: every ready connection, then on to the next wait) puts off
 * to the end of its current round, so that one step can serve every request of the round: one write of the
 * write-ahead log for all the writes the round made, rather than one per request. Code that runs on a thread without
 * rounds is told so and does the work at once.
 */
public final class EventRound {
    private static final Logger LOG = Logger.getLogger(EventRound.class.getName());
    private static final ThreadLocal<EventRound> CURRENT = new ThreadLocal<>();

    private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();

    private EventRound() {
    }

    /** Makes the calling thread one that runs rounds; it must call {@link #finish} at the end of each. */
    public static EventRound begin() {
        EventRound round = new EventRound();
        CURRENT.set(round);
        return round;
    }

    /**
     * Puts {@code task} off to the end of the calling thread's round. False, and nothing is put off, when the thread
     * runs no rounds: the caller then does the work itself.
     */
    public static boolean defer(Runnable task) {
        EventRound round = CURRENT.get();
        if (round == null) {
            return false;
        }
        round.deferred.add(task);
        return true;
    }

    /**
     * Runs what was put off, including what that puts off in turn; true if there was anything. A task that fails does
     * not keep the others from running: each of them may be what some request waits for.
     */
    public boolean finish() {
        boolean any = false;
        Runnable task;
        while ((task = deferred.poll()) != null) {
            any = true;
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "work put off to the end of a round failed", e);
            }
        }
        return any;
    }

    /** Stops rounds on the calling thread; work put off later is done at once by its callers. */
    public void end() {
        finish();
        CURRENT.remove();
    }
}
