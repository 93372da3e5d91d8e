package dev.dynagate.sandbox.dynamodb.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AttrValueJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static DynamoDbError error(String text) {
        DynamoDbError e = catchThrowableOfType(DynamoDbError.class, () -> AttrValueJson.read(json(text)));
        assertThat(e).as(text).isNotNull();
        return e;
    }

    private static String validation(String text) {
        DynamoDbError e = error(text);
        assertThat(e.code()).isEqualTo("ValidationException");
        return e.getMessage();
    }

    private static String serialization(String text) {
        DynamoDbError e = error(text);
        assertThat(e.code()).isEqualTo("SerializationException");
        return e.getMessage();
    }

    /** As recorded from DynamoDB: members come back in its order, not as written. */
    @Test
    void setsHoldTheirMembersInDynamoDbsOrder() {
        AttrValue.SS strings = (AttrValue.SS) AttrValueJson.read(
                json("{'SS':['b','','a','\\uD83D\\uDE00','\\uFF21']}"));
        // by UTF-8 bytes: a character beyond U+FFFF sorts after U+FF21, unlike UTF-16 order
        assertThat(strings.value()).containsExactly("", "a", "b", "\uFF21", "\uD83D\uDE00");
        AttrValue.NS numbers = (AttrValue.NS) AttrValueJson.read(json("{'NS':['10','1.5','-2','0']}"));
        assertThat(numbers.value()).extracting(BigDecimal::toPlainString).containsExactly("-2", "0", "1.5", "10");
        AttrValue.BS binaries = (AttrValue.BS) AttrValueJson.read(json("{'BS':['/w==','AQ==','gA==']}"));
        assertThat(binaries.value()).extracting(bytes -> bytes[0] & 0xff).containsExactly(1, 0x80, 0xff);
        assertThat(AttrValueJson.write(new AttrValue.SS(List.of("z", "y"))).toString())
                .isEqualTo("{\"SS\":[\"y\",\"z\"]}");
    }

    @Test
    void readsEveryType() {
        assertThat(AttrValueJson.read(json("{'S':'x'}"))).isEqualTo(new AttrValue.S("x"));
        assertThat(AttrValueJson.read(json("{'S':''}"))).isEqualTo(new AttrValue.S(""));
        assertThat(AttrValueJson.read(json("{'N':'00042.50'}"))).isEqualTo(new AttrValue.N(new BigDecimal("42.5")));
        assertThat(AttrValueJson.read(json("{'B':'YWJj'}")))
                .isEqualTo(new AttrValue.B("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(AttrValueJson.read(json("{'BOOL':false}"))).isEqualTo(new AttrValue.Bool(false));
        assertThat(AttrValueJson.read(json("{'NULL':true}"))).isEqualTo(new AttrValue.Null());
        assertThat(AttrValueJson.read(json("{'SS':['b','a']}"))).isEqualTo(new AttrValue.SS(List.of("a", "b")));
        assertThat(AttrValueJson.read(json("{'NS':['1','2.0']}")))
                .isEqualTo(new AttrValue.NS(List.of(BigDecimal.ONE, BigDecimal.valueOf(2))));
        assertThat(AttrValueJson.read(json("{'BS':['YQ==']}"))).isInstanceOf(AttrValue.BS.class);
        assertThat(AttrValueJson.read(json("{'L':[{'S':'x'},{'N':'1'}]}")))
                .isEqualTo(new AttrValue.L(List.of(new AttrValue.S("x"), new AttrValue.N(BigDecimal.ONE))));
        assertThat(AttrValueJson.read(json("{'M':{'k':{'S':'v'}}}")))
                .isEqualTo(new AttrValue.M(Map.of("k", new AttrValue.S("v"))));
    }

    @Test
    void booleanWordsConvertAsTheServiceReaderDoes() {
        assertThat(AttrValueJson.read(json("{'BOOL':'true'}"))).isEqualTo(new AttrValue.Bool(true));
        assertThat(AttrValueJson.read(json("{'BOOL':'Yes'}"))).isEqualTo(new AttrValue.Bool(true));
        assertThat(AttrValueJson.read(json("{'BOOL':'1'}"))).isEqualTo(new AttrValue.Bool(true));
        assertThat(AttrValueJson.read(json("{'BOOL':'FALSE'}"))).isEqualTo(new AttrValue.Bool(false));
        assertThat(AttrValueJson.read(json("{'BOOL':'no'}"))).isEqualTo(new AttrValue.Bool(false));
        assertThat(AttrValueJson.read(json("{'NULL':'true'}"))).isEqualTo(new AttrValue.Null());
        assertThat(error("{'BOOL':'maybe'}").getMessage()).isEqualTo("Unexpected token received from parser");
        assertThat(error("{'BOOL':2}").getMessage()).isEqualTo("NUMBER_VALUE cannot be converted to Boolean");
    }

    @Test
    void itemsKeepTheirOrderAndRoundTrip() {
        String text = "{'z':{'S':'1'},'a':{'N':'1.50'},'m':{'M':{'q':{'L':[{'NULL':true},{'BOOL':true}]}}},"
                + "'s':{'NS':['3','1E+2']},'b':{'BS':['YQ==','Yg==']}}";
        Map<String, AttrValue> item = AttrValueJson.readItem(json(text));
        assertThat(item.keySet()).containsExactly("z", "a", "m", "s", "b");
        JsonNode written = AttrValueJson.writeItem(item);
        assertThat(written.get("a").get("N").asText()).isEqualTo("1.5");
        assertThat(written.get("s").get("NS").get(1).asText()).isEqualTo("100");
        assertThat(AttrValueJson.readItem(written)).isEqualTo(item);
        assertThat(written.toString()).isEqualTo("{\"z\":{\"S\":\"1\"},\"a\":{\"N\":\"1.5\"},\"m\":{\"M\":{\"q\":{\"L\":"
                + "[{\"NULL\":true},{\"BOOL\":true}]}}},\"s\":{\"NS\":[\"3\",\"100\"]},\"b\":{\"BS\":[\"YQ==\",\"Yg==\"]}}");
    }

    @Test
    void emptyAndAmbiguousValues() {
        String empty = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        assertThat(validation("{}")).isEqualTo(empty);
        assertThat(validation("{'S':null}")).isEqualTo(empty);
        assertThat(validation("{'X':'y'}")).isEqualTo(empty);
        assertThat(validation("{'L':[{}]}")).isEqualTo(empty);
        assertThat(validation("{'M':{'k':{}}}")).isEqualTo(empty);
        assertThat(validation("{'S':'a','N':'1'}")).isEqualTo("Supplied AttributeValue has more than one datatypes set, "
                + "must contain exactly one of the supported datatypes");
        assertThat(validation("{'S':'a','N':'b'}")).isEqualTo("The parameter cannot be converted to a numeric value: b");
    }

    @Test
    void setRules() {
        String invalid = "One or more parameter values were invalid: ";
        assertThat(validation("{'SS':[]}")).isEqualTo(invalid + "An string set  may not be empty");
        assertThat(validation("{'NS':[]}")).isEqualTo(invalid + "An number set  may not be empty");
        assertThat(validation("{'BS':[]}")).isEqualTo(invalid + "Binary sets should not be empty");
        assertThat(validation("{'SS':['a','a']}")).isEqualTo(invalid + "Input collection [a, a] contains duplicates.");
        assertThat(validation("{'NS':['1','1.0']}")).isEqualTo("Input collection contains duplicates");
        assertThat(validation("{'BS':['Yg==','Yg==']}"))
                .isEqualTo(invalid + "Input collection [Yg==, Yg==]of type BS contains duplicates.");
        assertThat(validation("{'SS':['a',null]}"))
                .isEqualTo(invalid + "An string set may not have a null string as a member");
        assertThat(validation("{'NULL':false}")).isEqualTo(invalid + "Null attribute value types must have the value of true");
    }

    @Test
    void numberRules() {
        assertThat(validation("{'N':''}")).isEqualTo("The parameter cannot be converted to a numeric value");
        assertThat(validation("{'N':'abc'}")).isEqualTo("The parameter cannot be converted to a numeric value: abc");
        assertThat(validation("{'NS':['1','']}")).isEqualTo("The parameter cannot be converted to a numeric value");
        assertThat(validation("{'N':'123456789012345678901234567890123456789'}"))
                .isEqualTo("Attempting to store more than 38 significant digits in a Number");
        assertThat(validation("{'N':'1e126'}"))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertThat(validation("{'N':'-1e-131'}"))
                .isEqualTo("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        // an exponent past 32 bits is out of range, not malformed; a zero is held to the same exponent range
        assertThat(validation("{'N':'1e99999999999'}")).startsWith("Number overflow.");
        assertThat(validation("{'N':'-1.5e2147483648'}")).startsWith("Number overflow.");
        assertThat(validation("{'N':'1e-99999999999'}")).startsWith("Number underflow.");
        assertThat(validation("{'N':'1e99999999999999999999'}"))
                .isEqualTo("The parameter cannot be converted to a numeric value: 1e99999999999999999999");
        assertThat(validation("{'N':'0e126'}")).startsWith("Number overflow.");
        assertThat(validation("{'N':'0e-131'}")).startsWith("Number underflow.");
        assertThat(AttrValueJson.read(json("{'N':'0e125'}"))).isEqualTo(new AttrValue.N(BigDecimal.ZERO));
        assertThat(AttrValueJson.read(json("{'N':'-0.000e-127'}"))).isEqualTo(new AttrValue.N(BigDecimal.ZERO));
        assertThat(AttrValueJson.read(json("{'N':'12345678901234567890123456789012345678000'}")))
                .isEqualTo(new AttrValue.N(new BigDecimal("1.2345678901234567890123456789012345678E+40")));
    }

    @Test
    void wrongJsonTypesAreSerializationErrors() {
        assertThat(serialization("{'S':5}")).isEqualTo("NUMBER_VALUE cannot be converted to String");
        assertThat(serialization("{'N':1}")).isEqualTo("NUMBER_VALUE cannot be converted to String");
        assertThat(serialization("{'BOOL':'truthy'}")).isEqualTo("Unexpected token received from parser");
        assertThat(serialization("{'S':['a']}")).isEqualTo("Start of list found where not expected");
        assertThat(serialization("{'S':{}}")).isEqualTo("Start of structure or map found where not expected.");
        assertThat(serialization("{'SS':'a'}")).contains("where a list was expected");
        assertThat(serialization("{'M':[]}")).isEqualTo("Start of list found where not expected");
        assertThat(serialization("['S']")).isEqualTo("Start of list found where not expected");
        assertThat(serialization("{'B':'abc'}")).contains("Base64 encoded length is expected a multiple of 4 bytes");
        assertThat(serialization("{'B':'ab!='}")).contains("Invalid Base64 character");
    }

    @Test
    void nestingIsBounded() {
        String deep = "{'L':[".repeat(32) + "{'S':'x'}" + "]}".repeat(32);
        assertThat(validation(deep)).isEqualTo("Nesting Levels have exceeded supported limits: Attributes in the item "
                + "have nested levels beyond supported limit");
        String deepest = "{'M':{'a':".repeat(31) + "{'S':'x'}" + "}}".repeat(31);
        assertThat(AttrValueJson.read(json(deepest))).isInstanceOf(AttrValue.M.class);
    }

    /** Random documents made of DynamoDB's type keys must only ever read or fail as DynamoDB errors. */
    @Test
    void randomDocumentsOnlyProduceDynamoDbErrors() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 5000; i++) {
            JsonNode node = randomNode(random, 0);
            try {
                AttrValue value = AttrValueJson.read(node);
                assertThat(AttrValueJson.read(AttrValueJson.write(value))).isEqualTo(value);
            } catch (DynamoDbError e) {
                assertThat(e.code()).isIn("ValidationException", "SerializationException");
            }
        }
    }

    private static JsonNode randomNode(java.util.Random random, int depth) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        int kind = depth > 3 ? random.nextInt(5) : random.nextInt(8);
        return switch (kind) {
            case 0 -> f.textNode(List.of("", "a", "1", "-0.50", "1e126", "YQ==", "x y", "NaN").get(random.nextInt(8)));
            case 1 -> f.numberNode(random.nextInt(3));
            case 2 -> f.booleanNode(random.nextBoolean());
            case 3 -> f.nullNode();
            case 4 -> f.textNode("Yg==");
            case 5, 6 -> {
                var object = f.objectNode();
                int fields = random.nextInt(3);
                for (int k = 0; k < fields; k++) {
                    String key = List.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS", "x").get(random.nextInt(11));
                    object.set(key, randomNode(random, depth + 1));
                }
                yield object;
            }
            default -> {
                var array = f.arrayNode();
                int elements = random.nextInt(3);
                for (int k = 0; k < elements; k++) {
                    array.add(randomNode(random, depth + 1));
                }
                yield array;
            }
        };
    }
}
