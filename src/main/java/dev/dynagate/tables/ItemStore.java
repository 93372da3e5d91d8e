package dev.dynagate.tables;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Items of one connection's tables. Implementations block; presenters call them on the background executor. */
public interface ItemStore {

    /** One page of {@code request}, starting after {@code exclusiveStartKey} (null for the first page). */
    ItemPage read(ReadRequest request, Map<String, Attr> exclusiveStartKey);

    /**
     * One page of segment {@code segment} of {@code totalSegments} of a Scan ({@code scan} is not a Query), starting
     * after {@code exclusiveStartKey}: the segments together read what the Scan reads, each item once.
     */
    ItemPage readSegment(ReadRequest scan, int segment, int totalSegments, Map<String, Attr> exclusiveStartKey);

    /** The item with this key, read consistently; empty when there is none. */
    Optional<Map<String, Attr>> get(String table, Map<String, Attr> key);

    /** Writes the whole item if {@code condition} holds; otherwise throws {@link ConflictException}. */
    void put(String table, Map<String, Attr> item, Condition condition);

    /**
     * Changes the item with this key in place if {@code condition} holds (UpdateItem): attributes the change does
     * not name keep what the table holds. Answers the item as stored afterwards; {@link ConflictException} when the
     * condition fails.
     */
    Map<String, Attr> update(String table, Map<String, Attr> key, ItemChange change, Condition condition);

    /** Deletes the item if {@code condition} holds (null: unconditionally); otherwise {@link ConflictException}. */
    void delete(String table, Map<String, Attr> key, Condition condition);

    /** One BatchWriteItem of up to 25 deletes; returns the keys DynamoDB left unprocessed. */
    List<Map<String, Attr>> deleteBatch(String table, List<Map<String, Attr>> keys);

    /**
     * One BatchWriteItem of up to 25 puts (items with distinct keys; an item whose key is stored replaces it);
     * returns the items DynamoDB left unprocessed.
     */
    List<Map<String, Attr>> putBatch(String table, List<Map<String, Attr>> items);
}
