package dev.dynagate.partitions;

import java.time.Duration;

/** How far a scan has come: items read, capacity consumed, segments finished. */
public record ScanProgress(long items, double capacityUnits, int segmentsDone, int segments, int pages,
                           Duration elapsed) {

    public double itemsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : items / seconds;
    }
}
