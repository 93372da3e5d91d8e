package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    private static final String ENUM_RULE = "Member must satisfy enum value set: ";
    /** The current layer's enum lists, as DynamoDB words them (its spelling of UPDATED_NEW included). */
    private static final Map<String, String> CURRENT_ENUMS = Map.of(
            "returnValues", "[ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]",
            "conditionalOperator", "[ALL, OR]");

    private final Request request;
    private final List<Violation> errors = new ArrayList<>();

    /** One violated constraint in the older layer's words and the current layer's, and its place in the latter. */
    private record Violation(String older, String current, boolean missing, int rank) {
    }

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
            add(n.textValue(), field, ENUM_RULE + "[" + String.join(", ", values) + "]");
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

    /** As {@link #atLeast}, in the current layer's words, which name the member as sent and echo no value. */
    Constraints atLeastUnechoed(String field, long min) {
        JsonNode n = typed(field, "Integer");
        if (n != null && n.asLong() < min) {
            String message = "Value at '" + field + "' failed to satisfy constraint: Member must have value greater "
                    + "than or equal to " + min;
            errors.add(new Violation(message, message, false, 2));
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

    /**
     * A map member keyed by table names (RequestItems): every key must be a valid table name. {@code echo} renders
     * the member in the message.
     */
    Constraints tableNameKeys(String field, Function<JsonNode, String> echo) {
        JsonNode n = request.node(field);
        if (n == null || !n.isObject()) {
            return this;
        }
        for (var names = n.fieldNames(); names.hasNext(); ) {
            String name = Names.resolve(names.next());
            if (name.length() < 3 || name.length() > 255 || !Names.valid(name)) {
                add(echo.apply(n), field, "Map keys must satisfy constraint: [Member must have length less than or "
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
        String older = "Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                + "' failed to satisfy constraint: " + rule;
        String current = older;
        if (member.equals("tableName") && "".equals(value)) {
            current = "Value at 'TableName' failed to satisfy constraint: " + rule;
        } else if (rule.startsWith(ENUM_RULE)) {
            current = "Failed to satisfy constraint: " + ENUM_RULE
                    + CURRENT_ENUMS.getOrDefault(member, rule.substring(ENUM_RULE.length()));
        }
        int rank = member.equals("tableName") ? 0 : member.equals("returnValues") ? 1 : 2;
        errors.add(new Violation(older, current, value == null, rank));
    }

    /** The older layer: every violation, up to ten, in the model's order. */
    void check() {
        if (!errors.isEmpty()) {
            List<String> reported = errors.stream().limit(MAX_REPORTED).map(Violation::older).toList();
            throw DynamoDbError.validation(reported.size() + " validation error" + (reported.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", reported));
        }
    }

    /**
     * PutItem, UpdateItem and DeleteItem in the current layer: the first violation alone, the table name before
     * ReturnValues before the rest, as DynamoDB answers in all but two regions (2026-10); a table name that is not
     * empty gets the older words for each of its violations. A request that leaves out a
     * required member, or that the older layer reads ({@link ValidationLayer#readsOlder}), gets {@link #check()}.
     */
    void checkSingleItem() {
        if (errors.isEmpty()) {
            return;
        }
        if (errors.stream().anyMatch(Violation::missing) || ValidationLayer.readsOlder(request)) {
            check();
            return;
        }
        Violation first = errors.stream().min(Comparator.comparingInt(Violation::rank)).orElseThrow();
        if (first.rank() == 0 && first.current().equals(first.older())) {
            // a table name's length and characters are still checked, and joined, the older way
            errors.removeIf(v -> v.rank() != 0);
            check();
            return;
        }
        throw DynamoDbError.validation(ValidationLayer.ENVELOPE + first.current());
    }

    /**
     * Query checks ConditionalOperator before its other members and reports it alone, bare, in the current layer's
     * words (both regions recorded, 2026-10).
     */
    static void queryConditionalOperator(Request request) {
        Constraints operator = of(request).conditionalOperator();
        if (!operator.errors.isEmpty()) {
            throw DynamoDbError.validation(operator.errors.get(0).current());
        }
    }

    /** The control-plane operations ask for a missing table name in their own words before anything else. */
    static void controlPlaneTableName(Request request) {
        if (request.node("TableName") == null) {
            throw DynamoDbError.validation("The parameter 'TableName' is required but was not present in the request");
        }
    }
}
