package dev.dynagate.apis;

/**
 * What a route reaches.
 *
 * @param type          API Gateway's integration type as reported (AWS_PROXY, HTTP_PROXY, MOCK…)
 * @param uri           the integration URI as reported
 * @param target        what a person wants to read: the Lambda function (with alias), the HTTP URL, the AWS service
 *                      action, or "mock"
 * @param functionArn   the Lambda function's ARN for Lambda integrations, else null
 * @param payloadFormat 1.0 or 2.0 for HTTP API Lambda proxies, else null
 * @param timeoutMillis the integration timeout, or null when not reported
 */
public record Integration(Kind kind, String type, String uri, String target, String functionArn,
                          String payloadFormat, Integer timeoutMillis) {

    public enum Kind { LAMBDA, HTTP, AWS_SERVICE, MOCK, NONE }

    public static final Integration NONE = new Integration(Kind.NONE, null, null, "no integration", null, null, null);
}
