package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import java.util.List;
import java.util.Map;

/**
 * What an export reads: pages of one Scan segment, whole items. Implementations block and give up when their thread
 * is interrupted.
 */
public interface SegmentReader {

    /** Items of one page and where the next one starts (null at the end of the segment). */
    record Page(List<Map<String, Attr>> items, Map<String, Attr> lastKey) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** One page of a segment of the table, or of its index {@code index} when that is not null. */
    Page scan(String table, String index, int segment, int totalSegments, Map<String, Attr> exclusiveStart);
}
