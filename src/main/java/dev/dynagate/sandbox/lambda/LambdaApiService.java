package dev.dynagate.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import dev.dynagate.sandbox.http.SandboxService;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's REST-JSON API under {@code /2015-03-31/functions}: CreateFunction, GetFunction(Configuration),
 * ListFunctions, UpdateFunctionConfiguration/Code, DeleteFunction, AddPermission and Invoke.
 *
 * <p>Code comes from {@code Code.ZipFile} (a zip or jar, unpacked like a deployment package), or, since a local
 * path cannot travel in {@code ZipFile}, from a local jar or classes folder named by the tag
 * {@value #CODE_PATH_TAG} or the environment variable {@value #CODE_PATH_VARIABLE}; with none of these the handler
 * is looked up on the sandbox's own class path. S3 and container-image code is refused.
 */
public final class LambdaApiService implements SandboxService {
    public static final String CODE_PATH_TAG = "dynagate:code-path";
    public static final String CODE_PATH_VARIABLE = "DYNAGATE_CODE_PATH";
    private static final String PREFIX = "/2015-03-31/functions";
    private static final Pattern FUNCTION_PATH = Pattern.compile("^/2015-03-31/functions/([^/]+)(/[a-z]+)?/?$");
    private static final int LOG_TAIL_BYTES = 4096;

    private final LambdaRuntime runtime;

    public LambdaApiService(LambdaRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean accepts(SandboxRequest request) {
        return request.path().equals(PREFIX) || request.path().startsWith(PREFIX + "/");
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        try {
            return route(request);
        } catch (LambdaApiError e) {
            return e.response();
        } catch (FunctionNotFoundException e) {
            return new LambdaApiError(404, "ResourceNotFoundException", e.getMessage()).response();
        } catch (FunctionExistsException e) {
            return new LambdaApiError(409, "ResourceConflictException", e.getMessage()).response();
        } catch (IOException | IllegalArgumentException e) {
            return new LambdaApiError(400, "InvalidParameterValueException", e.getMessage()).response();
        }
    }

    private SandboxResponse route(SandboxRequest request) throws IOException {
        String path = request.path();
        String method = request.method();
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            return switch (method) {
                case "POST" -> created(createFunction(LambdaRest.body(request)));
                case "GET" -> listFunctions(request);
                default -> throw LambdaRest.unknownOperation(request);
            };
        }
        Matcher m = FUNCTION_PATH.matcher(path);
        if (!m.matches()) {
            throw LambdaRest.unknownOperation(request);
        }
        String name = functionName(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        String sub = m.group(2) == null ? "" : m.group(2);
        return switch (method + " " + sub) {
            case "GET " -> LambdaRest.json(200, getFunction(require(name)));
            case "GET /configuration" -> LambdaRest.json(200, configuration(require(name)));
            case "PUT /configuration" -> LambdaRest.json(200, configuration(updateConfiguration(require(name),
                    LambdaRest.body(request))));
            case "PUT /code" -> LambdaRest.json(200, configuration(updateCode(require(name),
                    LambdaRest.body(request))));
            case "DELETE " -> delete(name);
            case "POST /invocations" -> invoke(name, request);
            case "POST /policy" -> addPermission(require(name), LambdaRest.body(request));
            default -> throw LambdaRest.unknownOperation(request);
        };
    }

    // ---- operations

    private FunctionDefinition createFunction(JsonNode body) {
        String name = LambdaRest.required(body, "FunctionName");
        String runtimeName = text(body, "Runtime");
        if (runtimeName != null && !runtimeName.startsWith("java")) {
            throw new LambdaApiError(400, "InvalidParameterValueException", "The sandbox runs Java functions only "
                    + "(java11, java17, java21); runtime " + runtimeName + " is not supported.");
        }
        FunctionDefinition function = new FunctionDefinition(name, text(body, "Runtime"), text(body, "Role"),
                LambdaRest.required(body, "Handler"), text(body, "Description"), body.path("Timeout").asInt(0),
                body.path("MemorySize").asInt(0), stringMap(body.path("Environment").path("Variables")),
                stringMap(body.path("Tags")), null, null);
        FunctionCode code = code(function, body.path("Code"));
        if (runtime.function(name).isPresent()) {
            throw new FunctionExistsException(name);
        }
        return runtime.create(function.withCode(code));
    }

    private FunctionCode code(FunctionDefinition function, JsonNode code) {
        if (code.hasNonNull("ZipFile")) {
            byte[] zip = Base64.getDecoder().decode(code.get("ZipFile").asText());
            return DeploymentPackages.unpack(runtime.codeFolder(), function.name(), zip);
        }
        if (code.hasNonNull("S3Bucket") || code.hasNonNull("ImageUri")) {
            throw new LambdaApiError(400, "InvalidParameterValueException", "The sandbox runs Java code from a "
                    + "ZipFile, or from a local jar or classes folder named by the tag " + CODE_PATH_TAG
                    + " or the environment variable " + CODE_PATH_VARIABLE + "; S3 and image code are not supported.");
        }
        String local = function.tags().getOrDefault(CODE_PATH_TAG, function.environment().get(CODE_PATH_VARIABLE));
        return local == null ? FunctionCode.applicationClassPath() : FunctionCode.local(Path.of(local));
    }

    private ObjectNode getFunction(FunctionDefinition function) {
        ObjectNode node = LambdaJson.MAPPER.createObjectNode();
        node.set("Configuration", configuration(function));
        ObjectNode code = node.putObject("Code");
        code.put("RepositoryType", "S3");
        code.put("Location", function.code().builtIn() ? "classpath:" + function.handler()
                : Path.of(function.code().location()).toUri().toString());
        if (!function.tags().isEmpty()) {
            node.set("Tags", LambdaJson.MAPPER.valueToTree(function.tags()));
        }
        return node;
    }

    /** ListFunctions, paged by {@code MaxItems} (at most 50) and the {@code Marker} from {@code NextMarker}. */
    private SandboxResponse listFunctions(SandboxRequest request) {
        Map<String, String> query = LambdaRest.query(request);
        List<FunctionDefinition> all = runtime.functions();
        int start = 0;
        int size = 50;
        try {
            start = query.containsKey("Marker") ? Integer.parseInt(query.get("Marker")) : 0;
            size = query.containsKey("MaxItems") ? Math.max(1, Math.min(50, Integer.parseInt(query.get("MaxItems")))) : 50;
        } catch (NumberFormatException e) {
            throw new LambdaApiError(400, "InvalidParameterValueException", "Invalid Marker or MaxItems");
        }
        ObjectNode node = LambdaJson.MAPPER.createObjectNode();
        var array = node.putArray("Functions");
        all.subList(Math.min(start, all.size()), Math.min(all.size(), start + size))
                .forEach(f -> array.add(configuration(f)));
        if (start + size < all.size()) {
            node.put("NextMarker", Integer.toString(start + size));
        }
        return LambdaRest.json(200, node);
    }

    private FunctionDefinition updateConfiguration(FunctionDefinition function, JsonNode body) {
        FunctionDefinition updated = new FunctionDefinition(function.name(),
                body.hasNonNull("Runtime") ? body.get("Runtime").asText() : function.runtime(),
                body.hasNonNull("Role") ? body.get("Role").asText() : function.role(),
                body.hasNonNull("Handler") ? body.get("Handler").asText() : function.handler(),
                body.hasNonNull("Description") ? body.get("Description").asText() : function.description(),
                body.path("Timeout").asInt(function.timeoutSeconds()),
                body.path("MemorySize").asInt(function.memoryMb()),
                body.has("Environment") ? stringMap(body.path("Environment").path("Variables")) : function.environment(),
                function.tags(), function.code(), null);
        return runtime.put(updated);
    }

    private FunctionDefinition updateCode(FunctionDefinition function, JsonNode body) {
        if (!body.hasNonNull("ZipFile")) {
            throw new LambdaApiError(400, "InvalidParameterValueException", "Please provide a ZipFile.");
        }
        return runtime.put(function.withCode(code(function, body)));
    }

    private SandboxResponse delete(String name) {
        if (!runtime.delete(name)) {
            throw new FunctionNotFoundException(name);
        }
        return new SandboxResponse(204, new LinkedHashMap<>(), new byte[0]);
    }

    private SandboxResponse addPermission(FunctionDefinition function, JsonNode body) {
        ObjectNode statement = LambdaJson.MAPPER.createObjectNode();
        statement.put("Sid", text(body, "StatementId"));
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", text(body, "Principal"));
        statement.put("Action", text(body, "Action"));
        statement.put("Resource", function.arn());
        ObjectNode node = LambdaJson.MAPPER.createObjectNode().put("Statement", statement.toString());
        return LambdaRest.json(201, node);
    }

    private SandboxResponse invoke(String name, SandboxRequest request) {
        require(name);
        String type = request.header("X-Amz-Invocation-Type");
        type = type == null ? "RequestResponse" : type;
        switch (type) {
            case "DryRun":
                return new SandboxResponse(204, new LinkedHashMap<>(), new byte[0]).with("x-amzn-RequestId", uuid());
            case "Event":
                runtime.invokeAsync(name, request.body());
                return new SandboxResponse(202, new LinkedHashMap<>(), new byte[0]).with("x-amzn-RequestId", uuid());
            case "RequestResponse":
                break;
            default:
                throw new LambdaApiError(400, "InvalidParameterValueException",
                        "1 validation error detected: Value '" + type + "' at 'invocationType' failed to satisfy "
                                + "constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        InvocationResult result = runtime.invoke(name, request.body());
        SandboxResponse response = new SandboxResponse(200, new LinkedHashMap<>(), result.payload())
                .with("Content-Type", "application/json")
                .with("x-amzn-RequestId", result.invocation().requestId())
                .with("X-Amz-Executed-Version", "$LATEST");
        if (result.failed()) {
            response.with("X-Amz-Function-Error", result.functionError());
        }
        if ("Tail".equalsIgnoreCase(request.header("X-Amz-Log-Type"))) {
            response.with("X-Amz-Log-Result", tail(result.invocation().log()));
        }
        return response;
    }

    /** The last 4 KB of the log, base64, as Lambda returns with {@code X-Amz-Log-Type: Tail}. */
    static String tail(String log) {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - LOG_TAIL_BYTES);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
    }

    // ---- shapes

    /** The FunctionConfiguration shape. */
    public static ObjectNode configuration(FunctionDefinition function) {
        ObjectNode node = LambdaJson.MAPPER.createObjectNode();
        node.put("FunctionName", function.name());
        node.put("FunctionArn", function.arn());
        node.put("Runtime", function.runtime());
        node.put("Role", function.role());
        node.put("Handler", function.handler());
        node.put("CodeSize", function.code().size());
        node.put("Description", function.description());
        node.put("Timeout", function.timeoutSeconds());
        node.put("MemorySize", function.memoryMb());
        node.put("LastModified", function.lastModified());
        node.put("CodeSha256", function.code().sha256());
        node.put("Version", "$LATEST");
        if (!function.environment().isEmpty()) {
            node.putObject("Environment").set("Variables", LambdaJson.MAPPER.valueToTree(function.environment()));
        }
        node.putObject("TracingConfig").put("Mode", "PassThrough");
        node.put("RevisionId", Integer.toHexString(function.hashCode()));
        node.put("State", "Active");
        node.put("LastUpdateStatus", "Successful");
        node.put("PackageType", "Zip");
        node.putArray("Architectures").add("x86_64");
        node.putObject("EphemeralStorage").put("Size", 512);
        return node;
    }

    // ---- helpers

    private FunctionDefinition require(String name) {
        return runtime.function(name).orElseThrow(() -> new FunctionNotFoundException(name));
    }

    /** Accepts a name, a partial ARN ({@code 123:function:name}) or a full ARN, with an optional qualifier. */
    public static String functionName(String value) {
        String name = value;
        int marker = name.indexOf("function:");
        if (marker >= 0) {
            name = name.substring(marker + "function:".length());
        }
        int qualifier = name.indexOf(':');
        return qualifier >= 0 ? name.substring(0, qualifier) : name;
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static SandboxResponse created(FunctionDefinition function) {
        return LambdaRest.json(201, configuration(function));
    }

    private static String uuid() {
        return java.util.UUID.randomUUID().toString();
    }

}
