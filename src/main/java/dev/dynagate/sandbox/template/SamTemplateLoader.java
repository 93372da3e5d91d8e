package dev.dynagate.sandbox.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.apigateway.ApiDefinitions;
import dev.dynagate.sandbox.lambda.FunctionCode;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.lambda.LambdaRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a SAM template subset into the sandbox: {@code AWS::DynamoDB::Table}, {@code AWS::Serverless::Function}
 * (Handler, CodeUri jar or folder, Runtime, MemorySize, Timeout, Environment, Events of type Api, HttpApi and
 * DynamoDB, with {@code Globals.Function}), {@code AWS::Serverless::HttpApi} and {@code AWS::Serverless::Api};
 * events without an API id go to SAM's implicit APIs. Each problem is reported with the file and the resource and
 * the rest still loads. Loading again keeps what exists (same names, same routes, one trigger per function and
 * stream) and replaces function definitions.
 */
public final class SamTemplateLoader {
    static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";
    static final String IMPLICIT_REST_API = "ServerlessRestApi";
    private static final Set<String> IGNORED = Set.of("AWS::Lambda::Permission", "AWS::IAM::Role",
            "AWS::Serverless::LayerVersion", "AWS::Logs::LogGroup");

    private final SandboxContext context;
    private final LambdaRuntime lambda;
    private final ApiDefinitions apis;
    private final StreamEventSources streams;

    public SamTemplateLoader(SandboxContext context, LambdaRuntime lambda, ApiDefinitions apis,
                             StreamEventSources streams) {
        this.context = context;
        this.lambda = lambda;
        this.apis = apis;
        this.streams = streams;
    }

