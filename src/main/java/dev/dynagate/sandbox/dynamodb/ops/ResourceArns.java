package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ResourceArn of the tagging and resource-policy operations: a table's ARN (any region or account, as
 * {@link Names} takes it), other ARNs refused in the words DynamoDB uses for each kind.
 */
final class ResourceArns {
    private static final String INVALID = SchemaParser.INVALID;
    /** A table's sub-resource: its index, stream or backup (group 2 names which). */
    private static final Pattern SUB_RESOURCE = Pattern.compile(
            "arn:aws[a-z-]*:dynamodb:[a-z0-9-]*:[0-9]*:table/([^/]+)/([a-z]+)/.+");

    private ResourceArns() {
    }

    /** The table a table ARN names; any other ARN is refused. */
    static String table(String arn) {
        if (!arn.startsWith("arn:")) {
            throw DynamoDbError.validation(INVALID + "ARNs must start with 'arn:': " + arn);
        }
        String table = Names.nameInArn(arn);
        if (table != null) {
            return table;
        }
        Matcher other = SUB_RESOURCE.matcher(arn);
        if (!other.matches() || !other.group(2).equals("index") && !other.group(2).equals("stream")) {
            throw DynamoDbError.validation(INVALID + "Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        if (other.group(2).equals("index")) {
            throw DynamoDbError.validation(INVALID + "Invalid resource arn provided, only table or stream is "
                    + "accepted. Provided resource arn: " + arn);
        }
        throw DynamoDbError.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }

    /** The table whose stream a stream ARN names, or null when the ARN is not a stream's. */
    static String streamTable(String arn) {
        Matcher stream = SUB_RESOURCE.matcher(arn);
        return stream.matches() && stream.group(2).equals("stream") ? stream.group(1) : null;
    }
}
