package dev.dynagate.tables;

import java.util.List;

/**
 * What the user asked for in the query builder, before it becomes a request.
 *
 * @param index          null to read the table itself
 * @param partitionValue null when no partition key was given (Auto then scans)
 * @param sort           null for no sort-key condition
 * @param projection     attribute paths to return; empty for all
 */
public record QuerySpec(String table, String index, Mode mode, Attr partitionValue, SortCondition sort,
                        List<Filter> filters, Joiner joiner, List<String> projection, boolean consistentRead,
                        int pageSize, boolean ascending) {

    public enum Mode { AUTO, QUERY, SCAN }

    public enum Joiner { AND, OR }

    /** @param second only for BETWEEN */
    public record SortCondition(SortOp op, Attr first, Attr second) {
    }

    /** @param values as many as the operator takes */
    public record Filter(String path, FilterOp op, List<Attr> values) {
    }

    public static QuerySpec scan(String table) {
        return new QuerySpec(table, null, Mode.AUTO, null, null, List.of(), Joiner.AND, List.of(), false, 100, true);
    }

    public QuerySpec withPartition(Attr value) {
        return new QuerySpec(table, index, mode, value, sort, filters, joiner, projection, consistentRead, pageSize, ascending);
    }

    public QuerySpec withSort(SortCondition value) {
        return new QuerySpec(table, index, mode, partitionValue, value, filters, joiner, projection, consistentRead, pageSize, ascending);
    }

    public QuerySpec withFilters(Joiner how, List<Filter> value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, value, how, projection, consistentRead, pageSize, ascending);
    }

    public QuerySpec withIndex(String value) {
        return new QuerySpec(table, value, mode, partitionValue, sort, filters, joiner, projection, consistentRead, pageSize, ascending);
    }

    public QuerySpec withMode(Mode value) {
        return new QuerySpec(table, index, value, partitionValue, sort, filters, joiner, projection, consistentRead, pageSize, ascending);
    }

    public QuerySpec withPageSize(int value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, filters, joiner, projection, consistentRead, value, ascending);
    }

    public QuerySpec withAscending(boolean value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, filters, joiner, projection, consistentRead, pageSize, value);
    }

    public QuerySpec withProjection(List<String> value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, filters, joiner, value, consistentRead, pageSize, ascending);
    }

    public QuerySpec withConsistentRead(boolean value) {
        return new QuerySpec(table, index, mode, partitionValue, sort, filters, joiner, projection, value, pageSize, ascending);
    }
}
