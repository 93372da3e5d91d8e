package dev.dynagate.sandbox.dynamodb.streams;

import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Map;

/**
 * One change as a stream keeps it: the images its view type asks for (the others null), and its size as DynamoDB
 * counts it (the keys and the images kept).
 *
 * @param expired the item was deleted by Time to Live, so the record names the service as its author
 */
public record StreamRecord(long sequence, String eventId, Event event, long createdMillis,
                           Map<String, AttrValue> keys, StoredItem oldImage, StoredItem newImage, boolean expired,
                           long sizeBytes) {
    public enum Event { INSERT, MODIFY, REMOVE }

    /** Sequence numbers as DynamoDB shows them: decimal strings of 21 digits, ordered as text and as numbers. */
    public static String sequenceText(long sequence) {
        return String.format("%021d", sequence);
    }

    public String sequenceNumber() {
        return sequenceText(sequence);
    }
}
