package dev.dynagate.sandbox.dynamodb.streams;

import java.util.ArrayList;
import java.util.List;

/**
 * A stream's one shard: its records in sequence order, trimmed from the oldest end once they are older than the
 * retention period or past the stream's byte budget. Appended to under the database's write lock, read by any thread.
 */
public final class Shard {
    private final String id;
    private final long startingSequence;
    private final List<StreamRecord> records = new ArrayList<>();
    private int head;
    private long keptBytes;
    private long endingSequence = -1;

    Shard(String id, long startingSequence) {
        this.id = id;
        this.startingSequence = startingSequence;
    }

    public String id() {
        return id;
    }

    public long startingSequence() {
        return startingSequence;
    }

    /** The last sequence number the shard will ever hold once it is closed, or -1 while it is open. */
    public synchronized long endingSequence() {
        return endingSequence;
    }

    public synchronized boolean closed() {
        return endingSequence >= 0;
    }

    synchronized void append(StreamRecord record) {
        records.add(record);
        keptBytes += record.sizeBytes();
    }

    /** Closes the shard: no record is added after the last one it holds. */
    synchronized void close(long lastSequence) {
        if (endingSequence < 0) {
            endingSequence = lastSequence;
        }
    }

    /** Drops records created before {@code oldestMillis}, then the oldest ones while more than {@code budget} bytes. */
    synchronized void trim(long oldestMillis, long budget) {
        while (head < records.size() && (records.get(head).createdMillis() < oldestMillis || keptBytes > budget)) {
            keptBytes -= records.get(head).sizeBytes();
            records.set(head++, null);
        }
        if (head > 1024 && head * 2 > records.size()) {
            records.subList(0, head).clear();
            head = 0;
        }
    }

    /** The sequence number of the oldest record still kept, or -1 when none is. */
    public synchronized long oldestKept() {
        return head < records.size() ? records.get(head).sequence() : -1;
    }

    /** The newest sequence number appended so far, or the one before the start when there is none. */
    public synchronized long newest() {
        return records.size() > head ? records.get(records.size() - 1).sequence() : startingSequence - 1;
    }

    /** Up to {@code limit} records from sequence {@code from} on, stopping once {@code maxBytes} is reached. */
    public synchronized List<StreamRecord> read(long from, int limit, long maxBytes) {
        int at = first(from);
        List<StreamRecord> out = new ArrayList<>();
        long bytes = 0;
        for (int i = at; i < records.size() && out.size() < limit; i++) {
            StreamRecord r = records.get(i);
            if (!out.isEmpty() && bytes + r.sizeBytes() > maxBytes) {
                break;
            }
            out.add(r);
            bytes += r.sizeBytes();
        }
        return out;
    }

    private int first(long from) {
        int lo = head;
        int hi = records.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (records.get(mid).sequence() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
