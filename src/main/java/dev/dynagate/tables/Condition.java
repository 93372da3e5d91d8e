package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A condition expression with its placeholders, attached to a write so it only happens when the item is still
 * as the user saw it.
 */
public record Condition(String expression, Map<String, String> names, Map<String, Attr> values) {

    /** DynamoDB's limit on the length of an expression. */
    public static final int MAX_EXPRESSION = 4096;

    public boolean fitsDynamoDb() {
        return expression.length() <= MAX_EXPRESSION;
    }

    /** The write succeeds only if no item with this key exists yet. */
    public static Condition absent(List<String> keyNames) {
        return new Condition("attribute_not_exists(#k0)", Map.of("#k0", keyNames.get(0)), Map.of());
    }

    /**
     * The write succeeds only if the stored item still has every attribute as loaded. (An attribute added by
     * someone else since is not detected: a condition cannot list the absent ones without knowing their names.)
     */
    public static Condition unchanged(Map<String, Attr> loaded) {
        return unchanged(loaded, List.of());
    }

    /** As {@link #unchanged(Map)}, and each of {@code absent} must still be missing (attributes the edit adds). */
    public static Condition unchanged(Map<String, Attr> loaded, List<String> absent) {
        Placeholders placeholders = new Placeholders("c");
        List<String> parts = new ArrayList<>();
        loaded.forEach((name, value) -> parts.add(placeholders.name(name) + " = " + placeholders.value(value)));
        absent.forEach(name -> parts.add("attribute_not_exists(" + placeholders.name(name) + ")"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("An item without attributes cannot be checked.");
        }
        return placeholders.expression(String.join(" AND ", parts));
    }
}
