package dev.dynagate.sandbox.dynamodb.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.LayeredRefusal;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's wire JSON for attribute values ({@code {"S":"x"}}, {@code {"NS":["1","2"]}}, binaries in base64) to and
 * from {@link AttrValue}, with DynamoDB's validation and wording. Wrong JSON types are SerializationExceptions (the
 * request could not be read); well-formed but invalid values are ValidationExceptions.
 */
public final class AttrValueJson {
    /** A value this deep inside an attribute is refused: 31 nested maps or lists are the most DynamoDB keeps. */
    public static final int MAX_NESTING = 32;
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final List<String> TYPES = List.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AttrValueJson() {
    }

    /** Reads one attribute value such as {@code {"S":"x"}}. */
    public static AttrValue read(JsonNode node) {
        return read(node, 0);
    }

    /**
     * Reads a value a condition compares with (an ExpressionAttributeValue, a legacy condition's operand). DynamoDB
     * holds only values it stores to the nesting limit, so this reads any depth; a stored item is checked as a whole.
     */
    public static AttrValue readOperand(JsonNode node) {
        return read(node, Integer.MIN_VALUE);
    }

    /** Reads an item or key: an object of attribute name to value, keeping the order of the request. */
    public static Map<String, AttrValue> readItem(JsonNode node) {
        return readMap(node, 0);
    }

    public static ObjectNode write(AttrValue v) {
        ObjectNode out = JSON.objectNode();
        if (v instanceof AttrValue.S s) {
            out.put("S", s.value());
        } else if (v instanceof AttrValue.N n) {
            out.put("N", Numbers.format(n.value()));
        } else if (v instanceof AttrValue.B b) {
            out.put("B", Base64.getEncoder().encodeToString(b.value()));
        } else if (v instanceof AttrValue.Bool b) {
            out.put("BOOL", b.value());
        } else if (v instanceof AttrValue.Null) {
            out.put("NULL", true);
        } else if (v instanceof AttrValue.M m) {
            out.set("M", writeItem(m.value()));
        } else if (v instanceof AttrValue.L l) {
            ArrayNode list = out.putArray("L");
            l.value().forEach(e -> list.add(write(e)));
        } else if (v instanceof AttrValue.SS ss) {
            ArrayNode list = out.putArray("SS");
            ss.value().forEach(list::add);
        } else if (v instanceof AttrValue.NS ns) {
            ArrayNode list = out.putArray("NS");
            ns.value().forEach(n -> list.add(Numbers.format(n)));
        } else if (v instanceof AttrValue.BS bs) {
            ArrayNode list = out.putArray("BS");
            bs.value().forEach(b -> list.add(Base64.getEncoder().encodeToString(b)));
        }
        return out;
    }

    public static ObjectNode writeItem(Map<String, AttrValue> item) {
        ObjectNode out = JSON.objectNode();
        item.forEach((name, value) -> out.set(name, write(value)));
        return out;
    }

