package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.SandboxContext;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the Lambda proxy events API Gateway sends: payload format 2.0 (HTTP APIs) and 1.0 (REST, or HTTP 1.0). */
final class ProxyEvents {
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final java.util.Random TRACE_RANDOM = new java.security.SecureRandom();

    private ProxyEvents() {
    }

    /** Payload format 2.0: lower-case header names, repeats joined with commas, cookies apart, decoded parameters. */
    static ObjectNode v2(InboundRequest request, String routeKey, Map<String, String> pathParameters,
                         ObjectNode stageVariables) {
        ObjectNode event = ApiJson.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", request.stagePath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        ArrayNode cookies = ApiJson.array();
        ObjectNode headers = ApiJson.object();
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                header.getValue().forEach(v -> {
                    for (String cookie : v.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.strip());
                        }
                    }
                });
            } else {
                headers.put(name, String.join(",", header.getValue()));
            }
        }
        forwardingHeaders(request).forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        if (!cookies.isEmpty()) {
            event.set("cookies", cookies);
        }
        event.set("headers", headers);
        Map<String, List<String>> query = request.query();
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach((k, v) -> parameters.put(k, String.join(",", v)));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", SandboxContext.ACCOUNT_ID);
        context.put("apiId", request.apiId());
        context.put("domainName", domainName(request));
        context.put("domainPrefix", request.apiId());
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.stagePath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("User-Agent") == null ? "" : request.header("User-Agent"));
        context.put("requestId", request.requestId());
        context.put("routeKey", routeKey);
        context.put("stage", request.stage());
        context.put("time", REQUEST_TIME.format(request.time()));
        context.put("timeEpoch", request.time().toEpochMilli());
        putBody(event, request, textLike(request));
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        if (stageVariables != null && !stageVariables.isEmpty()) {
            event.set("stageVariables", stageVariables);
        }
        return event;
    }

    /**
     * Payload format 1.0: single- and multi-value headers and query parameters, absent maps as null, and the
     * identity block. REST APIs base64-encode only for binary media types; HTTP APIs whenever the body is not text.
     */
    static ObjectNode v1(InboundRequest request, String resourcePath, String resourceId, Map<String, String> pathParameters,
                         ObjectNode stageVariables, boolean httpApi, String routeKey, boolean binary) {
        ObjectNode event = ApiJson.object();
        if (httpApi) {
            event.put("version", "1.0");
        }
        event.put("resource", resourcePath);
        event.put("path", request.path().isEmpty() ? "/" : InboundRequest.decode(request.path()));
        event.put("httpMethod", request.method());
        ObjectNode headers = ApiJson.object();
        ObjectNode multiHeaders = ApiJson.object();
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            String name = httpApi ? header.getKey().toLowerCase(Locale.ROOT) : displayName(header.getKey());
            headers.put(name, httpApi ? String.join(",", header.getValue())
                    : header.getValue().get(header.getValue().size() - 1));
            ArrayNode values = multiHeaders.putArray(name);
            header.getValue().forEach(values::add);
        }
        forwardingHeaders(request).forEach((name, value) -> {
            String key = httpApi ? name.toLowerCase(Locale.ROOT) : name;
            headers.put(key, value);
            multiHeaders.putArray(key).add(value);
        });
        event.set("headers", headers);
        event.set("multiValueHeaders", multiHeaders);
        Map<String, List<String>> query = request.query();
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            query.forEach((k, v) -> {
                single.put(k, v.get(v.size() - 1));
                ArrayNode values = multi.putArray(k);
                v.forEach(values::add);
            });
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", SandboxContext.ACCOUNT_ID);
        context.put("apiId", request.apiId());
        context.put("domainName", domainName(request));
        context.put("domainPrefix", request.apiId());
        context.put("extendedRequestId", request.requestId());
        context.put("httpMethod", request.method());
        ObjectNode identity = context.putObject("identity");
        for (String field : List.of("accessKey", "accountId", "caller", "cognitoAuthenticationProvider",
                "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId")) {
            identity.putNull(field);
        }
        identity.put("sourceIp", request.sourceIp());
        identity.putNull("user");
        identity.put("userAgent", request.header("User-Agent"));
        identity.putNull("userArn");
        context.put("path", request.stagePath());
        context.put("protocol", "HTTP/1.1");
        context.put("requestId", request.requestId());
        context.put("requestTime", REQUEST_TIME.format(request.time()));
        context.put("requestTimeEpoch", request.time().toEpochMilli());
        if (httpApi) {
            context.putNull("resourceId");
            context.put("resourcePath", resourcePath);
        } else {
            context.put("resourceId", resourceId);
            context.put("resourcePath", resourcePath);
        }
        context.put("stage", request.stage());
        if (pathParameters.isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        if (stageVariables == null || stageVariables.isEmpty()) {
            event.putNull("stageVariables");
        } else {
            event.set("stageVariables", stageVariables);
        }
        if (request.body().length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
        } else {
            putBody(event, request, httpApi ? textLike(request) : !binary);
        }
        return event;
    }

    private static void putBody(ObjectNode event, InboundRequest request, boolean text) {
        if (request.body().length == 0) {
            event.put("isBase64Encoded", false);
            return;
        }
        if (text) {
            event.put("body", new String(request.body(), StandardCharsets.UTF_8));
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", true);
        }
    }

    /**
     * Whether an HTTP API passes the body as text: text, JSON, XML, JavaScript and form content types; without a
     * content type, any valid UTF-8.
     */
    static boolean textLike(InboundRequest request) {
        String type = request.header("Content-Type");
        if (type == null) {
            return validUtf8(request.body());
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
                || t.contains("x-www-form-urlencoded") || t.contains("yaml") || t.contains("graphql");
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The headers API Gateway adds in front of the integration. */
    private static Map<String, String> forwardingHeaders(InboundRequest request) {
        String host = request.header("Host");
        String port = host != null && host.contains(":") ? host.substring(host.lastIndexOf(':') + 1) : "80";
        return Map.of("X-Forwarded-For", request.sourceIp(), "X-Forwarded-Port", port, "X-Forwarded-Proto", "http",
                "X-Amzn-Trace-Id", traceId(request));
    }

    static String traceId(InboundRequest request) {
        return "Root=1-" + Long.toHexString(request.time().getEpochSecond()) + "-"
                + String.format("%024x", new java.math.BigInteger(96, TRACE_RANDOM));
    }

    private static String domainName(InboundRequest request) {
        String host = request.header("Host");
        return host == null ? "127.0.0.1" : host;
    }

    /**
     * The JDK HTTP server hands us header names as "Content-type"; REST APIs pass names as sent, which is almost
     * always the canonical "Content-Type" form, so that is restored.
     */
    static String displayName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
