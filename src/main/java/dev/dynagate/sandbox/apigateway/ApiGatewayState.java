package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.files.FileReplace;
import dev.dynagate.sandbox.DamagedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every API Gateway definition, kept in the wire shapes the control planes answer with and saved to one JSON file
 * after each change. Callers hold the lock ({@link #read} / {@link #write}) while they look or change.
 *
 * <p>Layout: {@code httpApis.{apiId}.{api,routes,integrations,stages,authorizers,deployments}},
 * {@code restApis.{id}.{api,resources,stages,deployments,authorizers}}, {@code apiKeys.{id}}, {@code tags.{arn}}.
 */
final class ApiGatewayState {
    private final Path file;
    private final ObjectNode root;

    /** {@code log} hears about a definitions file that could not be read and was set aside. */
    ApiGatewayState(Path folder, Consumer<String> log) {
        this.file = folder == null ? null : folder.resolve("apigateway.json");
        this.root = load(log);
    }

    private ObjectNode load(Consumer<String> log) {
        if (file != null && Files.exists(file)) {
            try {
                if (ApiJson.MAPPER.readTree(file.toFile()) instanceof ObjectNode definitions) {
                    return definitions;
                }
                throw new IOException("not a JSON object");
            } catch (IOException e) {
                // unreadable definitions must not keep the sandbox, and its DynamoDB data, from starting
                log.accept(DamagedFile.setAside(file, "API Gateway definitions", e));
            }
        }
        return ApiJson.object();
    }

    synchronized <T> T read(Supplier<T> action) {
        return action.get();
    }

    synchronized <T> T write(Supplier<T> action) {
        T result = action.get();
        save();
        return result;
    }

    ObjectNode section(String name) {
        ObjectNode section = (ObjectNode) root.get(name);
        return section != null ? section : root.putObject(name);
    }

    ObjectNode httpApis() {
        return section("httpApis");
    }

    ObjectNode restApis() {
        return section("restApis");
    }

    ObjectNode apiKeys() {
        return section("apiKeys");
    }

    ObjectNode tags() {
        return section("tags");
    }

    static ObjectNode child(ObjectNode parent, String name) {
        ObjectNode child = (ObjectNode) parent.get(name);
        return child != null ? child : parent.putObject(name);
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            FileReplace.write(file, out -> ApiJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save API Gateway definitions to " + file, e);
        }
    }
}
