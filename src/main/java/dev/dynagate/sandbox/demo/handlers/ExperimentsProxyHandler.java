package dev.dynagate.sandbox.demo.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single function behind the {@code experiments-proxy} REST API's {@code ANY /{proxy+}} route: it routes on
 * method and path itself, the style frameworks like Express bring to Lambda.
 */
public final class ExperimentsProxyHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, AutoCloseable {
    private static final Pattern EXPERIMENTS = Pattern.compile("^/experiments/?$");
    private static final Pattern EXPERIMENT = Pattern.compile("^/experiments/([^/]+)/?$");
    private static final Pattern SAMPLES = Pattern.compile("^/experiments/([^/]+)/samples/?$");
    private static final Pattern SAMPLE = Pattern.compile("^/experiments/([^/]+)/samples/([^/]+)/?$");

    private final ExperimentsTable table = new ExperimentsTable();
    private final ExperimentsApi api = new ExperimentsApi(table);

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String method = event.getHttpMethod();
        String path = event.getPath() == null ? "/" : event.getPath();
        context.getLogger().log(method + " " + path + "\n");
        ApiResult result = route(method, path, event);
        return new APIGatewayProxyResponseEvent().withStatusCode(result.status())
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(result.bodyText());
    }

    private ApiResult route(String method, String path, APIGatewayProxyRequestEvent event) {
        Matcher m;
        if ((m = SAMPLE.matcher(path)).matches()) {
            return switch (method) {
                case "GET" -> api.getSample(m.group(1), m.group(2));
                case "DELETE" -> api.deleteSample(m.group(1), m.group(2));
                default -> notAllowed(method, path);
            };
        }
        if ((m = SAMPLES.matcher(path)).matches()) {
            return switch (method) {
                case "GET" -> api.listSamples(m.group(1), event.getQueryStringParameters());
                case "POST" -> api.createSample(m.group(1), body(event));
                default -> notAllowed(method, path);
            };
        }
        if ((m = EXPERIMENT.matcher(path)).matches()) {
            return method.equals("GET") ? api.getExperiment(m.group(1)) : notAllowed(method, path);
        }
        if (EXPERIMENTS.matcher(path).matches()) {
            return method.equals("GET") ? api.listExperiments() : notAllowed(method, path);
        }
        return ApiResult.error(404, "No route for " + method + " " + path);
    }

    private static ApiResult notAllowed(String method, String path) {
        return ApiResult.error(405, method + " is not allowed on " + path);
    }

    private static String body(APIGatewayProxyRequestEvent event) {
        if (event.getBody() == null) {
            return null;
        }
        return Boolean.TRUE.equals(event.getIsBase64Encoded())
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8) : event.getBody();
    }

    @Override
    public void close() {
        table.close();
    }
}
