package dev.dynagate.partitions;

import java.util.List;
import java.util.Map;

/**
 * What the partitions feature reads from DynamoDB. Implementations block (presenters call them on background
 * threads) and give up when their thread is interrupted.
 */
public interface KeyScanner {

    /**
     * One Scan page of a segment. {@code fullItems} false projects the key attributes only (table key and, on an
     * index, the index key too).
     */
    record ScanRequest(KeySchema keys, boolean fullItems, int segment, int totalSegments,
                       Map<String, DdbValue> exclusiveStart, int limit) {
    }

    /** Items of one page, where the next page starts (null at the end) and the read capacity it consumed. */
    record Page(List<Map<String, DdbValue>> items, Map<String, DdbValue> lastKey, double capacityUnits) {
        public Page {
            items = List.copyOf(items);
        }
    }

    TableLayout describe(String table);

    Page scan(ScanRequest request);

    /** The keys of one item collection in sort-key order (a Query projecting the key attributes). */
    Page querySortKeys(KeySchema keys, DdbValue partitionValue, Map<String, DdbValue> exclusiveStart, int limit);
}
