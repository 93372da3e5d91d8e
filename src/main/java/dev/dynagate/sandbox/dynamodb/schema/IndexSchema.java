package dev.dynagate.sandbox.dynamodb.schema;

import java.util.List;

/**
 * A secondary index. {@code projection} is ALL, KEYS_ONLY or INCLUDE; {@code nonKeyAttributes} is only set for
 * INCLUDE. {@code readyAt} is when a GSI added by UpdateTable becomes ACTIVE (epoch millis).
 */
public record IndexSchema(String name, boolean global, KeyAttr hash, KeyAttr range, String projection,
                          List<String> nonKeyAttributes, Throughput throughput, long readyAt) {

    public boolean projectsAll() {
        return "ALL".equals(projection);
    }
}
