package dev.dynagate;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;

/**
 * Measures cold start from JVM start: to the first frame the window renders, and to the tables list first shown
 * (filled, empty or failed). When enabled it prints both and ends the program; otherwise it does nothing.
 */
public final class StartupProbe {
    private final boolean enabled;
    private final PrintStream out;
    private final Runnable exit;
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final AtomicBoolean frameSeen = new AtomicBoolean();
    private final AtomicBoolean tablesSeen = new AtomicBoolean();
    private volatile long firstFrameMs = -1;
    private volatile long tablesMs = -1;

    public StartupProbe(boolean enabled, PrintStream out, Runnable exit) {
        this.enabled = enabled;
        this.out = out;
        this.exit = exit;
    }

    public static StartupProbe disabled() {
        return new StartupProbe(false, System.out, () -> { });
    }

    public void watchFirstFrame(Scene scene) {
        if (!enabled) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (frameSeen.compareAndSet(false, true)) {
                firstFrameMs = System.currentTimeMillis() - jvmStart;
                scene.removePostLayoutPulseListener(listener[0]);
                finishIfDone();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    public void tablesShown() {
        if (enabled && tablesSeen.compareAndSet(false, true)) {
            tablesMs = System.currentTimeMillis() - jvmStart;
            finishIfDone();
        }
    }

    private synchronized void finishIfDone() {
        if (firstFrameMs >= 0 && tablesMs >= 0) {
            out.println("first-frame-ms=" + firstFrameMs);
            out.println("tables-shown-ms=" + Math.max(tablesMs, firstFrameMs));
            out.flush();
            exit.run();
        }
    }
}
