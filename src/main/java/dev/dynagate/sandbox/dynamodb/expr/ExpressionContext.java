package dev.dynagate.sandbox.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.LayeredRefusal;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its expressions so that
 * unused entries can be reported once every expression has been parsed. Parsing records use, so one context belongs
 * to one request and one thread; the parsed expressions themselves are immutable.
 */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, AttrValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();
    /** The references looked up while one expression is parsed, for {@link ExpressionCache}; null when off. */
    private Set<String> recordedNames;
    private Set<String> recordedValues;
    private String valueTypes;

    /**
     * Either map may be null when the request did not send it. Checks what DynamoDB checks of the maps themselves:
     * that a map sent is not empty and that its keys are well-formed {@code #name}/{@code :value} references.
     */
    public ExpressionContext(Map<String, String> names, Map<String, AttrValue> values) {
        // kept as given, not copied: a context lives for one request, whose maps nothing changes
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
        if (names != null) {
            checkKeys("ExpressionAttributeNames", names.keySet(), '#');
            for (Map.Entry<String, String> name : names.entrySet()) {
                if (name.getValue().isEmpty()) {
                    throw DynamoDbError.validation("ExpressionAttributeNames contains invalid value: Empty attribute "
                            + "name for key " + name.getKey());
                }
                AttrValueJson.checkName(name.getValue());
            }
        }
        if (values != null) {
            checkKeys("ExpressionAttributeValues", values.keySet(), ':');
        }
    }

    /**
     * Reads the request's ExpressionAttributeNames and ExpressionAttributeValues (either node may be null or JSON
     * null), wording invalid values as DynamoDB does: "ExpressionAttributeValues contains invalid value: ... for key
     * :x".
     */
    public static ExpressionContext fromJson(JsonNode names, JsonNode values) {
        Map<String, String> nameMap = null;
        if (names != null && !names.isNull()) {
            nameMap = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : fields(names)) {
                if (!entry.getValue().isTextual()) {
                    throw DynamoDbError.serialization(entry.getValue().getNodeType() == JsonNodeType.NUMBER
                            ? "NUMBER_VALUE cannot be converted to String"
                            : "Unexpected value type in payload");
                }
                nameMap.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        Map<String, AttrValue> valueMap = null;
        if (values != null && !values.isNull()) {
            valueMap = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : fields(values)) {
                try {
                    valueMap.put(entry.getKey(), AttrValueJson.readOperand(entry.getValue()));
                } catch (DynamoDbError e) {
                    if (!e.code().equals("ValidationException")) {
                        throw e;
                    }
                    if (e.getMessage().equals(AttrValueJson.NAME_TOO_LARGE)) {
                        throw e;
                    }
                    String older = "ExpressionAttributeValues contains invalid value: " + e.getMessage()
                            + " for key " + entry.getKey();
                    // the current validation layer reports the value's own error, naming no key
                    throw new LayeredRefusal(older, e instanceof LayeredRefusal l ? l.current() : e.getMessage());
                }
            }
        }
        return new ExpressionContext(nameMap, valueMap);
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        if (!node.isObject()) {
            throw DynamoDbError.serialization(node.isArray() ? "Start of list found where not expected"
                    : "Unexpected value type in payload");
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        node.fields().forEachRemaining(out::add);
        return out;
    }

    /** The longest #name or :value placeholder, prefix included, in UTF-8 bytes. */
    private static final int MAX_KEY_BYTES = 255;

    private static void checkKeys(String parameter, Set<String> keys, char prefix) {
        if (keys.isEmpty()) {
            throw DynamoDbError.validation(parameter + " must not be empty");
        }
        for (String key : keys) {
            // as captured from DynamoDB: the length is checked first, and only the names' message gives it
            long bytes = key.length() * 3L > MAX_KEY_BYTES ? ItemSize.utf8Bytes(key) : 0;
            if (bytes > MAX_KEY_BYTES) {
                throw DynamoDbError.validation(parameter + " contains invalid key: The expression attribute map "
                        + "contains a key that is too long;" + (prefix == '#' ? " size of key: " + bytes : ""));
            }
            if (key.length() < 2 || key.charAt(0) != prefix || !allNameParts(key)) {
                throw DynamoDbError.validation(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
            }
        }
    }

    private static boolean allNameParts(String key) {
        for (int i = 1; i < key.length(); i++) {
            if (!Lexer.isNamePart(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Throws DynamoDB's error for #names or :values no expression of the request used (names are checked first, keys
     * listed in the order the request gave them).
     */
    public void checkAllUsed() {
        Set<String> unusedNames = unused(names.keySet(), usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = unused(values.keySet(), usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    private static Set<String> unused(Set<String> given, Set<String> used) {
        if (used.size() == given.size()) {
            return Set.of(); // only given references are ever recorded as used
        }
        return given.stream().filter(k -> !used.contains(k)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The attribute name for {@code #ref}, or null when the request does not define it. */
    String name(String ref) {
        String name = names.get(ref);
        if (name != null) {
            usedNames.add(ref);
            if (recordedNames != null) {
                recordedNames.add(ref);
            }
        }
        return name;
    }

    /** The value for {@code :ref}, or null when the request does not define it. */
    AttrValue value(String ref) {
        AttrValue value = values.get(ref);
        if (value != null) {
            usedValues.add(ref);
            if (recordedValues != null) {
                recordedValues.add(ref);
            }
        }
        return value;
    }

    /** What a parse depends on besides its text: the names and each value's type (the values are rebound). */
    Map<String, String> names() {
        return names;
    }

    /**
     * Refuses a value nested past the limit on stored values even where it is only compared, as DynamoDB's current
     * validation layer does for PutItem, UpdateItem and DeleteItem (31 of 33 regions, 2026-10).
     */
    public void refuseDeepValues() {
        if (AttrValueJson.tooDeep(values)) {
            throw LayeredRefusal.alike(AttrValueJson.TOO_DEEP);
        }
    }

    /**
     * The transactions' older layer holds a value it only compares to a second, higher limit: 32 nested levels pass
     * and 40 are refused, naming the value's key (recorded 2026-10). Where between the two the limit lies is not
     * recorded, so only 40 and more are refused.
     */
    public void refuseValuesPastTransactionLimit() {
        for (Map.Entry<String, AttrValue> value : values.entrySet()) {
            if (AttrValueJson.nestedAtLeast(value.getValue(), TRANSACTION_VALUE_LEVELS)) {
                throw new LayeredRefusal("ExpressionAttributeValues contains invalid value: " + AttrValueJson.TOO_DEEP
                        + " for key " + value.getKey(), AttrValueJson.TOO_DEEP);
            }
        }
    }

    private static final int TRANSACTION_VALUE_LEVELS = 40;

    Map<String, AttrValue> values() {
        return values;
    }

    String valueTypes() {
        if (valueTypes == null) {
            StringBuilder out = new StringBuilder();
            values.forEach((ref, value) -> out.append(ref).append('\u0000').append(value.type()).append('\u0001'));
            valueTypes = out.toString();
        }
        return valueTypes;
    }

    /** The references one parse looked up, as {@link #recording} collected them. */
    record Used(Set<String> names, Set<String> values) {
    }

    /** Runs a parse and answers the references it looked up. */
    Used recording(Runnable parse) {
        recordedNames = new HashSet<>();
        recordedValues = new HashSet<>();
        try {
            parse.run();
            return new Used(Set.copyOf(recordedNames), Set.copyOf(recordedValues));
        } finally {
            recordedNames = null;
            recordedValues = null;
        }
    }

    /** Marks as used what a cached parse of the same expression looked up. */
    void markUsed(Used used) {
        usedNames.addAll(used.names());
        usedValues.addAll(used.values());
    }
}
