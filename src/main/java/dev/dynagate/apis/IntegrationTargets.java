package dev.dynagate.apis;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an integration reaches from its type and URI: the Lambda function (and alias) inside
 * {@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations} or a bare function
 * ARN, the URL of an HTTP integration, the service and action of an AWS integration.
 */
public final class IntegrationTargets {
    private static final Pattern FUNCTION_ARN = Pattern.compile("(arn:aws[a-z-]*:lambda:[^:/]+:[^:/]+:function:[^/]+)");
    private static final Pattern SERVICE_URI = Pattern.compile("arn:aws[a-z-]*:apigateway:[^:]+:([^:/]+):(?:action|path)/(.+)");

    private IntegrationTargets() {
    }

    public static Integration read(String type, String uri, String subtype, String payloadFormat, Integer timeoutMillis) {
        String kind = type == null ? "" : type.toUpperCase(Locale.ROOT);
        String functionArn = functionArn(uri);
        if (kind.startsWith("AWS") && functionArn != null) {
            return new Integration(Integration.Kind.LAMBDA, type, uri, functionLabel(functionArn), functionArn,
                    payloadFormat, timeoutMillis);
        }
        return switch (kind) {
            case "HTTP", "HTTP_PROXY" -> new Integration(Integration.Kind.HTTP, type, uri, uri, null, payloadFormat,
                    timeoutMillis);
            case "MOCK" -> new Integration(Integration.Kind.MOCK, type, uri, "mock", null, null, timeoutMillis);
            case "AWS", "AWS_PROXY" -> new Integration(Integration.Kind.AWS_SERVICE, type, uri,
                    serviceLabel(uri, subtype), null, payloadFormat, timeoutMillis);
            default -> Integration.NONE;
        };
    }

    /** The function ARN (with alias or version when there is one), or null. */
    public static String functionArn(String uri) {
        if (uri == null) {
            return null;
        }
        Matcher matcher = FUNCTION_ARN.matcher(uri);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** "orders" or "orders:live" from a function ARN. */
    public static String functionLabel(String functionArn) {
        int at = functionArn.indexOf(":function:");
        return at < 0 ? functionArn : functionArn.substring(at + ":function:".length());
    }

    private static String serviceLabel(String uri, String subtype) {
        if (subtype != null && !subtype.isBlank()) {
            return subtype;
        }
        if (uri == null) {
            return "AWS service";
        }
        Matcher matcher = SERVICE_URI.matcher(uri);
        return matcher.matches() ? matcher.group(1) + " " + matcher.group(2) : uri;
    }
}
