package dev.dynagate.tables;

import java.util.List;

/**
 * What the user asked for in the query builder, before it becomes a request.
 *
 * @param index          null to read the table itself
 * @param partitionValue null when no partition key was given (Auto then scans)
 * @param sort           null for no sort-key condition
 * @param projection     attribute paths to return; empty for all
 * @param keyParts       for an index with a multi-attribute key, the values of its other partition attributes and the
 *                       conditions on its other sort attributes
 */
public record QuerySpec(String table, String index, Mode mode, Attr partitionValue, SortCondition sort,
                        List<Filter> filters, Joiner joiner, List<String> projection, boolean consistentRead,
                        int pageSize, boolean ascending, KeyParts keyParts) {

    public QuerySpec {
        keyParts = keyParts == null ? KeyParts.NONE : keyParts;
    }

    /**
     * A multi-attribute key's partition attributes after the first and sort attributes after the first, in key order;
     * an element is null where no value or condition is given.
     */
    public record KeyParts(List<Attr> partitionValues, List<SortCondition> sorts) {
        public static final KeyParts NONE = new KeyParts(List.of(), List.of());

        public KeyParts {
            partitionValues = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(partitionValues));
            sorts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sorts));
        }
    }

    public enum Mode { AUTO, QUERY, SCAN }

    public enum Joiner { AND, OR }

    /** @param second only for BETWEEN */
    public record SortCondition(SortOp op, Attr first, Attr second) {
    }

    /** @param values as many as the operator takes */
    public record Filter(String path, FilterOp op, List<Attr> values) {
    }

    public static QuerySpec scan(String table) {
        return new QuerySpec(table, null, Mode.AUTO, null, null, List.of(), Joiner.AND, List.of(), false, 100, true,
                KeyParts.NONE);
    }

    public QuerySpec withPartition(Attr value) {
        return new QuerySpec(table, index, mode, value, sort, filters, joiner, projection, consistentRead, pageSize,
                ascending, keyParts);
    }

    public QuerySpec withSort(SortCondition value) {
        return new QuerySpec(table, index, mode, partitionValue, value, filters, joiner, projection, consistentRead,
                pageSize, ascending, keyParts);
    }

    public QuerySpec withFilters(Joiner how, List<Filter> value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, value, how, projection, consistentRead, pageSize,
                ascending, keyParts);
    }

    public QuerySpec withIndex(String value) {
        return new QuerySpec(table, value, mode, partitionValue, sort, filters, joiner, projection, consistentRead,
                pageSize, ascending, keyParts);
    }

    public QuerySpec withMode(Mode value) {
        return new QuerySpec(table, index, value, partitionValue, sort, filters, joiner, projection, consistentRead,
                pageSize, ascending, keyParts);
    }

    public QuerySpec withPageSize(int value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, filters, joiner, projection, consistentRead,
                value, ascending, keyParts);
    }

    public QuerySpec withAscending(boolean value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, filters, joiner, projection, consistentRead,
                pageSize, value, keyParts);
    }

    public QuerySpec withProjection(List<String> value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, filters, joiner, value, consistentRead, pageSize,
                ascending, keyParts);
    }

    public QuerySpec withKeyParts(KeyParts value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, filters, joiner, projection, consistentRead,
                pageSize, ascending, value);
    }

    public QuerySpec withConsistentRead(boolean value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, filters, joiner, projection, value, pageSize,
                ascending, keyParts);
    }
}
