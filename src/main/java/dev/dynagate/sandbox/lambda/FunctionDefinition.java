package dev.dynagate.sandbox.lambda;

import dev.dynagate.sandbox.SandboxContext;
import java.util.Map;
import java.util.TreeMap;

/** One Lambda function as the sandbox keeps it (persisted as JSON in the sandbox's lambda folder). */
public record FunctionDefinition(String name, String runtime, String role, String handler, String description,
                                 int timeoutSeconds, int memoryMb, Map<String, String> environment,
                                 Map<String, String> tags, FunctionCode code, String lastModified) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 3;
    public static final int DEFAULT_MEMORY_MB = 128;

    public FunctionDefinition {
        runtime = runtime == null ? "java17" : runtime;
        role = role == null ? "arn:aws:iam::" + SandboxContext.ACCOUNT_ID + ":role/lambda-role" : role;
        description = description == null ? "" : description;
        timeoutSeconds = timeoutSeconds <= 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
        memoryMb = memoryMb <= 0 ? DEFAULT_MEMORY_MB : memoryMb;
        environment = new TreeMap<>(environment == null ? Map.of() : environment);
        tags = new TreeMap<>(tags == null ? Map.of() : tags);
        code = code == null ? FunctionCode.applicationClassPath() : code;
    }

    /** A function on the application class path with default settings (demo and tests). */
    public static FunctionDefinition builtIn(String name, String handler) {
        return new FunctionDefinition(name, null, null, handler, null, 0, 0, null, null, null, null);
    }

    public String arn() {
        return arn(name);
    }

    public static String arn(String functionName) {
        return "arn:aws:lambda:" + SandboxContext.REGION + ":" + SandboxContext.ACCOUNT_ID + ":function:" + functionName;
    }

    public FunctionDefinition withTimeout(int seconds) {
        return new FunctionDefinition(name, runtime, role, handler, description, seconds, memoryMb, environment, tags,
                code, lastModified);
    }

    public FunctionDefinition withEnvironment(Map<String, String> variables) {
        return new FunctionDefinition(name, runtime, role, handler, description, timeoutSeconds, memoryMb, variables,
                tags, code, lastModified);
    }

    public FunctionDefinition withCode(FunctionCode value) {
        return new FunctionDefinition(name, runtime, role, handler, description, timeoutSeconds, memoryMb, environment,
                tags, value, lastModified);
    }

    public FunctionDefinition withLastModified(String value) {
        return new FunctionDefinition(name, runtime, role, handler, description, timeoutSeconds, memoryMb, environment,
                tags, code, value);
    }
}
