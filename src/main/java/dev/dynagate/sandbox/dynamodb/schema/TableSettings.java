package dev.dynagate.sandbox.dynamodb.schema;

/**
 * Table settings DynamoDB keeps and describes but the sandbox does not enforce: the on-demand throughput limits
 * ({@code null} when not set), server-side encryption with a KMS key ({@code kmsKeyArn} null when the table uses
 * the default, AWS-owned encryption, which DescribeTable does not show), the resource-based policy with its revision
 * (both null when the table has none), the warm throughput a request asked for (null when none did), and when the
 * table class last changed (null until it does).
 */
public record TableSettings(Long maxReadRequestUnits, Long maxWriteRequestUnits, String kmsKeyArn,
                            String resourcePolicy, String policyRevision, Long warmReadUnits, Long warmWriteUnits,
                            Long tableClassChangedAt) {
    public static final TableSettings DEFAULT = new TableSettings(null, null, null, null, null, null, null, null);

    public TableSettings withOnDemand(Long read, Long write) {
        return new TableSettings(read, write, kmsKeyArn, resourcePolicy, policyRevision, warmReadUnits,
                warmWriteUnits, tableClassChangedAt);
    }

    public TableSettings withKmsKey(String arn) {
        return new TableSettings(maxReadRequestUnits, maxWriteRequestUnits, arn, resourcePolicy, policyRevision,
                warmReadUnits, warmWriteUnits, tableClassChangedAt);
    }

    /** The settings with this policy at this revision, or without a policy when both are null. */
    public TableSettings withPolicy(String policy, String revision) {
        return new TableSettings(maxReadRequestUnits, maxWriteRequestUnits, kmsKeyArn, policy, revision,
                warmReadUnits, warmWriteUnits, tableClassChangedAt);
    }

    public TableSettings withWarmThroughput(Long read, Long write) {
        return new TableSettings(maxReadRequestUnits, maxWriteRequestUnits, kmsKeyArn, resourcePolicy, policyRevision,
                read, write, tableClassChangedAt);
    }

    public TableSettings withTableClassChangedAt(long millis) {
        return new TableSettings(maxReadRequestUnits, maxWriteRequestUnits, kmsKeyArn, resourcePolicy, policyRevision,
                warmReadUnits, warmWriteUnits, millis);
    }

    public boolean hasOnDemandLimits() {
        return maxReadRequestUnits != null || maxWriteRequestUnits != null;
    }
}
