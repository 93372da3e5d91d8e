package dev.dynagate.sandbox.dynamodb.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates malformed DynamoDB requests from a seed: mutated valid requests, random JSON, wrong types, deep nesting,
 * huge strings, invalid UTF-8, random expressions and bad targets or headers. The same seed gives the same requests,
 * so a failure can be replayed.
 */
final class FuzzRequests {
    static final String TABLE = "fuzz_t";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String STREAMS = "DynamoDBStreams_20120810.";
    private static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/fuzz_t/stream/"
            + "2026-01-01T00:00:00.000";
    private static final String[] OPERATIONS = {"PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan",
        "BatchWriteItem", "BatchGetItem", "TransactWriteItems", "TransactGetItems", "CreateTable", "DescribeTable",
        "UpdateTable", "ListTables", "UpdateTimeToLive", "DescribeTimeToLive", "TagResource", "ListTagsOfResource",
        "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction", STREAMS + "ListStreams",
        STREAMS + "DescribeStream", STREAMS + "GetShardIterator", STREAMS + "GetRecords"};
    private static final String[] PARTIQL_TOKENS = {"SELECT", "INSERT", "INTO", "UPDATE", "DELETE", "FROM", "VALUE",
        "WHERE", "SET", "REMOVE", "RETURNING", "ALL", "NEW", "OLD", "MODIFIED", "ORDER", "BY", "DESC", "AND", "OR",
        "NOT", "IS", "MISSING", "NULL", "BETWEEN", "IN", "*", "fuzz_t", "\"fuzz_t\"", "\"fuzz_t\".\"byG\"", "pk", "sk",
        "g", "m.a[1]", "'p'", "''", "'x''y'", "1", "-2.5e3", "1e999", "?", "=", "<>", "!=", "<", ">=", "(", ")", "[",
        "]", "{", "}", "<<", ">>", ":", ",", ".", "begins_with(", "contains(", "size(", "attribute_type(", "set_add(",
        "list_append(", "TRUE", "'unterminated", "\"", "--", ";", "\u00e9"};
    private static final String[] EXPRESSION_TOKENS = {"a", "b.c", "l[0]", "l[99999999999]", "#n", "#missing", ":v",
        ":s", ":missing", "pk", "sk", "=", "<>", "<", "<=", ">", ">=", "(", ")", ",", "AND", "OR", "NOT", "BETWEEN",
        "IN", "SET", "REMOVE", "ADD", "DELETE", "+", "-", "attribute_exists(", "attribute_not_exists(",
        "attribute_type(", "begins_with(", "contains(", "size(", "list_append(", "if_not_exists(", "status", "[", "]",
        ".", "\u00e9", "\u0000", "'", "\"", "::", "##", " ", "  "};
    private static final String[] FIELDS = {"TableName", "Item", "Key", "ConditionExpression", "UpdateExpression",
        "KeyConditionExpression", "FilterExpression", "ProjectionExpression", "ExpressionAttributeNames",
        "ExpressionAttributeValues", "ReturnValues", "Limit", "ExclusiveStartKey", "Select", "IndexName",
        "Segment", "TotalSegments", "RequestItems", "TransactItems", "KeySchema", "AttributeDefinitions",
        "BillingMode", "ProvisionedThroughput", "GlobalSecondaryIndexes", "ConsistentRead", "ScanIndexForward",
        "ReturnConsumedCapacity", "AttributesToGet", "Expected", "AttributeUpdates", "KeyConditions", "ScanFilter"};

    private final Random random;
    private final Target target;
    private final List<Template> templates;

    record Template(String operation, JsonNode body) {
    }

    FuzzRequests(long seed, Target target) {
        this.random = new Random(seed);
        this.target = target;
        this.templates = templates();
    }

    /** The request that creates the table the templates use. */
    static String createTable() {
        return "{\"TableName\":\"" + TABLE + "\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}}],\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}";
    }

