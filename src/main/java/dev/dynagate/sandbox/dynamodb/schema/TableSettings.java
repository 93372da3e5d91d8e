package dev.dynagate.sandbox.dynamodb.schema;

/**
 * Table settings DynamoDB keeps and describes but the sandbox does not enforce: the on-demand throughput limits
 * ({@code null} when not set) and server-side encryption with a KMS key ({@code kmsKeyArn} null when the table uses
 * the default, AWS-owned encryption, which DescribeTable does not show).
 */
public record TableSettings(Long maxReadRequestUnits, Long maxWriteRequestUnits, String kmsKeyArn) {
    public static final TableSettings DEFAULT = new TableSettings(null, null, null);

    public TableSettings withOnDemand(Long read, Long write) {
        return new TableSettings(read, write, kmsKeyArn);
    }

    public TableSettings withKmsKey(String arn) {
        return new TableSettings(maxReadRequestUnits, maxWriteRequestUnits, arn);
    }

    public boolean hasOnDemandLimits() {
        return maxReadRequestUnits != null || maxWriteRequestUnits != null;
    }
}
