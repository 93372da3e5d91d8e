package dev.dynagate.sandbox.demo.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Base of the one-function-per-route handlers behind the {@code experiments-api} HTTP API (payload 2.0). The client
 * is built once per execution environment, in the constructor, as Lambda code does in its init phase.
 */
abstract class HttpApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        AutoCloseable {
    private final ExperimentsTable table = new ExperimentsTable();
    private final ExperimentsApi api = new ExperimentsApi(table);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        context.getLogger().log(event.getRequestContext().getHttp().getMethod() + " " + event.getRawPath() + "\n");
        ApiResult result = handle(api, event, event.getPathParameters() == null ? Map.of() : event.getPathParameters());
        return APIGatewayV2HTTPResponse.builder().withStatusCode(result.status())
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(result.bodyText()).build();
    }

    abstract ApiResult handle(ExperimentsApi api, APIGatewayV2HTTPEvent event, Map<String, String> path);

    static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return null;
        }
        return event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8) : event.getBody();
    }

    @Override
    public void close() {
        table.close();
    }
}
