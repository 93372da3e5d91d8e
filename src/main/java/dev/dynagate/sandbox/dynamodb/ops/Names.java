package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DynamoDB's rules for table and index names. */
final class Names {

    private Names() {
    }

    /** A table's ARN; the sandbox keeps one set of tables, so any partition, region and account names it. */
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]*:[0-9]*:table/([^/]+)");

    /** The table a request names, by its name or, as DynamoDB also accepts, by its ARN. */
    static String tableName(Request request) {
        String given = request.requiredString("TableName");
        String inArn = nameInArn(given);
        return check(inArn != null ? inArn : given, "tableName", 255);
    }

    /** The table a name or a table ARN refers to. */
    static String resolve(String nameOrArn) {
        String inArn = nameInArn(nameOrArn);
        return inArn != null ? inArn : nameOrArn;
    }

    /** The table name inside a table ARN, or null when the value is not one. */
    static String nameInArn(String value) {
        if (!value.startsWith("arn:")) {
            return null;
        }
        Matcher m = TABLE_ARN.matcher(value);
        return m.matches() ? m.group(1) : null;
    }

    static String check(String name, String member, int max) {
        if (name.length() < 3) {
            throw constraint(name, member, "Member must have length greater than or equal to 3");
        }
        if (name.length() > max) {
            throw constraint(name, member, "Member must have length less than or equal to " + max);
        }
        if (!valid(name)) {
            throw constraint(name, member, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    /** The name pattern {@code [a-zA-Z0-9_.-]+}, checked without a regex on every request. */
    static boolean valid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static DynamoDbError constraint(String value, String member, String rule) {
        return DynamoDbError.validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + rule);
    }
}
