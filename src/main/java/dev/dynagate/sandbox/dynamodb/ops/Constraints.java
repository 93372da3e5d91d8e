package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's first validation pass over a request's simple members: every violated constraint is collected, in the
 * order of the operation's model, and reported together as "N validation errors detected: …; …".
 */
final class Constraints {
    private static final int MAX_REPORTED = 10;
    private static final List<String> CAPACITY = List.of("INDEXES", "TOTAL", "NONE");
    private static final List<String> RETURN_VALUES = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
    private static final List<String> METRICS = List.of("SIZE", "NONE");
    private static final List<String> OPERATORS = List.of("OR", "AND");
    private static final List<String> SELECT = List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");

    private final Request request;
    private final List<String> errors = new ArrayList<>();

    private Constraints(Request request) {
        this.request = request;
    }

    static Constraints of(Request request) {
        return new Constraints(request);
    }

    Constraints notNull(String field) {
        if (request.node(field) == null) {
            add(null, field, "Member must not be null");
        }
        return this;
    }

    Constraints name(String field, boolean required) {
        if (required) {
            notNull(field);
        }
        JsonNode n = typed(field, "String");
        if (n != null) {
            if (field.equals("TableName") && n.textValue().isEmpty()) {
                // a table name or ARN is at least one character; only then is it held to a name's rules
                addAt("", Request.member(field), "Member must have length greater than or equal to 1");
                return this;
            }
            String inArn = field.equals("TableName") ? Names.nameInArn(n.textValue()) : null;
            nameRules(inArn != null ? inArn : n.textValue(), Request.member(field));
        }
        return this;
    }

    /** The IndexName of every index in a list member, reported at {@code list.N.member.indexName}. */
    Constraints indexNames(String listField) {
        JsonNode list = request.node(listField);
        if (list == null || !list.isArray()) {
            return this;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode name = list.get(i).get("IndexName");
            if (name != null && name.isTextual()) {
                nameRules(name.textValue(), Request.member(listField) + "." + (i + 1) + ".member.indexName");
            }
        }
        return this;
    }

    /** A name's length before its characters, in the order DynamoDB reports them. */
    private void nameRules(String v, String member) {
        if (v.length() < 3) {
            addAt(v, member, "Member must have length greater than or equal to 3");
        }
        if (v.length() > 255) {
            addAt(v, member, "Member must have length less than or equal to 255");
        }
        if (!Names.valid(v)) {
            addAt(v, member, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    Constraints oneOf(String field, List<String> values) {
        JsonNode n = typed(field, "String");
        if (n != null && !values.contains(n.textValue())) {
            add(n.textValue(), field, "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
        }
        return this;
    }

    Constraints atLeast(String field, long min) {
        JsonNode n = typed(field, "Integer");
        if (n != null && n.asLong() < min) {
            add(n.asText(), field, "Member must have value greater than or equal to " + min);
        }
        return this;
    }

    Constraints atMost(String field, long max) {
        JsonNode n = typed(field, "Integer");
        if (n != null && n.asLong() > max) {
            add(n.asText(), field, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    /** A map member keyed by table names (RequestItems): every key must be a valid table name. */
    Constraints tableNameKeys(String field) {
        JsonNode n = request.node(field);
        if (n == null || !n.isObject()) {
            return this;
        }
        for (var names = n.fieldNames(); names.hasNext(); ) {
            String name = Names.resolve(names.next());
            if (name.length() < 3 || name.length() > 255 || !Names.valid(name)) {
                add(n.toString(), field, "Map keys must satisfy constraint: [Member must have length less than or "
                        + "equal to 255, Member must have length greater than or equal to 3, Member must satisfy "
                        + "regular expression pattern: [a-zA-Z0-9_.-]+]");
                break;
            }
        }
        return this;
    }

    /** A string member whose length, when sent, must be within the bounds. */
    Constraints length(String field, int min, int max) {
        JsonNode n = typed(field, "String");
        if (n != null && n.textValue().length() < min) {
            add(n.textValue(), field, "Member must have length greater than or equal to " + min);
        } else if (n != null && n.textValue().length() > max) {
            add(n.textValue(), field, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /** A list member that, when sent, must hold at least one element (AttributesToGet). */
    Constraints nonEmptyList(String field) {
        JsonNode n = request.node(field);
        if (n != null && n.isArray() && n.isEmpty()) {
            add("[]", field, "Member must have length greater than or equal to 1");
        }
        return this;
    }

    Constraints capacity() {
        return oneOf("ReturnConsumedCapacity", CAPACITY);
    }

    Constraints returnValues() {
        return oneOf("ReturnValues", RETURN_VALUES);
    }

    Constraints metrics() {
        return oneOf("ReturnItemCollectionMetrics", METRICS);
    }

    Constraints conditionalOperator() {
        return oneOf("ConditionalOperator", OPERATORS);
    }

    Constraints select() {
        return oneOf("Select", SELECT);
    }

    /** The member if present; a JSON value of the wrong type fails at once, as reading the request would. */
    private JsonNode typed(String field, String type) {
        JsonNode n = request.node(field);
        if (n == null) {
            return null;
        }
        boolean ok = type.equals("String") ? n.isTextual() : n.isNumber();
        if (!ok) {
            throw Request.notA(type, n);
        }
        return n;
    }

    private void add(String value, String field, String rule) {
        addAt(value, Request.member(field), rule);
    }

    private void addAt(String value, String member, String rule) {
        if (errors.size() < MAX_REPORTED) {
            errors.add("Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                    + "' failed to satisfy constraint: " + rule);
        }
    }

    void check() {
        if (!errors.isEmpty()) {
            throw DynamoDbError.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", errors));
        }
    }

    /** The control-plane operations ask for a missing table name in their own words before anything else. */
    static void controlPlaneTableName(Request request) {
        if (request.node("TableName") == null) {
            throw DynamoDbError.validation("The parameter 'TableName' is required but was not present in the request");
        }
    }
}
