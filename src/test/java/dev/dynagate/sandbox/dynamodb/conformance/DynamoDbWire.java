package dev.dynagate.sandbox.dynamodb.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends raw DynamoDB JSON requests the way an SDK would (target header, content type, a SigV4-shaped
 * Authorization header with a fake signature), so tests control every byte of the body and headers.
 */
final class DynamoDbWire {
    static final String TARGET_PREFIX = "DynamoDB_20120810.";
    static final String FAKE_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/dynamodb/"
            + "aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final URI endpoint;
    private final HttpClient client;
    private final Duration timeout;

    DynamoDbWire(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    URI endpoint() {
        return endpoint;
    }

    /** The headers a well-behaved client sends for the operation (another service's with its prefix). */
    static Map<String, String> standardHeaders(String operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.0");
        headers.put("X-Amz-Target", operation.contains(".") ? operation : TARGET_PREFIX + operation);
        headers.put("X-Amz-Date", "20261126T120000Z");
        headers.put("Authorization", FAKE_AUTHORIZATION);
        return headers;
    }

    WireResponse call(String operation, String jsonBody) throws IOException, InterruptedException {
        return send("POST", standardHeaders(operation), jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends exactly these headers (null values are left out) and body. */
    WireResponse send(String method, Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/")).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new WireResponse(response.statusCode(), response.headers().map(), response.body());
    }

    /** Waits until the table and all its global indexes are ACTIVE. */
    void awaitActive(String table) throws IOException, InterruptedException {
        for (int i = 0; i < 400; i++) {
            JsonNode described = call("DescribeTable", "{\"TableName\":\"" + table + "\"}").json();
            JsonNode description = described == null ? null : described.path("Table");
            if (description != null && "ACTIVE".equals(description.path("TableStatus").asText())
                    && allIndexesActive(description)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(table + " did not become ACTIVE on " + endpoint);
    }

    private static boolean allIndexesActive(JsonNode table) {
        for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
            if (!"ACTIVE".equals(index.path("IndexStatus").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Waits until DescribeTable no longer finds the table. */
    void awaitGone(String table) throws IOException, InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (call("DescribeTable", "{\"TableName\":\"" + table + "\"}").status() == 400) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(table + " was not deleted on " + endpoint);
    }

    void dropAllTables() throws IOException, InterruptedException {
        JsonNode listed = call("ListTables", "{}").json();
        if (listed == null) {
            return;
        }
        for (JsonNode name : listed.path("TableNames")) {
            call("DeleteTable", "{\"TableName\":\"" + name.asText() + "\"}");
            awaitGone(name.asText());
        }
    }
}
