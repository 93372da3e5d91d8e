package dev.dynagate.tables;

import java.util.Map;

/**
 * A Query or Scan exactly as it will be sent: expressions with placeholders, their names and values.
 *
 * @param plan why this operation was chosen, in words ("Auto: Query, because the partition key is given")
 */
public record ReadRequest(Operation operation, String table, String index, String keyCondition, String filter,
                          String projection, Map<String, String> names, Map<String, Attr> values, int limit,
                          boolean ascending, boolean consistentRead, String plan) {

    public enum Operation { QUERY, SCAN }

    public boolean isQuery() {
        return operation == Operation.QUERY;
    }
}
