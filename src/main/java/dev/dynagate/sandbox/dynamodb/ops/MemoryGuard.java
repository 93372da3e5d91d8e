package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Every table lives in the heap, so a large import can fill it: past a point the JVM throws OutOfMemoryError in the
 * middle of whatever runs, a write half applied or a server thread gone. Before that point this refuses the writes
 * that add data, saying how full the heap is and what to do, while reads and deletes (which make room) go on.
 *
 * <p>The measure is the heap in use after each garbage collection, when what is left is mostly live data; a write
 * refused while the last measure is stale asks for a full collection (at most every few seconds), so the refusals
 * stop as soon as deletes have made room.
 */
public final class MemoryGuard {
    /** Past this share of the heap in use after a collection, writes that add data are refused. */
    static final double LIMIT = 0.90;
    private static final long RECHECK_NANOS = 5_000_000_000L;

    private final long max;
    private volatile long usedAfterGc;
    private volatile long lastRecheck;
    private final Runnable collect;
    private final LongSupplier clock;

    MemoryGuard(long max, Runnable collect, LongSupplier clock) {
        this.max = max;
        this.collect = collect;
        this.clock = clock;
        lastRecheck = clock.getAsLong() - RECHECK_NANOS;
    }

    /** The guard fed by this JVM's collectors, one for the process, whatever number of sandboxes it runs. */
    public static MemoryGuard forThisJvm() {
        return ThisJvm.GUARD;
    }

    private static final class ThisJvm {
        static final MemoryGuard GUARD = listening();
    }

    private static MemoryGuard listening() {
        long max = Runtime.getRuntime().maxMemory();
        MemoryGuard guard = new MemoryGuard(max == Long.MAX_VALUE ? 0 : max, MemoryGuard::collectInBackground,
                System::nanoTime);
        if (guard.max > 0) {
            NotificationListener listener = (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    guard.measured(info.getGcInfo().getMemoryUsageAfterGc());
                }
            };
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                }
            }
        }
        return guard;
    }

    private static void collectInBackground() {
        Thread collector = new Thread(System::gc, "sandbox-memory-recheck");
        collector.setDaemon(true);
        collector.start();
    }

    void measured(Map<String, MemoryUsage> afterGc) {
        long used = 0;
        for (MemoryUsage pool : afterGc.values()) {
            used += pool.getUsed();
        }
        usedAfterGc = used;
    }

    /** Wraps an operation that adds data: refused, with the reason, while the heap is nearly full. */
    public Operation refusingGrowth(Operation operation) {
        return request -> {
            if (isFull() && addsData(request.body())) {
                throw full();
            }
            return operation.handle(request);
        };
    }

    boolean isFull() {
        if (max == 0 || usedAfterGc <= max * LIMIT) {
            return false;
        }
        long now = clock.getAsLong();
        if (now - lastRecheck >= RECHECK_NANOS) {
            lastRecheck = now;
            collect.run(); // its notification updates the measure for the requests after this one
        }
        return true;
    }

    /** Deletes and condition checks make no data, so they are let through: they are how room is made. */
    private static boolean addsData(JsonNode body) {
        JsonNode items = body.path("RequestItems");
        if (items.isObject()) {
            for (JsonNode requests : items) {
                for (JsonNode write : requests) {
                    if (!write.has("DeleteRequest")) {
                        return true;
                    }
                }
            }
            return false;
        }
        JsonNode actions = body.path("TransactItems");
        if (actions.isArray()) {
            for (JsonNode action : actions) {
                if (action.has("Put") || action.has("Update")) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private DynamoDbError full() {
        return new DynamoDbError("InternalServerError", String.format(Locale.ROOT, "The sandbox is short of memory: "
                + "%,d MB of its %,d MB heap are in use after a garbage collection. Writes that add data are refused "
                + "until there is room; reads and deletes still work. Delete items or tables, or restart the sandbox "
                + "with more memory: java -Xmx4g -jar dynagate.jar sandbox ..., or for the installed app a line "
                + "java-options=-Xmx4g in its Dynagate.cfg.", usedAfterGc >> 20, max >> 20), 500);
    }
}
