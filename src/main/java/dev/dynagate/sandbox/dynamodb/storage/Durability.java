package dev.dynagate.sandbox.dynamodb.storage;

import java.util.Locale;

/** When a write counts as committed, so that its client may be answered. */
public enum Durability {
    /**
     * Once the operating system holds its log record: it survives the sandbox being killed or crashing. The log is
     * forced to disk every second, so losing power or the operating system loses at most that last second.
     */
    PROCESS,
    /** Once its log record is forced to disk: it survives losing power too, at the price of waiting for the disk. */
    DISK;

    /** The name used on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
