package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Legacy AttributeUpdates: PUT, ADD (numbers, sets, and lists, which it appends to) and DELETE per attribute. */
final class LegacyUpdate implements UpdateAction {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> SETS = Set.of("SS", "NS", "BS");

    record Change(String attribute, String action, AttrValue value) {
    }

    private final List<Change> changes;

    LegacyUpdate(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    static Change change(String attribute, String action, AttrValue value) {
        switch (action) {
            case "PUT" -> {
                if (value == null) {
                    throw DynamoDbError.validation(INVALID + "Only DELETE action is allowed when no attribute value "
                            + "is specified");
                }
            }
            case "ADD" -> {
                if (value == null) {
                    throw DynamoDbError.validation(INVALID + "Only DELETE action is allowed when no attribute value "
                            + "is specified");
                }
                if (!value.type().equals("N") && !value.type().equals("L") && !SETS.contains(value.type())) {
                    throw DynamoDbError.validation(INVALID + "ADD action is not supported for the type "
                            + value.type());
                }
            }
            case "DELETE" -> {
                if (value != null && !SETS.contains(value.type())) {
                    throw DynamoDbError.validation(INVALID + "DELETE action with value is not supported for the type "
                            + value.type());
                }
            }
            default -> throw DynamoDbError.validation("1 validation error detected: Value '" + action
                    + "' at 'attributeUpdates." + attribute + ".member.action' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [ADD, PUT, DELETE]");
        }
        return new Change(attribute, action, value);
    }

    @Override
    public Map<String, AttrValue> apply(Map<String, AttrValue> item) {
        Map<String, AttrValue> result = new LinkedHashMap<>(item == null ? Map.of() : item);
        for (Change change : changes) {
            AttrValue current = result.get(change.attribute());
            switch (change.action()) {
                case "PUT" -> result.put(change.attribute(), change.value());
                case "ADD" -> result.put(change.attribute(), add(current, change.value()));
                default -> delete(result, change, current);
            }
        }
        return result;
    }

    private static AttrValue add(AttrValue current, AttrValue value) {
        if (current instanceof AttrValue.L l && value instanceof AttrValue.L extra) {
            List<AttrValue> joined = new ArrayList<>(l.value());
            joined.addAll(extra.value());
            return new AttrValue.L(List.copyOf(joined));
        }
        if (current != null && !current.type().equals(value.type())) {
            throw DynamoDbError.validation("Type mismatch for attribute to update");
        }
        return UpdateExpression.SetArithmetic.add(current, value);
    }

    private static void delete(Map<String, AttrValue> result, Change change, AttrValue current) {
        if (change.value() == null) {
            result.remove(change.attribute());
            return;
        }
        if (current == null) {
            return;
        }
        if (!current.type().equals(change.value().type())) {
            throw DynamoDbError.validation("Type mismatch for attribute to update");
        }
        AttrValue remaining = UpdateExpression.SetArithmetic.subtract(current, change.value());
        if (remaining == null) {
            result.remove(change.attribute());
        } else {
            result.put(change.attribute(), remaining);
        }
    }

    @Override
    public Projection updatedPaths() {
        return new PathProjection(changes.stream().map(c -> new DocPath(List.of(c.attribute()))).toList());
    }

    @Override
    public boolean onlyRemoves() {
        return !changes.isEmpty() && changes.stream().allMatch(c -> c.action().equals("DELETE"));
    }

    @Override
    public Set<String> topLevelAttributes() {
        Set<String> names = new LinkedHashSet<>();
        changes.forEach(c -> names.add(c.attribute()));
        return names;
    }
}
