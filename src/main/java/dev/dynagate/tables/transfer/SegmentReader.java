package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.ItemPage;
import dev.dynagate.tables.ItemStore;
import dev.dynagate.tables.ReadRequest;
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

    /** The segments of {@code scan} (its table or index, filter and projection) read through an item store. */
    static SegmentReader of(ItemStore store, ReadRequest scan) {
        return (table, index, segment, total, start) -> {
            ItemPage page = store.readSegment(scan, segment, total, start);
            return new Page(page.items(), page.hasMore() ? page.lastEvaluatedKey() : null);
        };
    }
}
