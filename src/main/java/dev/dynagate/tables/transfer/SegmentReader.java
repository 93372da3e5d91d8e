package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import java.util.List;
import java.util.Map;

/**
 * What an export reads: pages of one Scan segment, whole items. Implementations block and give up when their thread
 * is interrupted.
 */
public interface SegmentReader {

    /** The table's key attributes (partition first) and DynamoDB's approximate item count (updated about 6-hourly). */
    record Shape(List<String> keyAttributes, long approximateItems) {
        public Shape {
            keyAttributes = List.copyOf(keyAttributes);
        }
    }

    /** Items of one page and where the next one starts (null at the end of the segment). */
    record Page(List<Map<String, Attr>> items, Map<String, Attr> lastKey) {
        public Page {
            items = List.copyOf(items);
        }
    }

    Shape describe(String table);

    Page scan(String table, int segment, int totalSegments, Map<String, Attr> exclusiveStart);
}
