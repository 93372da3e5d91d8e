package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;

/** DynamoDB's rules for table and index names. */
final class Names {

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
