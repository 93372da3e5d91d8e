package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the function an integration targets: a function ARN (HTTP APIs), or API Gateway's invoke ARN
 * {@code arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations}, with
 * {@code ${stageVariables.name}} substituted.
 */
final class LambdaTargets {
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");

    private LambdaTargets() {
    }

    static String functionName(String uri, JsonNode stageVariables) {
        Matcher m = STAGE_VARIABLE.matcher(uri);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(resolved, Matcher.quoteReplacement(stageVariables == null ? ""
                    : stageVariables.path(m.group(1)).asText("")));
        }
        m.appendTail(resolved);
        String text = resolved.toString();
        int functions = text.indexOf("/functions/");
        if (functions >= 0) {
            text = text.substring(functions + "/functions/".length());
            int end = text.indexOf("/invocations");
            text = end >= 0 ? text.substring(0, end) : text;
        }
        int marker = text.indexOf("function:");
        if (marker >= 0) {
            text = text.substring(marker + "function:".length());
        }
        int qualifier = text.indexOf(':');
        return qualifier >= 0 ? text.substring(0, qualifier) : text;
    }

    /** The invoke ARN API Gateway v1 integrations use for a function. */
    static String invokeArn(String functionArn) {
        return "arn:aws:apigateway:" + dev.dynagate.sandbox.SandboxContext.REGION
                + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }
}
