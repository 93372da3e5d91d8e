package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.http.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REST MOCK integrations, without a template engine: the request template's {@code "statusCode"} selects the
 * integration response (by selection pattern, else the default one), whose {@code application/json} template is
 * returned verbatim.
 */
final class MockIntegration {
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d{3})");

    private MockIntegration() {
    }

    static SandboxResponse respond(JsonNode integration, InboundRequest request) {
        String template = integration.path("requestTemplates").path("application/json").asText("");
        Matcher m = STATUS.matcher(template);
        String selected = m.find() ? m.group(1) : "200";
        JsonNode chosen = null;
        for (JsonNode response : integration.path("integrationResponses")) {
            String pattern = response.path("selectionPattern").asText("");
            if (!pattern.isEmpty() && selected.matches(pattern)) {
                chosen = response;
                break;
            }
            if (pattern.isEmpty() && chosen == null) {
                chosen = response;
            }
        }
        if (chosen == null) {
            return SandboxResponse.json(500, "{\"message\": \"Internal server error\"}")
                    .with("x-amzn-ErrorType", "InternalServerErrorException");
        }
        String body = chosen.path("responseTemplates").path("application/json").asText("");
        SandboxResponse response = new SandboxResponse(chosen.path("statusCode").asInt(200), new LinkedHashMap<>(),
                body.getBytes(StandardCharsets.UTF_8)).with("Content-Type", "application/json");
        chosen.path("responseParameters").fields().forEachRemaining(p -> {
            String name = p.getKey();
            String value = p.getValue().asText();
            if (name.startsWith("method.response.header.") && value.startsWith("'") && value.endsWith("'")) {
                response.with(name.substring("method.response.header.".length()), value.substring(1, value.length() - 1));
            }
        });
        return response;
    }
}
