package dev.dynagate.sandbox.dynamodb.streams;

import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;

/**
 * One DynamoDB stream: a table's changes from the moment its stream was enabled, under the ARN and label DescribeTable
 * shows. It outlives the table's stream being disabled, or the table being deleted, for the retention period.
 */
public final class TableStream {
    private final String arn;
    private final String table;
    private final String label;
    private final String viewType;
    private final KeyAttr hash;
    private final KeyAttr range;
    private final long createdMillis;
    private final Shard shard;
    private volatile long disabledMillis = -1;

    TableStream(String arn, String table, String label, String viewType, KeyAttr hash, KeyAttr range,
                long createdMillis, Shard shard) {
        this.arn = arn;
        this.table = table;
        this.label = label;
        this.viewType = viewType;
        this.hash = hash;
        this.range = range;
        this.createdMillis = createdMillis;
        this.shard = shard;
    }

    public String arn() {
        return arn;
    }

    public String table() {
        return table;
    }

    public String label() {
        return label;
    }

    public String viewType() {
        return viewType;
    }

    public KeyAttr hash() {
        return hash;
    }

    /** The table's sort key, or null. */
    public KeyAttr range() {
        return range;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public Shard shard() {
        return shard;
    }

    public boolean enabled() {
        return disabledMillis < 0;
    }

    /** When the stream was disabled (or its table deleted), or -1 while it is enabled. */
    public long disabledMillis() {
        return disabledMillis;
    }

    void disable(long at) {
        shard.close(shard.newest());
        disabledMillis = at;
    }

    boolean keepsImage(boolean old) {
        return viewType.equals("NEW_AND_OLD_IMAGES") || viewType.equals(old ? "OLD_IMAGE" : "NEW_IMAGE");
    }
}
