package dev.dynagate.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class WireProtocolTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    EngineFixture engine;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        engine = EngineFixture.start(dir);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    /** A request to the sandbox with the headers every DynamoDB call here carries, unsigned. */
    private HttpRequest.Builder dynamoDb(String target) {
        return HttpRequest.newBuilder(URI.create(engine.sandbox.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + target)
                .header("X-Amz-Date", "20260101T000000Z");
    }

    private HttpResponse<String> post(String target, String body, boolean signed) throws Exception {
        HttpRequest.Builder b = dynamoDb(target).POST(HttpRequest.BodyPublishers.ofString(body));
        if (signed) {
            b.header("Authorization", AUTH);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postEncoded(String target, byte[] body, String encoding) throws Exception {
        HttpRequest request = dynamoDb(target).header("Authorization", AUTH).header("Content-Encoding", encoding)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(String text) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(String text) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** DynamoDB reads gzip and deflate (zlib) request bodies; a body that only claims an encoding is refused. */
    @Test
    void compressedRequestBodiesAreRead() throws Exception {
        engine.createTable("Zipped", null);
        String put = "{\"TableName\":\"Zipped\",\"Item\":{\"pk\":{\"S\":\"g\"},\"v\":{\"S\":\""
                + "x".repeat(10_000) + "\"}}}";
        assertThat(postEncoded("PutItem", gzip(put), "gzip").statusCode()).isEqualTo(200);
        // two gzip members one after the other read as one body
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        joined.write(gzip("{\"TableName\":\"Zipped\","));
        joined.write(gzip("\"Key\":{\"pk\":{\"S\":\"g\"}}}"));
        HttpResponse<String> got = postEncoded("GetItem", joined.toByteArray(), "gzip");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(json(got).path("Item").path("v").path("S").asText()).hasSize(10_000);
        String putDeflated = "{\"TableName\":\"Zipped\",\"Item\":{\"pk\":{\"S\":\"d\"}}}";
        assertThat(postEncoded("PutItem", deflate(putDeflated), "deflate").statusCode()).isEqualTo(200);

        // a plain body that says it is compressed is not taken as plain JSON, and nothing is written
        String plain = "{\"TableName\":\"Zipped\",\"Item\":{\"pk\":{\"S\":\"plain\"}}}";
        HttpResponse<String> liar = postEncoded("PutItem", plain.getBytes(StandardCharsets.UTF_8), "gzip");
        assertThat(liar.statusCode()).isEqualTo(400);
        assertThat(json(liar).path("__type").asText()).endsWith("SerializationException");
        assertThat(postEncoded("PutItem", plain.getBytes(StandardCharsets.UTF_8), "garbage").statusCode())
                .isEqualTo(400);
        assertThat(post("GetItem", "{\"TableName\":\"Zipped\",\"Key\":{\"pk\":{\"S\":\"plain\"}}}", true)
                .body()).isEqualTo("{}");
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** A value nested far past 32 levels is still read, so the answer names the nesting limit. */
    @Test
    void aDeeplyNestedValueGetsTheNestingErrorNotABareSerializationError() throws Exception {
        engine.createTable("Deep", null);
        String deep = "{\"M\":{\"n\":".repeat(150) + "{\"S\":\"leaf\"}" + "}}".repeat(150);
        HttpResponse<String> response = post("PutItem", "{\"TableName\":\"Deep\",\"Item\":{\"pk\":{\"S\":\"a\"},"
                + "\"d\":" + deep + "}}", true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).startsWith("Nesting Levels have exceeded supported limits");
        HttpResponse<String> absurd = post("PutItem", "[".repeat(2000) + "]".repeat(2000), true);
        assertThat(json(absurd).get("__type").asText()).endsWith("#SerializationException");
    }

    /** DynamoDB compresses an answer over 4 KB when asked to, and its CRC32 is of the compressed bytes. */
    @Test
    void largeAnswersAreCompressedOnlyWhenAsked() throws Exception {
        engine.createTable("Large", null);
        String value = "x".repeat(5_000);
        engine.client.putItem(b -> b.tableName("Large").item(Map.of("pk", AttributeValue.fromS("a"),
                "v", AttributeValue.fromS(value))));
        String get = "{\"TableName\":\"Large\",\"Key\":{\"pk\":{\"S\":\"a\"}}}";
        for (String coding : new String[] {"gzip", "deflate"}) {
            HttpResponse<byte[]> compressed = getAccepting(get, coding);
            assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue(coding);
            byte[] body = compressed.body();
            assertThat(body.length).isLessThan(1_000);
            CRC32 crc = new CRC32();
            crc.update(body);
            assertThat(compressed.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
            java.io.InputStream in = new java.io.ByteArrayInputStream(body);
            byte[] plain = (coding.equals("gzip") ? new java.util.zip.GZIPInputStream(in)
                    : new java.util.zip.InflaterInputStream(in)).readAllBytes();
            assertThat(JSON.readTree(plain).path("Item").path("v").path("S").asText()).isEqualTo(value);
        }
        HttpResponse<byte[]> notAsked = getAccepting(get, "identity");
        assertThat(notAsked.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(JSON.readTree(notAsked.body()).path("Item").path("v").path("S").asText()).isEqualTo(value);
        HttpResponse<byte[]> small = getAccepting("{\"TableName\":\"Large\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                + "\"ProjectionExpression\":\"pk\"}", "gzip");
        assertThat(small.headers().firstValue("Content-Encoding")).as("4 KB or less is sent as it is").isEmpty();
        // the SDK asks for no encoding and keeps reading the answer as before
        assertThat(engine.client.getItem(b -> b.tableName("Large").key(Map.of("pk", AttributeValue.fromS("a"))))
                .item().get("v").s()).isEqualTo(value);
    }

    private HttpResponse<byte[]> getAccepting(String body, String acceptEncoding) throws Exception {
        HttpRequest request = dynamoDb("GetItem").header("Authorization", AUTH)
                .header("Accept-Encoding", acceptEncoding).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyResponseCarriesRequestIdAndBodyCrc() throws Exception {
        HttpResponse<String> response = post("ListTables", "{}", true);
        assertThat(response.statusCode()).isEqualTo(200);
        String id = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(id).as("DynamoDB's form: 52 of 0-9 and A-Z").matches("[0-9A-Z]{52}");
        assertThat(post("ListTables", "{}", true).headers().firstValue("x-amzn-RequestId")).isPresent()
                .get().as("a new id per response").isNotEqualTo(id);
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        assertThat(json(response).get("TableNames").isArray()).isTrue();
        assertThat(response.headers().firstValue("Server")).as("as DynamoDB names itself").hasValue("Server");
        assertThat(post("DescribeTable", "{\"TableName\":\"Missing\"}", true).headers().firstValue("Server"))
                .hasValue("Server");
    }

    @Test
    void missingAuthorizationIsRejected() throws Exception {
        HttpResponse<String> response = post("ListTables", "{}", false);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
        assertThat(json(response).get("message").asText()).isEqualTo("Request is missing Authentication Token");
        assertThat(response.headers().firstValue("x-amz-crc32")).isPresent();
    }

    @Test
    void unknownOperationAndMalformedJson() throws Exception {
        HttpResponse<String> unknown = post("Frobnicate", "{}", true);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("__type").asText()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
        for (String body : new String[] {"{", "[]", "{\"TableName\": }", "nonsense", "{} {}"}) {
            HttpResponse<String> bad = post("GetItem", body, true);
            assertThat(bad.statusCode()).as(body).isEqualTo(400);
            assertThat(json(bad).get("__type").asText()).as(body).isEqualTo("com.amazon.coral.service#SerializationException");
        }
    }

    /**
     * Half a surrogate pair has no UTF-8 form, in which strings are stored and ordered: two such keys would become
     * one. A JSON escape that makes one is refused like any body that is not UTF-8; a whole pair is an ordinary
     * character.
     */
    @Test
    void halfASurrogatePairIsRefusedAndAWholeOneKept() throws Exception {
        engine.client.createTable(b -> b.tableName("Texts").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"),
                        a -> a.attributeName("sk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE")));
        for (String body : new String[] {
            "{\"TableName\":\"Texts\",\"Item\":{\"pk\":{\"S\":\"\\ud800\"},\"sk\":{\"S\":\"a\"}}}",
            "{\"TableName\":\"Texts\",\"Item\":{\"pk\":{\"S\":\"x\"},\"sk\":{\"S\":\"a\"},\"\\uDFFF\":{\"S\":\"v\"}}}",
            "{\"TableName\":\"Texts\",\"Item\":{\"pk\":{\"S\":\"x\"},\"sk\":{\"S\":\"a\"},"
                    + "\"l\":{\"L\":[{\"SS\":[\"ok\",\"\\ude00\\ud83d\"]}]}}}"}) {
            HttpResponse<String> refused = post("PutItem", body, true);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(json(refused).get("__type").asText()).as(body)
                    .isEqualTo("com.amazon.coral.service#SerializationException");
        }
        // a range condition on such a string used to reach the item store's ordering and fail there
        HttpResponse<String> query = post("Query", "{\"TableName\":\"Texts\",\"KeyConditionExpression\":"
                + "\"pk = :p AND sk BETWEEN :lo AND :hi\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"},"
                + "\":lo\":{\"S\":\"a\"},\":hi\":{\"S\":\"\\ud800\"}}}", true);
        assertThat(query.statusCode()).isEqualTo(400);
        HttpResponse<String> kept = post("PutItem", "{\"TableName\":\"Texts\",\"Item\":{\"pk\":{\"S\":"
                + "\"\\ud83d\\ude00\"},\"sk\":{\"S\":\"a\"}}}", true);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(engine.client.getItem(b -> b.tableName("Texts").key(Map.of("pk",
                AttributeValue.fromS("\ud83d\ude00"), "sk", AttributeValue.fromS("a")))).item()).isNotEmpty();
    }

    private HttpResponse<String> raw(String target, String contentType, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(engine.sandbox.endpoint() + "/"))
                .header("X-Amz-Date", "20260101T000000Z").POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void envelopeIsCheckedInDynamoDbsOrder() throws Exception {
        String json = "application/x-amz-json-1.0";
        assertThat(json(raw(null, json, AUTH, "{}")).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(json(raw("DynamoDB_20991231.ListTables", json, AUTH, "{}")).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(json(raw("DynamoDB_20120810.ListTables", json, AUTH, "")).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#SerializationException");
        assertThat(json(raw("DynamoDB_20120810.ListTables", json, "Basic dXNlcjpwYXNz", "{}")).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
        // malformed JSON is reported before a missing token
        assertThat(json(raw("DynamoDB_20120810.ListTables", json, null, "{")).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#SerializationException");
        HttpResponse<String> text = raw("DynamoDB_20120810.ListTables", "text/plain", AUTH, "{}");
        assertThat(text.statusCode()).isEqualTo(404);
        assertThat(text.body()).isEqualTo("<UnknownOperationException/>\n");
        HttpResponse<String> plainJson = raw("DynamoDB_20120810.ListTables", "application/json", AUTH, "{}");
        assertThat(plainJson.statusCode()).isEqualTo(200);
        assertThat(plainJson.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void validationErrorsUseTheirNamespaceAndLowercaseMessage() throws Exception {
        HttpResponse<String> response = post("GetItem", "{}", true);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("__type").asText()).isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(body.get("message").asText()).isEqualTo("2 validation errors detected: "
                + "Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'key' failed to satisfy constraint: Member must not be null");
        assertThat(json(post("DescribeTable", "{}", true)).get("message").asText())
                .isEqualTo("The parameter 'TableName' is required but was not present in the request");
        assertThat(json(post("Scan", "{\"TableName\":\"ab\",\"Limit\":0}", true)).get("message").asText())
                .isEqualTo("2 validation errors detected: "
                        + "Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
                        + "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        HttpResponse<String> wrongType = post("DescribeTable", "{\"TableName\": 5}", true);
        assertThat(json(wrongType).get("__type").asText()).isEqualTo("com.amazon.coral.service#SerializationException");
        // the request reader's errors carry "Message" with a capital M
        assertThat(json(post("Scan", "{\"TableName\":\"abc\",\"Limit\":\"5\"}", true)).get("Message").asText())
                .isEqualTo("STRING_VALUE cannot be converted to Integer");
        assertThat(json(post("Scan", "{\"TableName\":[\"abc\"]}", true)).get("Message").asText())
                .isEqualTo("Unrecognized collection type class java.lang.String");
        HttpResponse<String> missing = post("GetItem", "{\"TableName\":\"nope\",\"Key\":{\"pk\":{\"S\":\"a\"}}}", true);
        assertThat(json(missing).get("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
    }
}
