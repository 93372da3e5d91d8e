package dev.dynagate.tables;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads a table's DynamoDB stream on one connection. Implementations block: call them off the UI thread. */
public interface StreamReader {

    /**
     * One change to one item, as its stream recorded it. The images are empty when the stream's view type leaves
     * them out (or for the side that does not exist: no old image for an INSERT). Attributes keep the order given:
     * the key attributes first.
     *
     * @param event   INSERT, MODIFY or REMOVE
     * @param expired the item was deleted by Time to Live
     */
    record Change(String event, Instant at, String sequenceNumber, Map<String, Attr> keys,
                  Map<String, Attr> oldImage, Map<String, Attr> newImage, boolean expired) {
        public Change {
            keys = ordered(keys);
            oldImage = ordered(oldImage);
            newImage = ordered(newImage);
        }

        private static Map<String, Attr> ordered(Map<String, Attr> attributes) {
            return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        }
    }

    /** Where reading has got to on every shard of one stream. */
    interface Tail {
        String streamArn();

        /** KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES. */
        String viewType();

        /** The changes written since the last call (or since the tail started), oldest first; may be none. */
        List<Change> poll();
    }

    /**
     * Starts reading the table's latest stream: from now on, or from the oldest record the stream still keeps
     * (DynamoDB keeps 24 hours). Null when the table has no stream enabled.
     */
    Tail open(String table, boolean fromOldest);

    /** Turns on the table's stream with the given view type and waits until the table is active again. */
    void turnOn(String table, String viewType);
}
