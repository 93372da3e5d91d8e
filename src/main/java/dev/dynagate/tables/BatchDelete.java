package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Deletes many items with BatchWriteItem, 25 at a time, sending unprocessed keys again with growing pauses
 * (DynamoDB returns them when throttled), until done or the retries run out.
 */
public final class BatchDelete {
    static final int BATCH = 25;

    /** @param failed keys still not deleted when the retries ran out */
    public record Summary(int requested, int deleted, List<Map<String, Attr>> failed, int retries) {
        @Override
        public String toString() {
            return failed.isEmpty()
                    ? "Deleted " + deleted + " of " + requested + (requested == 1 ? " item" : " items")
                            + (retries > 0 ? " (" + retries + (retries == 1 ? " retry" : " retries") + " of unprocessed items)" : "") + "."
                    : "Deleted " + deleted + " of " + requested + " items; " + failed.size()
                            + " stayed unprocessed after " + retries + " retries. Run the delete again for them.";
        }
    }

    private final ItemStore store;
    private final UnprocessedRetry.Pause pause;
    private final int maxRetries;

    public BatchDelete(ItemStore store, UnprocessedRetry.Pause pause, int maxRetries) {
        this.store = store;
        this.pause = pause;
        this.maxRetries = maxRetries;
    }

    /** Deletes every key; {@code progress} receives the count deleted so far. */
    public Summary run(String table, List<Map<String, Attr>> keys, IntConsumer progress) {
        int[] deleted = {0};
        int retries = 0;
        List<Map<String, Attr>> failed = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<Map<String, Attr>> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            UnprocessedRetry.Outcome<Map<String, Attr>> outcome = UnprocessedRetry.send(batch,
                    pending -> store.deleteBatch(table, pending), pause, maxRetries, count -> {
                        deleted[0] += count;
                        progress.accept(deleted[0]);
                    });
            failed.addAll(outcome.left());
            retries += outcome.retries();
        }
        return new Summary(keys.size(), deleted[0], List.copyOf(failed), retries);
    }
}
