package dev.dynagate.sandbox.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pre-expression request parameters older clients still send; arguments are the raw JSON request fields (a null
 * or JSON-null node counts as absent). Failures are DynamoDbError ValidationExceptions worded as DynamoDB does.
 */
public final class LegacyParameters {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private LegacyParameters() {
    }

    /** Expected (+ConditionalOperator AND/OR, null meaning AND). An absent Expected is always true. */
    public static Condition expected(JsonNode expected, String conditionalOperator) {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : fields(expected)) {
            conditions.add(expectedEntry(entry.getKey(), entry.getValue()));
        }
        return combine(conditions, conditionalOperator);
    }

    /** QueryFilter / ScanFilter (+ConditionalOperator AND/OR, null meaning AND). */
    public static Condition filter(JsonNode conditions, String conditionalOperator) {
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : fields(conditions)) {
            out.add(comparison(entry.getKey(), entry.getValue()));
        }
        return combine(out, conditionalOperator);
    }

    /** KeyConditions, validated against the key schema of the table or index queried (rangeKey may be null). */
    public static KeyCondition keyConditions(JsonNode keyConditions, String hashKey, String rangeKey) {
        return keyConditions(keyConditions, List.of(hashKey), rangeKey == null ? List.of() : List.of(rangeKey));
    }

    /** As {@link #keyConditions(JsonNode, String, String)}, for a key of any number of HASH and RANGE attributes. */
    public static KeyCondition keyConditions(JsonNode keyConditions, List<String> hashKeys, List<String> rangeKeys) {
        List<Map.Entry<String, JsonNode>> entries = fields(keyConditions);
        boolean multi = hashKeys.size() > 1 || rangeKeys.size() > 1;
        if (entries.isEmpty() || entries.size() > (multi ? hashKeys.size() + rangeKeys.size() : 2)) {
            throw DynamoDbError.validation(multi ? "Conditions can be of length 1 to " + (hashKeys.size()
                    + rangeKeys.size()) + " only" : "Conditions can be of length 1 or 2 only");
        }
        Map<String, LegacyComparison> comparisons = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries) {
            comparisons.put(entry.getKey(), comparison(entry.getKey(), entry.getValue()));
        }
        if (!multi && !comparisons.containsKey(hashKeys.get(0))) {
            throw DynamoDbError.validation("Query condition missed key schema element: " + hashKeys.get(0));
        }
        Map<String, KeyConditions.Term> terms = new LinkedHashMap<>();
        for (LegacyComparison comparison : comparisons.values()) {
            SortOperator operator = comparison.sortOperator();
            if (operator == null) {
                throw DynamoDbError.validation("Attempted conditional constraint is not an indexable operation");
            }
            List<AttrValue> arguments = comparison.arguments();
            terms.put(comparison.attribute(), new KeyConditions.Term(comparison.attribute(), operator,
                    arguments.get(0), arguments.size() > 1 ? arguments.get(1) : null));
        }
        return KeyConditions.build(terms, hashKeys, rangeKeys);
    }

    /** AttributeUpdates: PUT (the default), ADD and DELETE per attribute. */
    public static UpdateAction attributeUpdates(JsonNode attributeUpdates) {
        List<LegacyUpdate.Change> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : fields(attributeUpdates)) {
            AttrValueJson.checkName(entry.getKey());
            JsonNode update = entry.getValue();
            String action = text(update.get("Action"), "PUT");
            JsonNode given = update.get("Value");
            AttrValue value = present(given) ? AttrValueJson.read(given) : null;
            changes.add(LegacyUpdate.change(entry.getKey(), action, value));
        }
        return new LegacyUpdate(changes);
    }

    /** AttributesToGet: top-level attribute names, no duplicates. */
    public static Projection attributesToGet(JsonNode attributesToGet) {
        Set<String> names = new LinkedHashSet<>();
        if (attributesToGet != null && attributesToGet.isArray()) {
            for (JsonNode name : attributesToGet) {
                AttrValueJson.checkName(name.asText());
                if (!names.add(name.asText())) {
                    throw DynamoDbError.validation(INVALID + "Duplicate value in attribute name: " + name.asText());
                }
            }
        }
        return new PathProjection(names.stream().map(n -> new DocPath(List.of(n))).toList());
    }

    private static Condition expectedEntry(String attribute, JsonNode node) {
        boolean hasOperator = present(node.get("ComparisonOperator"));
        boolean hasList = present(node.get("AttributeValueList"));
        boolean hasValue = present(node.get("Value"));
        JsonNode exists = node.get("Exists");
        if (hasOperator) {
            if (present(exists)) {
                throw DynamoDbError.validation(INVALID + "Exists and ComparisonOperator cannot be used together for "
                        + "Attribute: " + attribute);
            }
            if (hasList && hasValue) {
                throw DynamoDbError.validation(INVALID + "Value and AttributeValueList cannot be used together for "
                        + "Attribute: " + attribute);
            }
            String operator = node.get("ComparisonOperator").asText();
            if (!hasList && !hasValue && !operator.equals("NULL") && !operator.equals("NOT_NULL")) {
                throw DynamoDbError.validation(INVALID + "Value or AttributeValueList must be used with "
                        + "ComparisonOperator: " + operator + " for Attribute: " + attribute);
            }
            return comparison(attribute, node);
        }
        if (hasList) {
            throw DynamoDbError.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator "
                    + "for Attribute: " + attribute);
        }
        boolean mustExist = !present(exists) || exists.asBoolean();
        if (mustExist && !hasValue) {
            throw DynamoDbError.validation(INVALID + "Value must be provided when Exists is "
                    + (present(exists) ? "true" : "null") + " for Attribute: " + attribute);
        }
        if (!mustExist && hasValue) {
            throw DynamoDbError.validation(INVALID + "Value cannot be used when Exists is false for Attribute: "
                    + attribute);
        }
        return mustExist ? new LegacyComparison(attribute, "EQ", List.of(value(node.get("Value"))))
                : new LegacyComparison(attribute, "NULL", List.of());
    }

    private static LegacyComparison comparison(String attribute, JsonNode node) {
        String operator = text(node.get("ComparisonOperator"), null);
        if (operator == null) {
            throw DynamoDbError.validation("1 validation error detected: Value null at 'comparisonOperator' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        List<AttrValue> arguments = new ArrayList<>();
        JsonNode list = node.get("AttributeValueList");
        if (present(list)) {
            for (JsonNode element : list) {
                arguments.add(AttrValueJson.readOperand(element));
            }
        } else if (present(node.get("Value"))) {
            arguments.add(value(node.get("Value")));
        }
        return new LegacyComparison(attribute, operator, arguments);
    }

    private static Condition combine(List<Condition> conditions, String conditionalOperator) {
        boolean or = "OR".equals(conditionalOperator);
        if (conditionalOperator != null && !or && !"AND".equals(conditionalOperator)) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + conditionalOperator
                    + "' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[OR, AND]");
        }
        List<Condition> all = List.copyOf(conditions);
        if (or) {
            return item -> all.isEmpty() || all.stream().anyMatch(c -> c.test(item));
        }
        return item -> all.stream().allMatch(c -> c.test(item));
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static String text(JsonNode node, String fallback) {
        return present(node) ? node.asText() : fallback;
    }

    private static AttrValue value(JsonNode node) {
        return present(node) ? AttrValueJson.readOperand(node) : null;
    }
}
