package dev.dynagate.sandbox.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Lambda handlers the data-plane tests put behind routes. */
public final class DataPlaneHandlers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DataPlaneHandlers() {
    }

    /** Answers 200 with the event it received as the JSON body, so tests can look at it. */
    public static final class Capture implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            ObjectNode response = JSON.createObjectNode().put("statusCode", 200);
            response.putObject("headers").put("content-type", "application/json").put("x-handler", "capture");
            response.put("body", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            out.write(JSON.writeValueAsBytes(response));
        }
    }

    /** Returns the request body verbatim as its result, so a test decides exactly what the function answers. */
    public static final class Echo implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            String body = JSON.readTree(in).path("body").asText();
            out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A typed 2.0 handler using the aws-lambda-java-events classes. */
    public static final class TypedV2 implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                    .withHeaders(Map.of("content-type", "text/plain"))
                    .withCookies(List.of("a=1; Path=/", "b=2"))
                    .withBody(event.getRequestContext().getHttp().getMethod() + " " + event.getRawPath() + " "
                            + event.getPathParameters() + " " + event.getCookies() + " " + event.getIsBase64Encoded())
                    .build();
        }
    }

    /** A typed 1.0 handler using the aws-lambda-java-events classes. */
    public static final class TypedV1 implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withMultiValueHeaders(Map.of("x-multi", List.of("1", "2")))
                    .withBody(event.getHttpMethod() + " " + event.getResource() + " " + event.getPath() + " "
                            + event.getPathParameters() + " " + event.getMultiValueQueryStringParameters()
                            + " " + event.getRequestContext().getStage());
        }
    }

    public static final class Throws implements RequestHandler<Map<String, Object>, Object> {
        @Override
        public Object handleRequest(Map<String, Object> event, Context context) {
            throw new IllegalArgumentException("no such experiment");
        }
    }

    public static final class Sleeps implements RequestHandler<Map<String, Object>, Object> {
        @Override
        public Object handleRequest(Map<String, Object> event, Context context) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("statusCode", 200, "body", "late");
        }
    }

    /** Sleeps a little so concurrent requests overlap, then answers which request it served. */
    public static final class Busy implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("statusCode", 200, "body", String.valueOf(event.get("rawQueryString")));
        }
    }
}
