package dev.dynagate.tables;

import java.util.List;
import java.util.Map;

/**
 * One page of a Query or Scan.
 *
 * @param scanned          items DynamoDB read before the filter (ScannedCount)
 * @param consumedCapacity read capacity units the page cost; 0 when the service did not say
 * @param lastEvaluatedKey where the next page starts; null when there is none
 */
public record ItemPage(List<Map<String, Attr>> items, int scanned, double consumedCapacity,
                       Map<String, Attr> lastEvaluatedKey) {

    public boolean hasMore() {
        return lastEvaluatedKey != null && !lastEvaluatedKey.isEmpty();
    }
}
