package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.util.regex.Pattern;

/** DynamoDB's rules for table and index names. */
final class Names {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_.-]+");

    private Names() {
    }

    static String tableName(Request request) {
        return check(request.requiredString("TableName"), "tableName", 255);
    }

    static String check(String name, String member, int max) {
        if (name.length() < 3) {
            throw constraint(name, member, "Member must have length greater than or equal to 3");
        }
        if (name.length() > max) {
            throw constraint(name, member, "Member must have length less than or equal to " + max);
        }
        if (!VALID.matcher(name).matches()) {
            throw constraint(name, member, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    private static DynamoDbError constraint(String value, String member, String rule) {
        return DynamoDbError.validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + rule);
    }
}
