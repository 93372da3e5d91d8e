package dev.dynagate.partitions;

import java.util.Map;

/** A scanner that passes every call on, for tests that count, pause or cancel along the way. */
class ForwardingScanner implements KeyScanner {
    private final KeyScanner target;

    ForwardingScanner(KeyScanner target) {
        this.target = target;
    }

    @Override
    public TableLayout describe(String table) {
        return target.describe(table);
    }

    @Override
    public Page scan(ScanRequest request) {
        return target.scan(request);
    }

    @Override
    public Page querySortKeys(KeySchema keys, DdbValue partitionValue, Map<String, DdbValue> start, int limit) {
        return target.querySortKeys(keys, partitionValue, start, limit);
    }
}