    private static Map<String, AttrValue> readMap(JsonNode node, int depth) {
        requireObject(node);
        Map<String, AttrValue> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull()) {
                checkName(field.getKey());
                out.put(field.getKey(), read(field.getValue(), depth));
            }
        }
        return out;
    }

    /** The longest attribute name DynamoDB keeps, in UTF-8 bytes, at the top of an item or as a key of a map. */
    public static final int MAX_NAME_BYTES = 65_535;
    /** DynamoDB's words for a longer name, a whole-request refusal wherever the name comes from. */
    public static final String NAME_TOO_LARGE = "1 validation error detected: Attribute name is too large, must be "
            + "less than 65536 bytes";

    /** Refuses an attribute name longer than DynamoDB allows. */
    public static void checkName(String name) {
        // a UTF-16 unit is at most 3 UTF-8 bytes, so only long names need counting
        if (name.length() * 3 > MAX_NAME_BYTES && ItemSize.utf8Bytes(name) > MAX_NAME_BYTES) {
            throw DynamoDbError.validation(NAME_TOO_LARGE);
        }
    }

    /** DynamoDB's words for a value nested deeper than it allows. */
    public static final String TOO_DEEP = "Nesting Levels have exceeded supported limits: Attributes in the item have "
            + "nested levels beyond supported limit";

    /** Whether an item holds a value nested deeper than {@link #read} accepts (an update can build one). */
    public static boolean tooDeep(Map<String, AttrValue> item) {
        for (AttrValue value : item.values()) {
            if (nestedAtLeast(value, MAX_NESTING)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a value holds {@code levels} maps or lists one inside another. */
    public static boolean nestedAtLeast(AttrValue value, int levels) {
        if (levels <= 0) {
            return true;
        }
        Iterable<AttrValue> children = value instanceof AttrValue.M m ? m.value().values()
                : value instanceof AttrValue.L l ? l.value() : java.util.List.of();
        for (AttrValue child : children) {
            if (nestedAtLeast(child, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    private static AttrValue read(JsonNode node, int depth) {
        // as captured from DynamoDB: 31 maps or lists inside an attribute are accepted, the 32nd is refused
        if (depth >= MAX_NESTING) {
            throw LayeredRefusal.alike(TOO_DEEP);
        }
        requireObject(node);
        AttrValue result = null;
        int types = 0;
        for (String type : TYPES) {
            JsonNode field = node.get(type);
            if (field == null || field.isNull()) {
                continue;
            }
            types++;
            AttrValue parsed = readTyped(type, field, depth);
            if (result == null) {
                result = parsed;
            }
        }
        if (types == 0) {
            throw LayeredRefusal.alike(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (types > 1) {
            throw LayeredRefusal.alike("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        return result;
    }

    private static AttrValue readTyped(String type, JsonNode field, int depth) {
        return switch (type) {
            case "S" -> new AttrValue.S(text(field, "String"));
            case "N" -> new AttrValue.N(number(text(field, "String")));
            case "B" -> new AttrValue.B(binary(text(field, "Blob")));
            case "BOOL" -> new AttrValue.Bool(bool(field));
            case "NULL" -> {
                if (!bool(field)) {
                    throw LayeredRefusal.alike(INVALID + "Null attribute value types must have the value of true");
                }
                yield new AttrValue.Null();
            }
            case "M" -> new AttrValue.M(readMap(field, depth + 1));
            case "L" -> new AttrValue.L(readList(field, depth + 1));
            case "SS" -> stringSet(field);
            case "NS" -> numberSet(field);
            default -> binarySet(field);
        };
    }

    private static List<AttrValue> readList(JsonNode node, int depth) {
        requireArray(node);
        List<AttrValue> out = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (element.isNull()) {
                throw LayeredRefusal.alike(
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
            }
            out.add(read(element, depth));
        }
        return out;
    }

    private static AttrValue stringSet(JsonNode node) {
        List<String> members = members(node, "String", "An string set may not have a null string as a member");
        if (members.isEmpty()) {
            throw LayeredRefusal.alike(INVALID + "An string set  may not be empty");
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new LayeredRefusal(INVALID + "Input collection " + members + " contains duplicates.",
                    INVALID + "Input collection " + SetEcho.quoted(members, SetEcho.UTF8_BYTES, ", ")
                            + " contains duplicates.");
        }
        return new AttrValue.SS(List.copyOf(members));
    }

    private static AttrValue numberSet(JsonNode node) {
        List<String> members = members(node, "String", "An number set may not have a null number as a member");
        if (members.isEmpty()) {
            throw LayeredRefusal.alike(INVALID + "An number set  may not be empty");
        }
        List<BigDecimal> numbers = new ArrayList<>(members.size());
        Set<BigDecimal> seen = new HashSet<>();
        for (String member : members) {
            BigDecimal n = number(member);
            numbers.add(n);
            if (!seen.add(n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros())) {
                throw new LayeredRefusal("Input collection contains duplicates",
                        INVALID + "Input collection contains duplicates.");
            }
        }
        return new AttrValue.NS(List.copyOf(numbers));
    }

    private static AttrValue binarySet(JsonNode node) {
        List<String> members = members(node, "Blob", "Binary sets may not contain null or empty values");
        if (members.isEmpty()) {
            throw LayeredRefusal.alike(INVALID + "Binary sets should not be empty");
        }
        List<byte[]> binaries = new ArrayList<>(members.size());
        for (String member : members) {
            binaries.add(binary(member));
        }
        if (new HashSet<>(binaries.stream().map(ByteBuffer::wrap).toList()).size() != binaries.size()) {
            throw new LayeredRefusal(INVALID + "Input collection " + members + "of type BS contains duplicates.",
                    INVALID + "Input collection " + SetEcho.quoted(members, SetEcho.BASE64_BYTES, ",")
                            + "of type BS contains duplicates.");
        }
        return new AttrValue.BS(List.copyOf(binaries));
    }

    private static List<String> members(JsonNode node, String javaType, String nullMessage) {
        requireArray(node);
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (element.isNull()) {
                throw LayeredRefusal.alike(INVALID + nullMessage);
            }
            out.add(text(element, javaType));
        }
        return out;
    }

    private static BigDecimal number(String text) {
        if (text.isEmpty()) {
            throw new LayeredRefusal("The parameter cannot be converted to a numeric value",
                    "The parameter cannot be converted to a numeric value: ");
        }
        return Numbers.parse(text);
    }

    private static byte[] binary(String base64) {
        if (base64.length() % 4 != 0) {
            throw DynamoDbError.serialization("'" + base64 + "' can not be converted to a Blob: "
                    + "Base64 encoded length is expected a multiple of 4 bytes but found: " + base64.length());
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw DynamoDbError.serialization("'" + base64 + "' can not be converted to a Blob: Invalid Base64 character");
        }
    }

    private static String text(JsonNode node, String javaType) {
        if (node.isTextual()) {
            return node.textValue();
        }
        throw DynamoDbError.serialization(describe(node, javaType));
    }

    private static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return booleanWord(node.textValue());
        }
        throw DynamoDbError.serialization(describe(node, "Boolean"));
    }

    /**
     * A JSON string where the service expects a boolean: DynamoDB's reader takes true/false, 1/0 and yes/no in any
     * case, and refuses any other word.
     */
    public static boolean booleanWord(String text) {
        String word = text.toUpperCase(java.util.Locale.ROOT);
        if (word.equals("TRUE") || word.equals("1") || word.equals("YES")) {
            return true;
        }
        if (word.equals("FALSE") || word.equals("0") || word.equals("NO")) {
            return false;
        }
        throw DynamoDbError.serialization("Unexpected token received from parser");
    }

    private static void requireObject(JsonNode node) {
        if (!node.isObject()) {
            throw DynamoDbError.serialization(describe(node, "Structure"));
        }
    }

    private static void requireArray(JsonNode node) {
        if (!node.isArray()) {
            throw DynamoDbError.serialization(node.isObject() ? "Start of structure or map found where not expected."
                    : "Unexpected " + token(node) + " where a list was expected");
        }
    }

    /** Worded like the service's deserializer: the JSON token it met, and the type it wanted. */
    private static String describe(JsonNode node, String javaType) {
        if (node.isObject()) {
            return "Start of structure or map found where not expected.";
        }
        if (node.isArray()) {
            return "Start of list found where not expected";
        }
        return token(node) + " cannot be converted to " + javaType;
    }

    private static String token(JsonNode node) {
        if (node.isNumber()) {
            return "NUMBER_VALUE";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        }
        if (node.isTextual()) {
            return "STRING_VALUE";
        }
        return node.getNodeType().name();
    }
}
