package dev.dynagate.sandbox.dynamodb.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.ops.DetailedError;
import dev.dynagate.sandbox.dynamodb.ops.Operation;
import dev.dynagate.sandbox.dynamodb.ops.Request;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/**
 * DynamoDB's JSON 1.0 protocol: authentication header checks, operation dispatch by {@code X-Amz-Target}, request
 * parsing, and responses with the request id and the CRC32 header the SDKs verify.
 */
public final class DynamoDbWire {
    public static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final Logger LOG = Logger.getLogger(DynamoDbWire.class.getName());
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private final Map<String, Operation> operations = new LinkedHashMap<>();

    public DynamoDbWire register(String name, Operation operation) {
        operations.put(name, operation);
        return this;
    }

    public static boolean accepts(SandboxRequest request) {
        String target = request.header("X-Amz-Target");
        return "POST".equals(request.method()) && "/".equals(request.path()) && target != null
                && target.startsWith(TARGET_PREFIX);
    }

    public SandboxResponse handle(SandboxRequest request) {
        try {
            checkAuthorization(request);
            String name = request.header("X-Amz-Target").substring(TARGET_PREFIX.length());
            Operation operation = operations.get(name);
            if (operation == null) {
                throw new DynamoDbError("UnknownOperationException", null);
            }
            ObjectNode result = operation.handle(new Request(parse(request.body())));
            return respond(200, JSON.writeValueAsBytes(result));
        } catch (DynamoDbError e) {
            return error(e);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "DynamoDB request failed", e);
            return error(new DynamoDbError("InternalServerError", "Internal server error", 500));
        }
    }

    private static void checkAuthorization(SandboxRequest request) {
        String auth = request.header("Authorization");
        String query = request.rawQuery();
        if (auth == null) {
            if (query != null && query.contains("X-Amz-Algorithm")) {
                return;
            }
            throw new DynamoDbError("MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }
        StringBuilder missing = new StringBuilder();
        for (String part : new String[] {"Credential", "Signature", "SignedHeaders"}) {
            if (!auth.contains(part + "=")) {
                missing.append("Authorization header requires '").append(part).append("' parameter. ");
            }
        }
        if (request.header("X-Amz-Date") == null && request.header("Date") == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new DynamoDbError("IncompleteSignatureException", missing + "Authorization=" + auth);
        }
    }

    private static JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DynamoDbError("SerializationException", null);
        } catch (IOException e) {
            throw new DynamoDbError("SerializationException", null);
        }
        if (node == null || node.isMissingNode()) {
            return Request.object();
        }
        if (!node.isObject()) {
            throw new DynamoDbError("SerializationException", "Start of structure or map found where not expected.");
        }
        return node;
    }

    private static SandboxResponse error(DynamoDbError e) {
        ObjectNode body = Request.object();
        body.put("__type", e.namespace() + e.code());
        if (e.getMessage() != null) {
            body.put("message", e.getMessage());
        }
        if (e instanceof DetailedError detailed && detailed.details() != null) {
            detailed.details().fields().forEachRemaining(f -> body.set(f.getKey(), f.getValue()));
        }
        try {
            return respond(e.status(), JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static final char[] ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    /** A random 52-character request id like DynamoDB's; not UUID.randomUUID, whose SecureRandom serialises threads. */
    private static String requestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    private static SandboxResponse respond(int status, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return new SandboxResponse(status, new LinkedHashMap<>(), body)
                .with("Content-Type", CONTENT_TYPE)
                .with("x-amzn-RequestId", requestId())
                .with("x-amz-crc32", Long.toString(crc.getValue()));
    }
}