    /** Which part of a request the generator breaks. */
    enum Target {
        /** The JSON body and the expressions in it, behind a correct envelope. */
        BODIES,
        /** The envelope: target and authorization headers around valid bodies. */
        ENVELOPES,
        /** The body's encoding: strings that are not UTF-8. */
        ENCODING
    }

    FuzzRequest next() {
        if (target == Target.ENVELOPES) {
            return badEnvelope();
        }
        if (target == Target.ENCODING) {
            return invalidUtf8();
        }
        int pick = random.nextInt(100);
        if (pick < 40) {
            return mutated();
        }
        if (pick < 52) {
            return randomJson();
        }
        if (pick < 64) {
            return wrongTypes();
        }
        if (pick < 70) {
            return deepNesting();
        }
        if (pick < 71) {
            return hugeStrings();
        }
        return randomExpression();
    }

    /** A valid request with one to three random edits: a field removed, replaced, or its value's type changed. */
    private FuzzRequest mutated() {
        Template template = templates.get(random.nextInt(templates.size()));
        JsonNode body = template.body().deepCopy();
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            body = mutate(body, 0);
        }
        byte[] bytes = bytes(body);
        if (random.nextInt(10) == 0 && bytes.length > 2) {
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length - 1) + 1);
            return request("truncated", template.operation(), bytes, false);
        }
        return request("mutated", template.operation(), bytes, true);
    }

    private JsonNode mutate(JsonNode node, int depth) {
        if (node instanceof ObjectNode object && object.size() > 0 && (depth < 4 && random.nextBoolean())) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomValue(2));
                case 2 -> object.set(FIELDS[random.nextInt(FIELDS.length)], randomValue(2));
                default -> object.set(name, mutate(object.get(name), depth + 1));
            }
            return object;
        }
        if (node instanceof ArrayNode array && array.size() > 0 && random.nextBoolean()) {
            int index = random.nextInt(array.size());
            switch (random.nextInt(3)) {
                case 0 -> array.remove(index);
                case 1 -> array.add(array.get(index).deepCopy());
                default -> array.set(index, mutate(array.get(index), depth + 1));
            }
            return array;
        }
        return randomValue(2);
    }

    private FuzzRequest randomJson() {
        JsonNode body = random.nextInt(4) == 0 ? randomValue(4) : randomObject(4);
        return request("random-json", randomOperation(), bytes(body), true);
    }

    /** Every field of a template given a value of the wrong JSON type. */
    private FuzzRequest wrongTypes() {
        Template template = templates.get(random.nextInt(templates.size()));
        ObjectNode body = ((ObjectNode) template.body()).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = template.body().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            body.set(field.getKey(), wrongTypeFor(field.getValue()));
        }
        return request("wrong-types", template.operation(), bytes(body), false);
    }

    private JsonNode wrongTypeFor(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> random.nextBoolean() ? NODES.numberNode(random.nextInt()) : NODES.arrayNode().add("x");
            case NUMBER -> random.nextBoolean() ? NODES.textNode("12") : NODES.objectNode();
            case BOOLEAN -> random.nextBoolean() ? NODES.textNode("true") : NODES.numberNode(1);
            case ARRAY -> random.nextBoolean() ? NODES.textNode("[]") : NODES.objectNode().put("0", 1);
            case OBJECT -> random.nextBoolean() ? NODES.arrayNode().add(1) : NODES.numberNode(3.5);
            default -> NODES.booleanNode(true);
        };
    }

    /** Nesting deeper than DynamoDB's 32 levels, in JSON itself or in M/L attribute values. */
    private FuzzRequest deepNesting() {
        int depth = random.nextInt(3) == 0 ? 5_000 + random.nextInt(200_000) : 30 + random.nextInt(2_000);
        StringBuilder body = new StringBuilder();
        switch (random.nextInt(3)) {
            case 0 -> {
                body.append("{\"TableName\":\"").append(TABLE).append("\",\"Item\":{\"pk\":{\"S\":\"deep\"},\"sk\":{\"N\":\"1\"},\"d\":");
                body.append("{\"M\":{\"x\":".repeat(depth)).append("{\"S\":\"end\"}").append("}}".repeat(depth)).append("}}");
                return request("deep-map", "PutItem", body.toString().getBytes(StandardCharsets.UTF_8), true);
            }
            case 1 -> {
                body.append("{\"TableName\":\"").append(TABLE).append("\",\"Item\":{\"pk\":{\"S\":\"deep\"},\"sk\":{\"N\":\"2\"},\"d\":");
                body.append("{\"L\":[".repeat(depth)).append("{\"N\":\"1\"}").append("]}".repeat(depth)).append("}}");
                return request("deep-list", "PutItem", body.toString().getBytes(StandardCharsets.UTF_8), true);
            }
            default -> {
                body.append("[".repeat(depth)).append("]".repeat(random.nextInt(depth)));
                return request("deep-json", randomOperation(), body.toString().getBytes(StandardCharsets.UTF_8), false);
            }
        }
    }

    private FuzzRequest hugeStrings() {
        String huge = "x".repeat(100_000 + random.nextInt(500_000));
        ObjectNode body = NODES.objectNode();
        switch (random.nextInt(4)) {
            case 0 -> body.put("TableName", huge);
            case 1 -> {
                body.put("TableName", TABLE);
                body.putObject("Item").putObject("pk").put("S", huge.substring(0, 3_000));
            }
            case 2 -> {
                body.put("TableName", TABLE);
                body.put("ConditionExpression", "a = :v AND " + "a = :v AND ".repeat(huge.length() / 12) + "a = :v");
                ObjectNode item = body.putObject("Item");
                item.putObject("pk").put("S", "k");
                item.putObject("sk").put("N", "1");
                body.putObject("ExpressionAttributeValues").putObject(":v").put("S", "v");
            }
            default -> {
                body.put("TableName", TABLE);
                ObjectNode item = body.putObject("Item");
                item.putObject("pk").put("S", "big");
                item.putObject("sk").put("N", "1");
                item.putObject("blob").put("S", "y".repeat(409_600) + huge.substring(0, 1 + random.nextInt(1_000)));
            }
        }
        return request("huge", "PutItem", bytes(body), false);
    }

    /** A valid-looking request whose string bytes are not UTF-8. */
    private FuzzRequest invalidUtf8() {
        byte[] prefix = ("{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"").getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] middle = bad[random.nextInt(bad.length)];
        byte[] suffix = "\"},\"sk\":{\"N\":\"1\"}}}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + middle.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(middle, 0, body, prefix.length, middle.length);
        System.arraycopy(suffix, 0, body, prefix.length + middle.length, suffix.length);
        return request("invalid-utf8", random.nextBoolean() ? "GetItem" : "DeleteItem", body, false);
    }

    /** A PartiQL statement of random tokens, sometimes with parameters of random shapes. */
    private FuzzRequest randomStatement() {
        StringBuilder statement = new StringBuilder();
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 16);
        for (int i = 0; i < length; i++) {
            statement.append(PARTIQL_TOKENS[random.nextInt(PARTIQL_TOKENS.length)]).append(random.nextInt(4) == 0 ? ""
                    : " ");
        }
        ObjectNode body = NODES.objectNode().put("Statement", statement.toString());
        if (random.nextBoolean()) {
            ArrayNode parameters = body.putArray("Parameters");
            for (int i = random.nextInt(3); i >= 0; i--) {
                parameters.add(random.nextInt(4) == 0 ? randomValue(1) : randomAttributeValue());
            }
        }
        if (random.nextInt(4) == 0) {
            body.put("NextToken", randomString(random.nextInt(30)));
        }
        return request("partiql", "ExecuteStatement", bytes(body), true);
    }

    /** A real table and placeholders, with an expression made of random tokens in one of the five expression slots. */
    private FuzzRequest randomExpression() {
        if (random.nextInt(6) == 0) {
            return randomStatement();
        }
        StringBuilder expression = new StringBuilder();
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 14);
        for (int i = 0; i < length; i++) {
            expression.append(EXPRESSION_TOKENS[random.nextInt(EXPRESSION_TOKENS.length)]).append(random.nextInt(3) == 0 ? "" : " ");
        }
        ObjectNode body = NODES.objectNode().put("TableName", TABLE);
        ObjectNode names = NODES.objectNode().put("#n", "a");
        ObjectNode values = NODES.objectNode();
        values.putObject(":v").put("N", "1");
        values.putObject(":s").put("S", "x");
        String operation;
        switch (random.nextInt(5)) {
            case 0 -> {
                operation = "UpdateItem";
                key(body);
                body.put("UpdateExpression", expression.toString());
            }
            case 1 -> {
                operation = "PutItem";
                body.putObject("Item").setAll((ObjectNode) key(NODES.objectNode()).get("Key"));
                body.put("ConditionExpression", expression.toString());
            }
            case 2 -> {
                operation = "Query";
                body.put("KeyConditionExpression", expression.toString());
            }
            case 3 -> {
                operation = "Scan";
                body.put("FilterExpression", expression.toString());
            }
            default -> {
                operation = "GetItem";
                key(body);
                body.put("ProjectionExpression", expression.toString());
                values.removeAll();
            }
        }
        if (random.nextBoolean()) {
            body.set("ExpressionAttributeNames", names);
        }
        if (!values.isEmpty() && random.nextInt(4) > 0) {
            body.set("ExpressionAttributeValues", values);
        }
        return request("expression", operation, bytes(body), true);
    }

    private static ObjectNode key(ObjectNode body) {
        ObjectNode key = body.putObject("Key");
        key.putObject("pk").put("S", "p");
        key.putObject("sk").put("N", "1");
        return body;
    }

    /** Valid bodies with broken targets, content types or authorization. */
    private FuzzRequest badEnvelope() {
        Template template = templates.get(random.nextInt(templates.size()));
        Map<String, String> headers = DynamoDbWire.standardHeaders(template.operation());
        switch (random.nextInt(8)) {
            case 0 -> headers.remove("X-Amz-Target");
            case 1 -> headers.put("X-Amz-Target", "DynamoDB_20120810." + template.operation().toLowerCase());
            case 2 -> headers.put("X-Amz-Target", randomHeaderValue(1 + random.nextInt(40)));
            case 3 -> headers.put("X-Amz-Target", "DynamoDB_20120810." + template.operation() + ".Extra");
            case 4 -> headers.remove("Authorization");
            case 5 -> headers.put("Authorization", randomHeaderValue(random.nextInt(60)) + "x");
            case 6 -> headers.put("X-Amz-Target", "DynamoDB_20120810");
            default -> headers.put("X-Amz-Target", "Kinesis_20131202.ListStreams");
        }
        return new FuzzRequest("envelope", headers, bytes(template.body()), false);
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(5) == 0 ? random.nextDouble() * 1e300 : random.nextInt(2000) - 1000);
            case 3, 4 -> NODES.textNode(randomString(random.nextInt(20)));
            case 5 -> randomAttributeValue();
            case 6, 7 -> randomObject(depth - 1);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
        };
    }

    private ObjectNode randomObject(int depth) {
        ObjectNode object = NODES.objectNode();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            String name = random.nextBoolean() ? FIELDS[random.nextInt(FIELDS.length)] : randomString(1 + random.nextInt(8));
            object.set(name, depth > 0 ? randomValue(depth - 1) : NODES.textNode("x"));
        }
        return object;
    }

    /** A DynamoDB attribute value that is usually broken: unknown type, wrong payload, several types. */
    private JsonNode randomAttributeValue() {
        String[] types = {"S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS", "X", ""};
        ObjectNode value = NODES.objectNode();
        int count = random.nextInt(5) == 0 ? 2 : 1;
        for (int i = 0; i < count; i++) {
            value.set(types[random.nextInt(types.length)], randomValue(0));
        }
        return value;
    }

    private String randomOperation() {
        return OPERATIONS[random.nextInt(OPERATIONS.length)];
    }

    private String randomString(int length) {
        String alphabet = "abcXYZ019_-.:#[]() {}\"\\\u00e9\u4e2d\ud83d\ude00";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Printable ASCII only: the HTTP client refuses anything else in a header. */
    private String randomHeaderValue(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
        }
        return text.toString();
    }

    private static FuzzRequest request(String kind, String operation, byte[] body, boolean mayBeValid) {
        return new FuzzRequest(kind, DynamoDbWire.standardHeaders(operation), body, mayBeValid);
    }

    private static byte[] bytes(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Template> templates() {
        String[][] sources = {
            {"PutItem", "{\"TableName\":\"fuzz_t\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"},\"g\":{\"S\":\"x\"},"
                + "\"m\":{\"M\":{\"a\":{\"L\":[{\"N\":\"1\"},{\"SS\":[\"a\",\"b\"]}]}}},\"b\":{\"B\":\"AQID\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(pk) OR n < :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"5\"}},"
                + "\"ReturnValues\":\"ALL_OLD\"}"},
            {"GetItem", "{\"TableName\":\"fuzz_t\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}},"
                + "\"ProjectionExpression\":\"#m.a[1], g\",\"ExpressionAttributeNames\":{\"#m\":\"m\"},\"ConsistentRead\":true}"},
            {"UpdateItem", "{\"TableName\":\"fuzz_t\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}},"
                + "\"UpdateExpression\":\"SET n = if_not_exists(n, :z) + :v, l = list_append(if_not_exists(l, :e), :l) ADD c :v REMOVE x\","
                + "\"ConditionExpression\":\"size(g) > :z\",\"ExpressionAttributeValues\":{\":z\":{\"N\":\"0\"},\":v\":{\"N\":\"1\"},"
                + "\":e\":{\"L\":[]},\":l\":{\"L\":[{\"S\":\"a\"}]}},\"ReturnValues\":\"UPDATED_NEW\"}"},
            {"DeleteItem", "{\"TableName\":\"fuzz_t\",\"Key\":{\"pk\":{\"S\":\"q\"},\"sk\":{\"N\":\"2\"}},"
                + "\"ConditionExpression\":\"attribute_exists(g)\",\"ReturnValues\":\"ALL_OLD\"}"},
            {"Query", "{\"TableName\":\"fuzz_t\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\","
                + "\"FilterExpression\":\"contains(g, :s)\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"},\":a\":{\"N\":\"0\"},"
                + "\":b\":{\"N\":\"9\"},\":s\":{\"S\":\"x\"}},\"Limit\":5,\"ScanIndexForward\":false,"
                + "\"ExclusiveStartKey\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"8\"}}}"},
            {"Query", "{\"TableName\":\"fuzz_t\",\"IndexName\":\"byG\",\"KeyConditionExpression\":\"g = :g\","
                + "\"ExpressionAttributeValues\":{\":g\":{\"S\":\"x\"}},\"Select\":\"COUNT\"}"},
            {"Scan", "{\"TableName\":\"fuzz_t\",\"Segment\":0,\"TotalSegments\":2,\"Limit\":10,"
                + "\"FilterExpression\":\"attribute_type(m, :t)\",\"ExpressionAttributeValues\":{\":t\":{\"S\":\"M\"}}}"},
            {"BatchWriteItem", "{\"RequestItems\":{\"fuzz_t\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}}}},"
                + "{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"}}}}]}}"},
            {"BatchGetItem", "{\"RequestItems\":{\"fuzz_t\":{\"Keys\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}],"
                + "\"ProjectionExpression\":\"g\"}}}"},
            {"TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"fuzz_t\",\"Item\":{\"pk\":{\"S\":\"t\"},"
                + "\"sk\":{\"N\":\"1\"}}}},{\"Update\":{\"TableName\":\"fuzz_t\",\"Key\":{\"pk\":{\"S\":\"t\"},\"sk\":{\"N\":\"2\"}},"
                + "\"UpdateExpression\":\"ADD c :one\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}},"
                + "{\"ConditionCheck\":{\"TableName\":\"fuzz_t\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}},"
                + "\"ConditionExpression\":\"attribute_exists(pk)\"}}],\"ClientRequestToken\":\"tok\"}"},
            {"TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"fuzz_t\",\"Key\":{\"pk\":{\"S\":\"p\"},"
                + "\"sk\":{\"N\":\"1\"}}}}]}"},
            {"CreateTable", "{\"TableName\":\"fuzz_new\",\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"ProvisionedThroughput\":"
                + "{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}"},
            {"DescribeTable", "{\"TableName\":\"fuzz_t\"}"},
            {"UpdateTable", "{\"TableName\":\"fuzz_t\",\"BillingMode\":\"PAY_PER_REQUEST\"}"},
            {"ListTables", "{\"Limit\":3,\"ExclusiveStartTableName\":\"a\"}"},
            {"UpdateTimeToLive", "{\"TableName\":\"fuzz_t\",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"ttl\"}}"},
            {"ExecuteStatement", "{\"Statement\":\"SELECT pk, m.a[1] FROM fuzz_t WHERE pk = ? AND sk BETWEEN 0 AND 9 "
                + "AND contains(g, 'x') ORDER BY sk DESC\",\"Parameters\":[{\"S\":\"p\"}],\"Limit\":5}"},
            {"ExecuteStatement", "{\"Statement\":\"UPDATE fuzz_t SET n = 1 SET s = set_add(s, <<'a'>>) REMOVE x "
                + "WHERE pk = 'p' AND sk = 1 RETURNING ALL NEW *\",\"ReturnConsumedCapacity\":\"TOTAL\"}"},
            {"BatchExecuteStatement", "{\"Statements\":[{\"Statement\":\"INSERT INTO fuzz_t VALUE {'pk': 'z', 'sk': 1, "
                + "'m': {'l': [1, 'x', null, true]}}\"},{\"Statement\":\"DELETE FROM fuzz_t WHERE pk = ? AND sk = ?\","
                + "\"Parameters\":[{\"S\":\"z\"},{\"N\":\"1\"}]}]}"},
            {"ExecuteTransaction", "{\"TransactStatements\":[{\"Statement\":\"SELECT * FROM fuzz_t WHERE pk = 'p' "
                + "AND sk = 1\"}],\"ClientRequestToken\":\"tok\"}"},
            {STREAMS + "ListStreams", "{\"TableName\":\"fuzz_t\",\"Limit\":2,\"ExclusiveStartStreamArn\":\""
                + STREAM_ARN + "\"}"},
            {STREAMS + "DescribeStream", "{\"StreamArn\":\"" + STREAM_ARN + "\",\"Limit\":1,"
                + "\"ExclusiveStartShardId\":\"shardId-00000001764547200000-0a1b2c3d\"}"},
            {STREAMS + "GetShardIterator", "{\"StreamArn\":\"" + STREAM_ARN + "\",\"ShardId\":"
                + "\"shardId-00000001764547200000-0a1b2c3d\",\"ShardIteratorType\":\"AT_SEQUENCE_NUMBER\","
                + "\"SequenceNumber\":\"000001764547200000000001\"}"},
            {STREAMS + "GetRecords", "{\"ShardIterator\":\"" + STREAM_ARN + "|1|c2hhcmRJZC0wfDF8MQ\",\"Limit\":10}"},
        };
        List<Template> templates = new ArrayList<>();
        for (String[] source : sources) {
            try {
                templates.add(new Template(source[0], JSON.readTree(source[1])));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("bad fuzz template " + source[0], e);
            }
        }
        return templates;
    }
}
