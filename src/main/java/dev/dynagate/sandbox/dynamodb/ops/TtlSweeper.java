package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.storage.LogFailure;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes items whose TTL attribute (a Number of epoch seconds) lies in the past, on tables with TTL enabled.
 * DynamoDB does this within days; the sandbox within about a second, so expiry can be tried out.
 */
public final class TtlSweeper implements AutoCloseable {
    /** Five years of 365.25 days. */
    private static final long FIVE_YEARS_SECONDS = 5L * 36525 * 864;

    private static final int BATCH = 256;
    private final Engine engine;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dynamodb-ttl");
        t.setDaemon(true);
        return t;
    });

    public TtlSweeper(Engine engine) {
        this.engine = engine;
        timer.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (LogFailure e) {
            // writes are refused until a restart, and the sandbox has said so; the sweep resumes after it
        } catch (RuntimeException e) {
            System.getLogger(TtlSweeper.class.getName()).log(System.Logger.Level.WARNING, "TTL sweep failed", e);
        }
    }

    /**
     * One pass over every table with TTL enabled. As DynamoDB documents, an expiry more than five years in the past
     * is not considered (a zero, or a date counted in days or hours, must not empty a table).
     */
    public void sweep() {
        BigDecimal now = BigDecimal.valueOf(engine.now(), 3);
        BigDecimal oldest = now.subtract(BigDecimal.valueOf(FIVE_YEARS_SECONDS));
        for (TableData table : engine.database().tables().values()) {
            String attribute = table.schema().ttlAttribute();
            if (attribute == null) {
                continue;
            }
            List<StoredItem> expired = new ArrayList<>();
            for (StoredItem item : table.items().values()) {
                if (item.attribute(attribute) instanceof AttrValue.N n && n.value().compareTo(now) < 0
                        && n.value().compareTo(oldest) >= 0) {
                    expired.add(item);
                    if (expired.size() == BATCH) {
                        delete(table, expired);
                        expired.clear();
                    }
                }
            }
            if (!expired.isEmpty()) {
                delete(table, expired);
            }
        }
    }

    private void delete(TableData table, List<StoredItem> expired) {
        engine.database().write(changes -> {
            if (engine.database().table(table.schema().name()) != table) {
                return null;
            }
            changes.byTimeToLive();
            for (StoredItem item : expired) {
                // an item rewritten since it was seen may no longer be expired
                if (table.items().get(table.keyOf(item)) == item) {
                    changes.delete(table.schema().name(), Keys.extract(table.schema(), item.item()));
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
