package dev.dynagate.sandbox.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SAM template read as a JSON tree. Short-form intrinsic tags ({@code !Ref X}, {@code !GetAtt X.Arn},
 * {@code !Sub ...}) are read as their plain value, and the long forms ({@code Ref}, {@code Fn::GetAtt}) are
 * reduced the same way by {@link #plain}: enough to follow references between resources of one template.
 */
record SamTemplate(Path file, JsonNode root) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static SamTemplate read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        JsonNode root = name.endsWith(".json") ? new ObjectMapper().readTree(Files.readAllBytes(file))
                : YAML.readTree(Files.readAllBytes(file));
        if (root == null || !root.isObject()) {
            throw new IOException("not a template: the document is empty or not a mapping");
        }
        return new SamTemplate(file, root);
    }

    Map<String, JsonNode> resources() {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        root.path("Resources").fields().forEachRemaining(e -> resources.put(e.getKey(), e.getValue()));
        return resources;
    }

    JsonNode globals(String section) {
        return root.path("Globals").path(section);
    }

    /** A property value as text: scalars as they are, {@code {Ref: X}} as X, {@code {Fn::GetAtt: [X, Arn]}} as X. */
    static String plain(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return pseudoParameters(value.asText());
        }
        if (value.has("Ref")) {
            return value.get("Ref").asText();
        }
        if (value.has("Fn::GetAtt")) {
            JsonNode att = value.get("Fn::GetAtt");
            return att.isArray() ? att.path(0).asText() : att.asText().split("\\.")[0];
        }
        if (value.has("Fn::Sub")) {
            JsonNode sub = value.get("Fn::Sub");
            return pseudoParameters(sub.isArray() ? sub.path(0).asText() : sub.asText());
        }
        return value.toString();
    }

    /** The stack name the sandbox reports for {@code ${AWS::StackName}}. */
    static final String STACK_NAME = "sandbox";

    /** CloudFormation's pseudo parameters inside {@code !Sub} strings, as the sandbox knows them. */
    static String pseudoParameters(String text) {
        return text.replace("${AWS::StackName}", STACK_NAME)
                .replace("${AWS::Region}", dev.dynagate.sandbox.SandboxContext.REGION)
                .replace("${AWS::AccountId}", dev.dynagate.sandbox.SandboxContext.ACCOUNT_ID)
                .replace("${AWS::Partition}", "aws");
    }

    Path folder() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
