package dev.dynagate.sandbox.dynamodb.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real AWS CLI against an endpoint with throwaway credentials and no user configuration. */
final class AwsCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;
    private final URI endpoint;
    private final Path home;

    AwsCli(Path executable, URI endpoint, Path home) {
        this.executable = executable;
        this.endpoint = endpoint;
        this.home = home;
    }

    record Result(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("CLI output is not JSON: " + stdout + "\n" + stderr, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    /** {@code aws dynamodb <args> --endpoint-url ... --output json}. */
    Result dynamodb(String... args) throws IOException, InterruptedException {
        return service("dynamodb", args);
    }

    /** {@code aws dynamodbstreams <args> --endpoint-url ... --output json}. */
    Result streams(String... args) throws IOException, InterruptedException {
        return service("dynamodbstreams", args);
    }

    private Result service(String service, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), service));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint.toString(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("HOME", home.toString());
        Path out = Files.createTempFile(home, "aws-out", ".txt");
        Path err = Files.createTempFile(home, "aws-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish within 90 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Writes a JSON argument to a file and returns the {@code file://} reference the CLI reads. */
    String file(String name, String json) throws IOException {
        Path path = home.resolve(name);
        Files.writeString(path, json, StandardCharsets.UTF_8);
        return "file://" + path;
    }
}
