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
import dev.dynagate.sandbox.dynamodb.storage.LogFailure;
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
    /** DynamoDB Streams speaks the same protocol under its own target prefix, on the same port. */
    public static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";
    private static final Logger LOG = Logger.getLogger(DynamoDbWire.class.getName());
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        // attribute names may be 64 KB long: the parser's own cap on names (50,000 characters) must not refuse them.
        // Deep documents must parse, so that a value nested too deep gets DynamoDB's nesting error rather than a
        // bare SerializationException; the tree is read without recursion and values stop at 32 levels.
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000)
                .maxNameLength(1 << 20).build());
    }

    private final Map<String, Operation> operations = new LinkedHashMap<>();

    public DynamoDbWire register(String name, Operation operation) {
        operations.put(TARGET_PREFIX + name, operation);
        return this;
    }

    /** A DynamoDB Streams operation, such as GetRecords. */
    public DynamoDbWire registerStreams(String name, Operation operation) {
        operations.put(STREAMS_PREFIX + name, operation);
        return this;
    }

    /**
     * A POST to {@code /} in the AWS JSON protocol: with an X-Amz-Target (only DynamoDB speaks that protocol on the
     * sandbox port, so unknown targets get DynamoDB's UnknownOperationException) or with DynamoDB's media type.
     */
    public static boolean accepts(SandboxRequest request) {
        return "POST".equals(request.method()) && "/".equals(request.path())
                && (request.header("X-Amz-Target") != null || CONTENT_TYPE.equals(mediaType(request)));
    }

    private static String mediaType(SandboxRequest request) {
        String type = request.header("Content-Type");
        return type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Checked in DynamoDB's order: media type, JSON, target, authentication, then the operation's own checks. */
    public SandboxResponse handle(SandboxRequest request) {
        String mediaType = mediaType(request);
        String responseType = mediaType.equals("application/json") ? "application/json" : CONTENT_TYPE;
        if (request.body().length > 0 && !mediaType.equals("application/json") && !mediaType.equals(CONTENT_TYPE)) {
            return unsupportedMediaType();
        }
        try {
            JsonNode body = parse(RequestBodyDecoder.decode(request.header("Content-Encoding"), request.body()));
            Operation operation = operation(request.header("X-Amz-Target"));
            checkAuthorization(request);
            ObjectNode result = operation.handle(new Request(body));
            // most writes answer an empty object: no generator needed for that
            byte[] json = result == null ? new byte[0]
                    : result.isEmpty() ? new byte[] {'{', '}'} : ResponseJson.bytes(result);
            return respond(200, json, responseType, request);
        } catch (DynamoDbError e) {
            return error(e, responseType, request);
        } catch (LogFailure e) {
            throw e; // answered by the component, which knows the data folder
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "DynamoDB request failed", e);
            return error(new DynamoDbError("InternalServerError", "Internal server error", 500), responseType,
                    request);
        }
    }

    /** Runs one operation in-process on an already parsed request, as {@link #handle} would after its checks. */
    public ObjectNode call(String name, JsonNode body) {
        ObjectNode result = operation(TARGET_PREFIX + name).handle(new Request(body));
        return result == null ? JSON.createObjectNode() : result;
    }

    private Operation operation(String target) {
        Operation operation = target == null ? null : operations.get(target);
        if (operation == null) {
            throw new DynamoDbError("UnknownOperationException", null);
        }
        return operation;
    }

    /** DynamoDB's answer to a body in a media type it does not read: a bare XML 404. */
    private static SandboxResponse unsupportedMediaType() {
        byte[] body = "<UnknownOperationException/>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        return new SandboxResponse(404, new LinkedHashMap<>(), body)
                .with("x-amzn-RequestId", requestId())
                .with("x-amz-crc32", Long.toString(crc.getValue()));
    }

    private static final String[] SIGNATURE_PARTS = {"Credential=", "Signature=", "SignedHeaders="};

    private static void checkAuthorization(SandboxRequest request) {
        String auth = request.header("Authorization");
        String query = request.rawQuery();
        if (auth == null && query != null && query.contains("X-Amz-Algorithm")) {
            return;
        }
        // any scheme other than SigV4 counts as no token at all
        if (auth == null || !auth.strip().startsWith("AWS4-")) {
            throw new DynamoDbError("MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }
        StringBuilder missing = new StringBuilder();
        for (String part : SIGNATURE_PARTS) {
            if (!auth.contains(part)) {
                missing.append("Authorization header requires '").append(part, 0, part.length() - 1)
                        .append("' parameter. ");
            }
        }
        if (request.header("X-Amz-Date") == null && request.header("Date") == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new DynamoDbError("IncompleteSignatureException", missing + "Authorization=" + auth);
        }
    }

    /** DynamoDB refuses a body that is not valid UTF-8; the JSON parser alone lets some such bytes through. */
    static boolean isValidUtf8(byte[] body) {
        boolean ascii = true;
        for (byte b : body) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return true;
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            if (body.length == 0) {
                throw new DynamoDbError("SerializationException", null);
            }
            if (!isValidUtf8(body)) {
                throw new DynamoDbError("SerializationException", null);
            }
            node = JSON.readTree(body);
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
        if (LoneSurrogates.mayHave(body) && LoneSurrogates.in(node)) {
            throw new DynamoDbError("SerializationException", null);
        }
        return node;
    }

    /** A DynamoDB-shaped 500 that says what went wrong in the sandbox itself and how to fix it. */
    public SandboxResponse internalError(String message, SandboxRequest request) {
        String responseType = mediaType(request).equals("application/json") ? "application/json" : CONTENT_TYPE;
        return error(new DynamoDbError("InternalServerError", message, 500), responseType, request);
    }

    private static SandboxResponse error(DynamoDbError e, String contentType, SandboxRequest request) {
        ObjectNode body = Request.object();
        body.put("__type", e.namespace() + e.code());
        if (e.getMessage() != null) {
            // the request reader's errors spell the field with a capital M, the service's own in lower case, except a
            // failed condition that returns the old item (ReturnValuesOnConditionCheckFailure ALL_OLD)
            boolean capital = e.code().equals("SerializationException") || (e instanceof DetailedError d
                    && d.details() != null && d.details().has("Item"));
            body.put(capital ? "Message" : "message", e.getMessage());
        }
        if (e instanceof DetailedError detailed && detailed.details() != null) {
            detailed.details().fields().forEachRemaining(f -> body.set(f.getKey(), f.getValue()));
        }
        try {
            return respond(e.status(), JSON.writeValueAsBytes(body), contentType, request);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static final char[] ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    /**
     * A random 52-character request id like DynamoDB's, six random bits per character and ten characters per random
     * long; not UUID.randomUUID, whose SecureRandom serialises threads.
     */
    private static String requestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        byte[] id = new byte[52];
        long bits = 0;
        for (int i = 0; i < id.length; i++) {
            if (i % 10 == 0) {
                bits = random.nextLong();
            }
            id[i] = (byte) ID_CHARS[(int) ((bits & 63) * ID_CHARS.length >>> 6)];
            bits >>>= 6;
        }
        return new String(id, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static SandboxResponse respond(int status, byte[] body, String contentType, SandboxRequest request) {
        String coding = body.length > ResponseEncoding.THRESHOLD ? ResponseEncoding.accepted(request) : null;
        byte[] sent = coding == null ? body : ResponseEncoding.encode(coding, body);
        CRC32 crc = new CRC32();
        crc.update(sent);
        // DynamoDB names itself in a Server header whose value is the word itself
        SandboxResponse response = new SandboxResponse(status, new LinkedHashMap<>(), sent)
                .with("Server", "Server")
                .with("Content-Type", contentType)
                .with("x-amzn-RequestId", requestId())
                .with("x-amz-crc32", Long.toString(crc.getValue()));
        return coding == null ? response : response.with("Content-Encoding", coding);
    }
}