    /** Loads the template and returns one line per thing created or problem found. */
    public List<String> load(Path file) {
        List<String> report = new ArrayList<>();
        SamTemplate template;
        try {
            template = SamTemplate.read(file);
        } catch (IOException | RuntimeException e) {
            report.add(file + ": cannot read the template: " + e.getMessage());
            return report;
        }
        Map<String, JsonNode> resources = template.resources();
        Map<String, String> tableNames = new LinkedHashMap<>();
        Map<String, ApiTarget> apiTargets = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> functions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : resources.entrySet()) {
            String id = entry.getKey();
            JsonNode resource = entry.getValue();
            String type = resource.path("Type").asText();
            JsonNode properties = resource.path("Properties");
            try {
                switch (type) {
                    case "AWS::DynamoDB::Table" -> tableNames.put(id, tables().create(id, properties, report, file));
                    case "AWS::Serverless::HttpApi" -> apiTargets.put(id, new ApiTarget(true,
                            name(properties, "Name", id), text(properties, "StageName", "$default")));
                    case "AWS::Serverless::Api" -> apiTargets.put(id, new ApiTarget(false,
                            name(properties, "Name", id), text(properties, "StageName", "Prod")));
                    case "AWS::Serverless::Function" -> functions.add(entry);
                    default -> {
                        if (!IGNORED.contains(type)) {
                            report.add(file + ": resource " + id + ": type " + (type.isEmpty() ? "(none)" : type)
                                    + " is not supported by the sandbox; skipped");
                        }
                    }
                }
            } catch (RuntimeException e) {
                report.add(file + ": resource " + id + ": " + e.getMessage());
            }
        }
        apiTargets.putIfAbsent(IMPLICIT_HTTP_API, new ApiTarget(true, IMPLICIT_HTTP_API, "$default"));
        apiTargets.putIfAbsent(IMPLICIT_REST_API, new ApiTarget(false, IMPLICIT_REST_API, "Prod"));
        Map<String, String> createdApis = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> function : functions) {
            try {
                loadFunction(template, function.getKey(), function.getValue().path("Properties"), tableNames,
                        apiTargets, createdApis, report);
            } catch (RuntimeException e) {
                report.add(file + ": resource " + function.getKey() + ": " + e.getMessage());
            }
        }
        createdApis.forEach((logicalId, apiId) -> {
            ApiTarget target = apiTargets.get(logicalId);
            if (!target.http()) {
                apis.deploy(apiId, target.stage());
            }
            report.add(file + ": " + (target.http() ? "HTTP API " : "REST API ") + target.name() + " at "
                    + context.endpoint() + "/_aws/execute-api/" + apiId
                    + (target.stage().equals("$default") ? "" : "/" + target.stage()));
        });
        return report;
    }

    private record ApiTarget(boolean http, String name, String stage) {
    }

    private void loadFunction(SamTemplate template, String id, JsonNode properties, Map<String, String> tableNames,
                              Map<String, ApiTarget> apiTargets, Map<String, String> createdApis, List<String> report) {
        JsonNode globals = template.globals("Function");
        String handler = text(properties, "Handler", text(globals, "Handler", null));
        if (handler == null) {
            report.add(template.file() + ": resource " + id + ": no Handler; function skipped");
            return;
        }
        String codeUri = text(properties, "CodeUri", text(globals, "CodeUri", null));
        FunctionCode code = codeUri == null ? FunctionCode.applicationClassPath()
                : FunctionCode.local(template.folder().resolve(codeUri));
        if (codeUri != null && !Files.exists(Path.of(code.location()))) {
            report.add(template.file() + ": resource " + id + ": CodeUri " + codeUri + " not found (looked for "
                    + code.location() + "); function skipped");
            return;
        }
        Map<String, String> environment = new LinkedHashMap<>();
        globals.path("Environment").path("Variables").fields()
                .forEachRemaining(e -> environment.put(e.getKey(), resolve(e.getValue(), tableNames)));
        properties.path("Environment").path("Variables").fields()
                .forEachRemaining(e -> environment.put(e.getKey(), resolve(e.getValue(), tableNames)));
        String name = name(properties, "FunctionName", id);
        FunctionDefinition function = new FunctionDefinition(name, text(properties, "Runtime",
                text(globals, "Runtime", "java17")), null, handler, text(properties, "Description", null),
                properties.path("Timeout").asInt(globals.path("Timeout").asInt(0)),
                properties.path("MemorySize").asInt(globals.path("MemorySize").asInt(0)), environment,
                Map.of("aws:cloudformation:logical-id", id), code, null);
        Optional<String> problem = LambdaRuntime.handlerProblem(function);
        if (problem.isPresent()) {
            report.add(template.file() + ": resource " + id + ": " + problem.get() + "; function skipped");
            return;
        }
        lambda.put(function);
        report.add(template.file() + ": function " + name + " (" + handler + ")");
        properties.path("Events").fields().forEachRemaining(event -> {
            try {
                if (event.getValue().path("Type").asText().equals("DynamoDB")) {
                    addStreamEvent(template, id, name, event.getKey(), event.getValue().path("Properties"),
                            tableNames, report);
                } else {
                    addEvent(template, id, name, event.getKey(), event.getValue(), apiTargets, createdApis, report);
                }
            } catch (RuntimeException e) {
                report.add(template.file() + ": resource " + id + ": event " + event.getKey() + ": " + e.getMessage());
            }
        });
    }

    private void addEvent(SamTemplate template, String id, String function, String eventName, JsonNode event,
                          Map<String, ApiTarget> apiTargets, Map<String, String> createdApis, List<String> report) {
        String type = event.path("Type").asText();
        JsonNode properties = event.path("Properties");
        if (!type.equals("HttpApi") && !type.equals("Api")) {
            report.add(template.file() + ": resource " + id + ": event " + eventName + " of type " + type
                    + " is not supported by the sandbox; skipped");
            return;
        }
        boolean http = type.equals("HttpApi");
        String apiRef = SamTemplate.plain(properties.get(http ? "ApiId" : "RestApiId"));
        String logicalApi = apiRef != null ? apiRef : (http ? IMPLICIT_HTTP_API : IMPLICIT_REST_API);
        ApiTarget target = apiTargets.get(logicalApi);
        if (target == null || target.http() != http) {
            report.add(template.file() + ": resource " + id + ": event " + eventName + " refers to " + logicalApi
                    + ", which is not an " + (http ? "AWS::Serverless::HttpApi" : "AWS::Serverless::Api")
                    + " of this template; skipped");
            return;
        }
        String apiId = createdApis.computeIfAbsent(logicalApi, k -> http ? httpApi(target) : restApi(target));
        String path = text(properties, "Path", null);
        String method = text(properties, "Method", null);
        if (http) {
            String routeKey = path == null ? "$default"
                    : (method == null || method.equalsIgnoreCase("any") ? "ANY" : method.toUpperCase(Locale.ROOT))
                    + " " + path;
            apis.addLambdaRoute(apiId, routeKey, function, text(properties, "PayloadFormatVersion", "2.0"));
        } else {
            if (path == null || method == null) {
                report.add(template.file() + ": resource " + id + ": event " + eventName
                        + " needs Path and Method; skipped");
                return;
            }
            apis.addLambdaMethod(apiId, apis.resource(apiId, path), method.toUpperCase(Locale.ROOT), function);
        }
    }

    /** A DynamoDB event: the function triggered by the stream of a template's table ({@code !GetAtt T.StreamArn}). */
    private void addStreamEvent(SamTemplate template, String id, String function, String eventName,
                                JsonNode properties, Map<String, String> tableNames, List<String> report) {
        String stream = SamTemplate.plain(properties.get("Stream"));
        String logicalTable = stream == null ? null : stream.split("\\.")[0];
        String table = logicalTable == null ? null : tableNames.get(logicalTable);
        if (table == null) {
            report.add(template.file() + ": resource " + id + ": event " + eventName + " needs Stream: !GetAtt "
                    + "TABLE.StreamArn naming a table of this template; skipped");
            return;
        }
        report.add(template.file() + ": " + streams.connect(function, table, properties));
    }

    private String httpApi(ApiTarget target) {
        String apiId = apis.httpApiNamed(target.name()).orElseGet(() -> apis.createHttpApi(target.name()));
        apis.addStage(apiId, target.stage(), true);
        return apiId;
    }

    private String restApi(ApiTarget target) {
        return apis.restApiNamed(target.name()).orElseGet(() -> apis.createRestApi(target.name()));
    }

    private TemplateTables tables() {
        return new TemplateTables(context);
    }

    /** A {@code !Ref} to a table of the template becomes that table's name, as CloudFormation resolves it. */
    private static String resolve(JsonNode value, Map<String, String> tableNames) {
        String text = SamTemplate.plain(value);
        return tableNames.getOrDefault(text, text);
    }

    private static String name(JsonNode properties, String field, String fallback) {
        return text(properties, field, fallback);
    }

    private static String text(JsonNode node, String field, String fallback) {
        String value = node == null ? null : SamTemplate.plain(node.get(field));
        return value == null ? fallback : value;
    }
}
